// The contracts as served documents and the Swagger UI page: the YAML is the file, the page and its
// configuration reference only kravmock's own URLs (no CDN), and every asset they name is served.
import { readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKravmock, type KravmockOptions } from '../../server/app.js';
import { adminContractFile, contractFile } from '../../server/contract.js';
import { get } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const mock = (options: Partial<KravmockOptions> = {}) => createKravmock({ scenarios: [], clock: CLOCK, ...options });

/** Every src and href of a page. */
const referencesIn = (html: string): string[] => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);

describe('the contracts as documents', () => {
  it('GET /openapi.yaml is contracts/openapi.yaml, byte for byte, as application/yaml', async () => {
    const res = await get(mock().app, '/openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.mediaType).toBe('application/yaml');
    expect(res.text).toBe(readFileSync(contractFile, 'utf8'));
  });

  it('GET /openapi.json is the same document as JSON', async () => {
    const res = await get(mock().app, '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(parse(readFileSync(contractFile, 'utf8')));
    expect(res.body.openapi).toBe('3.1.0');
  });

  it('GET /admin-openapi.yaml is contracts/admin-openapi.yaml, without the admin token', async () => {
    const res = await get(mock({ admin: { token: 'hemmelig-admin-token' } }).app, '/admin-openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.mediaType).toBe('application/yaml');
    expect(res.text).toBe(readFileSync(adminContractFile, 'utf8'));
  });

  it('with --no-admin, /admin-openapi.yaml is 404 KB-003 as the admin API; /openapi.yaml stays', async () => {
    const { app } = mock({ admin: { enabled: false } });
    const res = await get(app, '/admin-openapi.yaml');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ kode: 'KB-003' });
    expect((await get(app, '/openapi.yaml')).status).toBe(200);
  });

  it('are not journaled', async () => {
    const { app, runtime } = mock();
    await get(app, '/openapi.yaml');
    await get(app, '/docs');
    expect(runtime.journal.size).toBe(0);
  });
});

describe('GET /docs', () => {
  it('is an HTML page that loads the swagger-ui bundle from /docs/, and only local URLs', async () => {
    const res = await get(mock().app, '/docs');
    expect(res.status).toBe(200);
    expect(res.mediaType).toBe('text/html');
    expect(res.text).toContain('<script src="/docs/swagger-ui-bundle.js"');
    expect(res.text).toContain('<script src="/docs/swagger-initializer.js"');
    const references = referencesIn(res.text);
    expect(references).toEqual(expect.arrayContaining(['/docs/swagger-ui.css', '/openapi.yaml', '/admin-openapi.yaml']));
    // Local: a path on this server, never another host (no scheme, no protocol-relative //host).
    for (const url of references) expect(url, url).toMatch(/^\/(?!\/)/);
    expect(res.text).not.toMatch(/https?:\/\//);
  });

  it('without the admin API, the page and its configuration leave the admin contract out', async () => {
    const { app } = mock({ admin: { enabled: false } });
    expect(referencesIn((await get(app, '/docs')).text)).not.toContain('/admin-openapi.yaml');
  });
});

describe('the Swagger UI assets (from swagger-ui-dist, served by kravmock)', () => {
  const kravmock = mock();
  let base = '';
  const server = kravmock.app.listen(0, '127.0.0.1');
  beforeAll(async () => {
    if (!server.listening) await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  it('serves the bundle as JavaScript, the file from the package', async () => {
    const res = await fetch(`${base}/docs/swagger-ui-bundle.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    const body = await res.text();
    expect(Buffer.byteLength(body)).toBe(statSync(join(swaggerUiDir, 'swagger-ui-bundle.js')).size);
  });

  it('serves every local URL the page references (the page at /docs/ too)', async () => {
    const html = await (await fetch(`${base}/docs`)).text();
    expect(await (await fetch(`${base}/docs/`)).text()).toBe(html);
    const statuses = await Promise.all(referencesIn(html).map(async (url) => [url, (await fetch(`${base}${url}`)).status]));
    expect(statuses.filter(([, status]) => status !== 200)).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(7);
  });

  it('configures the page for both contracts, without the online validator, calling this kravmock', async () => {
    const res = await fetch(`${base}/docs/swagger-initializer.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const js = await res.text();
    expect(js).toContain('urls: [{"url":"/openapi.yaml","name":"Krav og betalinger API"},{"url":"/admin-openapi.yaml","name":"kravmock admin API"}]');
    expect(js).toContain('validatorUrl: null');
    expect(js).toContain('window.location.origin + target.pathname + target.search');
    expect(js).not.toMatch(/https?:\/\//);
  });

  it("serves nothing else of the package (not its own index.html, initializer or package.json)", async () => {
    for (const name of ['index.html', 'package.json', 'swagger-ui-es-bundle.js', 'absolute-path.js']) {
      expect(await fetch(`${base}/docs/${name}`).then((r) => r.status), name).toBe(404);
    }
    const initializer = await (await fetch(`${base}/docs/swagger-initializer.js`)).text();
    expect(initializer).not.toContain('petstore');
  });
});
