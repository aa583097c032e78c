// The three access modes, and fair use (at most N concurrent calls per organisation), tested by
// holding calls in flight deterministically: the party store answers only when the test lets it.
import type { Express } from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import type { AccessOptions } from '../../server/access/index.js';
import { createApp, createKravmock } from '../../server/app.js';
import type { PartyIndex } from '../../server/runtime/party-index.js';
import { get, validateResponse } from '../helpers/contract-response.js';
import { CLOCK, KEYS, accessClaims, bearer, expectError, sign, systemUserToken } from './helpers.js';

const NO_TOKEN_WARNING = '199 kravmock "Ingen Authorization-header: tillatt fordi tilgangsmodus er permissive; strict avviser med 401 KB-004"';
const PATH = '/v1/regnskapssystem/313367002/aapnekrav';

describe('permissive (the default)', () => {
  const permissive = createApp({ parties: builtinParties(CLOCK), clock: CLOCK });

  it('serves a call without a token, with a Warning header', async () => {
    const res = await get(permissive, PATH);
    expect(res.status).toBe(200);
    expect(res.headers.warning).toBe(NO_TOKEN_WARNING);
  });

  it('serves finans without a token too (no token, nothing to check consent against)', async () => {
    expect((await get(permissive, '/v1/finans/313367002/aapnekrav')).status).toBe(200);
  });

  it('checks a token that is present fully: a bad one is 401, a good one for another org 403', async () => {
    const stranger = await get(permissive, PATH, bearer(await sign(accessClaims('313367002'), KEYS.stranger)));
    expect([stranger.status, stranger.body.kode, stranger.headers.warning]).toEqual([401, 'KB-004', undefined]);
    expectError(await get(permissive, PATH, { Authorization: 'Basic x' }), 401, 'KB-004', "Ugyldig Authorization-header: forventet 'Bearer <token>', fikk skjemaet 'Basic'.");
    const other = createApp({ parties: builtinParties(CLOCK), clock: CLOCK, access: { keys: KEYS } });
    expect((await get(other, PATH, bearer(await systemUserToken('311851381')))).status).toBe(403);
    const ok = await get(other, PATH, bearer(await systemUserToken('313367002')));
    expect([ok.status, ok.headers.warning]).toEqual([200, undefined]);
  });
});

describe('off', () => {
  const off = createApp({ parties: builtinParties(CLOCK), clock: CLOCK, access: { mode: 'off' } });

  it('serves everything: no token, a bad token, finans without consent, without warnings', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nonsense' }, bearer(await sign(accessClaims('311851381'), KEYS.stranger))]) {
      const res = await get(off, '/v1/finans/313367002/aapnekrav', headers);
      expect([res.status, res.headers.warning]).toEqual([200, undefined]);
    }
  });
});

/** An app whose party store answers only after release(); `admitted(n)` resolves once n calls wait there. */
function heldApp(access: AccessOptions) {
  const { app, runtime } = createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK, access: { keys: KEYS, ...access } });
  const shared = runtime.sessions.shared;
  const real = shared.world.parties;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  const watchers: { n: number; resolve: () => void }[] = [];
  // The API awaits its party lookup, so a lookup that answers later holds calls in flight.
  const held = {
    get: async (id: string) => {
      waiting += 1;
      for (const w of watchers) if (waiting >= w.n) w.resolve();
      await gate;
      return real.get(id);
    },
  } as unknown as PartyIndex;
  shared.world = { ...shared.world, parties: held };
  const admitted = (n: number) => new Promise<void>((resolve) => (waiting >= n ? resolve() : watchers.push({ n, resolve })));
  return { app: app as Express, release, admitted };
}

const start = (app: Express, headers: Record<string, string>) => {
  let req = supertest(app).get(PATH);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.then((res) => res);
};

describe('fair use', () => {
  it('strict: the sixth concurrent call of an organisation gets 429 KRAVMOCK-429 with Retry-After; another organisation is not affected', async () => {
    const { app, release, admitted } = heldApp({ mode: 'strict', delegations: { '313367002': ['314055403'] } });
    const headers = bearer(await systemUserToken('313367002'));
    const held = Array.from({ length: 5 }, () => start(app, headers));
    await admitted(5);
    const sixth = await get(app, PATH, headers);
    expectError(sixth, 429, 'KRAVMOCK-429', 'For mange samtidige kall for organisasjon 313367002: høyst 5 samtidige kall er tillatt (fair use).');
    expect(sixth.headers['retry-after']).toBe('1');
    const other = start(app, bearer(await systemUserToken('314055403', '314055403')));
    await admitted(6);
    release();
    for (const res of [...(await Promise.all(held)), await other]) expect(validateResponse(PATH, res).status).toBe(200);
    expect((await get(app, PATH, headers)).status).toBe(200); // the calls are released when answered
  });

  it('strict: the limit is configurable', async () => {
    const { app, release, admitted } = heldApp({ mode: 'strict', fairUseLimit: 2 });
    const headers = bearer(await systemUserToken('313367002'));
    const held = [start(app, headers), start(app, headers)];
    await admitted(2);
    expectError(await get(app, PATH, headers), 429, 'KRAVMOCK-429', 'For mange samtidige kall for organisasjon 313367002: høyst 2 samtidige kall er tillatt (fair use).');
    release();
    await Promise.all(held);
  });

  it('permissive: the sixth call is served, with a warning', async () => {
    const { app, release, admitted } = heldApp({ mode: 'permissive' });
    const headers = bearer(await systemUserToken('313367002'));
    const held = Array.from({ length: 5 }, () => start(app, headers));
    await admitted(5);
    const sixth = start(app, headers);
    await admitted(6);
    release();
    const res = validateResponse(PATH, await sixth);
    expect(res.status).toBe(200);
    expect(res.headers.warning).toBe('199 kravmock "Fair use: over 5 samtidige kall; strict avviser med 429"');
    await Promise.all(held);
  });
});
