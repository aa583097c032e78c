// How the dashboard's page is served: at /__admin/ui/ without the admin token (the files hold no
// data), `/` sends browsers there and still answers API clients with KB-003, every file the page
// loads is local and comes with a strict Content-Security-Policy, nothing is journaled, and
// --no-admin removes the page with the admin API. HTML and redirects are read with fetch from a
// listening server; JSON answers go through the contract-checking helper.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { DASHBOARD_CSP, dashboardDir, dashboardRoutes } from '../../server/dashboard/routes.js';
import { get } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

async function listen(app: Express): Promise<{ server: Server; origin: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('the dashboard page', () => {
  const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });
  let server: Server;
  let origin: string;
  beforeAll(async () => ({ server, origin } = await listen(app)));
  afterAll(() => close(server));

  it('is served at /__admin/ui/ as HTML with a Content-Security-Policy that allows only this origin', async () => {
    const res = await fetch(`${origin}/__admin/ui/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).toContain("connect-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<script type="module" src="app.js"></script>');
  });

  it('serves every file the page and its modules load, with the right media type', async () => {
    const html = readFileSync(join(dashboardDir, 'index.html'), 'utf8');
    const referenced = new Set([...html.matchAll(/(?:src|href)="([a-z-]+\.(?:js|css|svg))"/g)].map((m) => m[1]!));
    for (const file of readdirSync(dashboardDir).filter((f) => f.endsWith('.js'))) {
      for (const m of readFileSync(join(dashboardDir, file), 'utf8').matchAll(/from '\.\/([a-z-]+\.js)'/g)) referenced.add(m[1]!);
    }
    expect([...referenced].sort()).toEqual(['api.js', 'app.js', 'chart.js', 'dom.js', 'favicon.svg', 'fields.js', 'styles.css']);
    const types: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml' };
    for (const file of referenced) {
      const res = await fetch(`${origin}/__admin/ui/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toBe(types[file.split('.').pop()!]);
    }
  });

  it('names no other host in any of its files (no CDN)', () => {
    for (const file of readdirSync(dashboardDir)) {
      const text = readFileSync(join(dashboardDir, file), 'utf8').replaceAll('http://www.w3.org/2000/svg', '');
      expect(text.match(/https?:\/\/[^\s'"`)]+/g) ?? [], file).toEqual([]);
    }
  });

  it('is where / sends a browser, and /__admin/ui without the slash', async () => {
    const root = await fetch(`${origin}/`, { headers: { Accept: BROWSER_ACCEPT }, redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/__admin/ui/');
    const bare = await fetch(`${origin}/__admin/ui`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/__admin/ui/');
  });

  it('leaves / to the API for other clients: 404 KB-003 as before', async () => {
    const res = await get(app, '/', { Accept: '*/*' });
    expect(res.status).toBe(404);
    expect(res.body.kode).toBe('KB-003');
  });

  it('is not journaled and makes no session', async () => {
    const newest = async () => ((await get(app, '/__admin/journal?session=all&limit=1')).body.entries as { id: number }[])[0]?.id ?? 0;
    const before = await newest();
    await fetch(`${origin}/__admin/ui/`, { headers: { 'X-Kravmock-Session': 'page-view' } });
    await fetch(`${origin}/`, { headers: { Accept: BROWSER_ACCEPT }, redirect: 'manual' });
    // An API call after them is journaled, so the journal is on and the page's requests are not in it.
    await get(app, '/v1/regnskapssystem/313367002/aapnekrav');
    const journal = await get(app, `/__admin/journal?session=all&since=${before}`);
    expect((journal.body.entries as { path: string }[]).map((e) => e.path)).toEqual(['/v1/regnskapssystem/313367002/aapnekrav']);
    const sessions = await get(app, '/__admin/sessions');
    expect(sessions.body.sessions).toEqual([]);
  });
});

describe('the dashboard page and the admin token', () => {
  const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, admin: { token: 'page-token-123' } });
  let server: Server;
  let origin: string;
  beforeAll(async () => ({ server, origin } = await listen(app)));
  afterAll(() => close(server));

  it('serves the page without the token, while the admin API behind it asks for it', async () => {
    expect((await fetch(`${origin}/__admin/ui/`)).status).toBe(200);
    expect((await fetch(`${origin}/__admin/ui/app.js`)).status).toBe(200);
    const scenarios = await get(app, '/__admin/scenarios');
    expect(scenarios.status).toBe(401);
    expect(scenarios.body.error).toBe('admin-token-required');
  });

  it('does not serve a file outside its folder', async () => {
    for (const path of ['/__admin/ui/..%2f..%2f..%2fpackage.json', '/__admin/ui/../../../package.json', '/__admin/ui/%2e%2e/routes.ts']) {
      const res = await fetch(`${origin}${path}`);
      const text = await res.text();
      expect(res.status, path).not.toBe(200);
      expect(text, path).not.toContain('"devDependencies"');
      expect(text, path).not.toContain('dashboardRoutes');
    }
  });
});

describe('the dashboard without the admin API (--no-admin)', () => {
  const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, admin: { enabled: false } });

  it('is gone with it: /__admin/ui/ and / answer 404 KB-003', async () => {
    const { server, origin } = await listen(app);
    try {
      for (const path of ['/__admin/ui/', '/']) {
        const res = await fetch(`${origin}${path}`, { headers: { Accept: BROWSER_ACCEPT }, redirect: 'manual' });
        expect(res.status, path).toBe(404);
        // The browser's Accept allows XML, so the API's error comes as XML.
        expect(await res.text(), path).toContain('<kode>KB-003</kode>');
      }
    } finally {
      await close(server);
    }
  });
});

describe('an installation without the page files', () => {
  it('answers 500 naming the missing file instead of pretending there is no page', async () => {
    const app = express();
    const missingDir = join(dashboardDir, 'not-there');
    app.use(dashboardRoutes(missingDir));
    const { server, origin } = await listen(app);
    try {
      const res = await fetch(`${origin}/__admin/ui/`);
      expect(res.status).toBe(500);
      expect(await res.text()).toBe(`kravmock's dashboard files are missing from this installation: expected ${join(missingDir, 'index.html')}\n`);
    } finally {
      await close(server);
    }
  });
});
