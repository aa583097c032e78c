// kravmock's server makes its requests and responses with express's prototypes already in place
// (server/http/express-messages.ts). That must change nothing but speed: the same answers as a
// plain node:http server running the same app.
import { createServer, IncomingMessage, request as httpRequest, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { isExpressApp, messageConstructorsFor } from '../../server/http/express-messages.js';
import { createLimitedServer } from '../../server/http/limits.js';
import { validateResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with node:http (fetch would add headers of its own). */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('messageConstructorsFor', () => {
  it('makes requests and responses whose prototypes are the app’s, and which are still node:http messages', async () => {
    const app = express();
    const seen: boolean[] = [];
    app.get('/', (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response, req instanceof IncomingMessage, res instanceof ServerResponse);
      res.json({ ok: true, accepts: req.accepts(['json', 'xml']), header: req.get('x-test') });
    });
    const server = createServer(messageConstructorsFor(app), app);
    const base = await listen(server);
    try {
      const res = await raw(base, 'GET', '/', { 'x-test': 'yes', accept: 'application/xml' });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ ok: true, accepts: 'xml', header: 'yes' });
      expect(seen).toEqual([true, true, true, true]);
    } finally {
      server.close();
    }
  });

  it('tells an express app from another request listener', () => {
    expect(isExpressApp(express())).toBe(true);
    expect(isExpressApp(() => undefined)).toBe(false);
    expect(isExpressApp(undefined)).toBe(false);
  });
});

describe('kravmock on its own server and on a plain node:http server', () => {
  const servers: Server[] = [];
  let fast = '';
  let plain = '';
  beforeAll(async () => {
    const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });
    servers.push(createLimitedServer(app), createServer(app));
    const [a, b] = await Promise.all(servers.map(listen));
    [fast, plain] = [a!, b!];
  });
  afterAll(() => servers.forEach((s) => s.close()));

  const PERIOD = 'fraOgMed=2026-01-01&tilOgMed=2026-11-26';
  it.each([
    ['GET', '/v1/regnskapssystem/313367002/aapnekrav', {}],
    ['GET', '/v1/regnskapssystem/313367002/aapnekrav', { accept: 'application/xml' }],
    ['GET', `/v1/finans/313367002/krav?${PERIOD}`, {}],
    ['GET', `/api/innkreving/kravogbetalinger/v1/regnskapssystem/313367002/innbetalinger?${PERIOD}`, {}],
    ['HEAD', '/v1/regnskapssystem/313367002/aapnekrav', {}],
    ['GET', '/v1/regnskapssystem/313367002/krav?fraOgMed=2026-13-01', {}],
    ['GET', '/v1/regnskapssystem/999999999/aapnekrav', {}],
    ['GET', '/v1/regnskapssystem/313367002/aapnekrav', { authorization: 'Bearer nope' }],
    ['GET', '/v1/regnskapssystem/313367002/aapnekrav', { accept: 'text/csv' }],
    ['GET', '/v1/regnskapssystem/313367002/aapnekrav', { prefer: 'code=500' }],
    ['POST', '/v1/regnskapssystem/313367002/aapnekrav', {}],
    ['GET', '/nowhere', {}],
    ['GET', '/health', {}],
    ['GET', '/__admin/clock', {}],
  ] as const)('%s %s %j answers alike', async (method, path, headers) => {
    const [a, b] = await Promise.all([raw(fast, method, path, headers), raw(plain, method, path, headers)]);
    const comparable = (r: Raw) => {
      const { date: _date, korrelasjonsid: _id, ...rest } = r.headers;
      return { status: r.status, headers: rest, text: r.text.replace(/"korrelasjonsid":"[^"]+"|<korrelasjonsid>[^<]+</g, 'ID') };
    };
    expect(comparable(a)).toEqual(comparable(b));
    if (method === 'GET') validateResponse(path, { status: a.status, headers: a.headers, text: a.text, body: a.headers['content-type']?.includes('json') ? JSON.parse(a.text) : {} } as never);
  });
});
