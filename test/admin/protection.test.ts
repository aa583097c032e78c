// Protection of the admin API through HTTP: with a token every route under /__admin (kravmock's own
// and the access capability's /__admin/tokens and /__admin/clients) needs `Authorization: Bearer`;
// with `enabled: false` there is no admin API at all. The API itself is never affected.
import { generateKeyPairSync } from 'node:crypto';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createApp, createKravmock } from '../../server/app.js';
import { request, validateResponse, type CheckedResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const TOKEN = 'kravmock-admin-token-for-the-tests_0123456789';
const OPEN = '/v1/regnskapssystem/313367002/aapnekrav';
const REQUIRED =
  'the admin API needs its token: send Authorization: Bearer <admin token> (the token kravmock printed at start, or the one set with --admin-token / KRAVMOCK_ADMIN_TOKEN)';
const INVALID = 'the admin token sent does not match: send Authorization: Bearer <admin token> with the token this kravmock was started with';
const clientKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });

type Method = 'get' | 'post' | 'delete';
interface Endpoint {
  method: Method;
  path: string;
  body?: unknown;
  ok: number;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/__admin/scenarios', ok: 200 },
  { method: 'get', path: '/__admin/sessions', ok: 200 },
  { method: 'post', path: '/__admin/tokens', body: { org: '313367002', pakke: 'regnskapssystem' }, ok: 200 },
  { method: 'post', path: '/__admin/clients', body: { clientId: 'sent-klient', orgnr: '313367002', publicKey: clientKey }, ok: 201 },
  { method: 'delete', path: '/__admin/sessions/ci-a', ok: 204 },
];

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function protectedMock() {
  return createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK, admin: { token: TOKEN } });
}

function expect401(res: CheckedResponse, error: string, message: string) {
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer realm="kravmock admin"');
  expect(res.body).toEqual({ error, message });
}

describe('admin API with a token', () => {
  it.each(ENDPOINTS)('$method $path: 401 without the token, 401 with a wrong one, $ok with it', async ({ method, path, body, ok }) => {
    const { app, runtime } = protectedMock();
    await request(app, 'get', OPEN, { headers: { 'X-Kravmock-Session': 'ci-a' } });
    const withBody = body === undefined ? {} : { body };

    expect401(await request(app, method, path, withBody), 'admin-token-required', REQUIRED);
    expect401(await request(app, method, path, { ...withBody, headers: bearer(`${TOKEN}x`) }), 'admin-token-invalid', INVALID);
    expect401(await request(app, method, path, { ...withBody, headers: bearer(TOKEN.slice(0, -1)) }), 'admin-token-invalid', INVALID);
    // refused requests changed nothing: the session is still there
    expect(runtime.sessions.find('ci-a')).toBeDefined();

    const res = await request(app, method, path, { ...withBody, headers: bearer(TOKEN) });
    expect(res.status).toBe(ok);
  });

  it('a refused request makes no session, even when it names a new one', async () => {
    const { app, runtime } = protectedMock();
    expect401(await request(app, 'get', '/__admin/sessions', { headers: { 'X-Kravmock-Session': 'ci-new' } }), 'admin-token-required', REQUIRED);
    expect(runtime.sessions.list()).toEqual([]);
    const ok = await request(app, 'get', '/__admin/sessions', { headers: { 'X-Kravmock-Session': 'ci-new', ...bearer(TOKEN) } });
    expect((ok.body.sessions as { id: string }[]).map((s) => s.id)).toEqual(['ci-new']);
  });

  it('a Basic or bare Authorization header is not a bearer token; the scheme is case-insensitive', async () => {
    const { app } = protectedMock();
    const basic = await request(app, 'get', '/__admin/scenarios', { headers: { Authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` } });
    expect401(basic, 'admin-token-required', `${REQUIRED}; the Authorization header sent is not a Bearer token`);
    expect401(await request(app, 'get', '/__admin/scenarios', { headers: { Authorization: TOKEN } }), 'admin-token-required', `${REQUIRED}; the Authorization header sent is not a Bearer token`);
    expect((await request(app, 'get', '/__admin/scenarios', { headers: { Authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('guards the admin paths however they are capitalised (Express routes them case-insensitively)', async () => {
    const { app } = protectedMock();
    const res = await supertest(app).get('/__Admin/Scenarios');
    expect401(validateResponse('/__admin/scenarios', res), 'admin-token-required', REQUIRED);
    const ok = await supertest(app).get('/__Admin/Scenarios').set(bearer(TOKEN));
    expect(validateResponse('/__admin/scenarios', ok).status).toBe(200);
  });

  it('leaves the API alone: no admin token needed, and the API’s own Authorization is not the admin’s', async () => {
    const { app } = protectedMock();
    expect((await request(app, 'get', OPEN)).status).toBe(200);
    expect((await request(app, 'get', OPEN, { headers: { 'X-Kravmock-Session': 'ci-b' } })).status).toBe(200);
    const minted = await request(app, 'post', '/__admin/tokens', { body: { org: '313367002', pakke: 'regnskapssystem' }, headers: bearer(TOKEN) });
    const res = await request(app, 'get', OPEN, { headers: bearer(minted.body.access_token as string) });
    expect(res.status).toBe(200);
    expect(res.headers.warning).toBeUndefined();
  });

  it('refuses a token that cannot be sent in a header', () => {
    const expected = 'admin.token must be visible ASCII characters without spaces (it is sent as Authorization: Bearer <token>)';
    expect(() => createApp({ admin: { token: 'two words' } })).toThrow(expected);
    expect(() => createApp({ admin: { token: 'blåbær' } })).toThrow(expected);
    expect(() => createApp({ admin: { token: '' } })).toThrow(
      'admin.token must not be empty: expected visible ASCII characters without spaces (it is sent as Authorization: Bearer <token>)',
    );
  });
});

describe('admin API without a token', () => {
  it('is open, as on loopback by default', async () => {
    const { app } = createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK });
    expect((await request(app, 'get', '/__admin/scenarios')).status).toBe(200);
    expect((await request(app, 'get', '/__admin/scenarios', { headers: bearer('anything') })).status).toBe(200);
  });
});

describe('admin API disabled (enabled: false)', () => {
  const gone = (method: string, path: string) =>
    `Ukjent URL: ${method} ${path}. API-et har GET /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.`;

  it.each([...ENDPOINTS.filter((e) => e.method !== 'delete'), { method: 'get' as const, path: '/__admin/journal', ok: 200 }, { method: 'get' as const, path: '/__admin/nothing-here', ok: 200 }])(
    '$method $path answers 404 KB-003 like any unknown URL, with or without a token',
    async ({ method, path, body }) => {
      const { app, runtime } = createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK, admin: { enabled: false, token: TOKEN } });
      for (const headers of [{}, bearer(TOKEN), { 'X-Kravmock-Session': 'ci-a' }] as Record<string, string>[]) {
        const res = await request(app, method, path, { headers, ...(body === undefined ? {} : { body }) });
        expect(res.status).toBe(404);
        expect(res.body.kode).toBe('KB-003');
        expect(res.body.melding).toBe(gone(method.toUpperCase(), path));
      }
      expect(runtime.sessions.list()).toEqual([]);
    },
  );

  it('while the API and Maskinporten still answer', async () => {
    const app = createApp({ parties: builtinParties(CLOCK), clock: CLOCK, admin: { enabled: false } });
    expect((await request(app, 'get', OPEN)).status).toBe(200);
    expect((await request(app, 'get', OPEN, { headers: { 'X-Kravmock-Session': 'ci-a' } })).status).toBe(200);
    const jwks = await supertest(app).get('/maskinporten/jwk');
    expect(jwks.status).toBe(200);
    expect((jwks.body as { keys: unknown[] }).keys).toHaveLength(1);
  });
});
