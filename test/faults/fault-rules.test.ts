// Fault profiles through the admin API: what each rule does to API requests, which requests it
// matches, probabilities, replay with a seed, session scoping, and the admin endpoints themselves
// (validation, conflicts, counters). Socket faults from rules are in socket-faults.test.ts.
import { performance } from 'node:perf_hooks';
import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createApp, createKravmock } from '../../server/app.js';
import { ruleSeed } from '../../server/faults/random.js';
import { BACKEND_MESSAGE, UNEXPECTED_MESSAGE } from '../../server/http/errors.js';
import { contract, get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const PARTY = '313367002';
const OTHER = '311851381';
const AAPNEKRAV = `/v1/regnskapssystem/${PARTY}/aapnekrav`;
const krav = (party = PARTY) => `/v1/finans/${party}/krav?fraOgMed=2026-01-01`;

function newApp(faultSeed = 11): Express {
  return createApp({ parties: builtinParties(CLOCK), clock: CLOCK, faultSeed, contract });
}

async function addRule(app: Express, rule: unknown, headers: Record<string, string> = {}) {
  const res = await request(app, 'post', '/__admin/faults', { body: rule, headers });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res;
}

async function rules(app: Express, headers: Record<string, string> = {}) {
  const res = await request(app, 'get', '/__admin/faults', { headers });
  expect(res.status).toBe(200);
  return res.body as { serverSeed: number; rules: Record<string, unknown>[] };
}

describe('POST /__admin/faults stores a rule', () => {
  it('answers 201 with the stored rule, its Location, a generated id and a derived seed', async () => {
    const app = newApp(11);
    const res = await addRule(app, { failure: { type: 'unavailable' } });
    expect(res.headers.location).toBe('/__admin/faults/fault-1');
    expect(res.body).toEqual({ id: 'fault-1', probability: 1, failure: { type: 'unavailable', retryAfterSeconds: 1 }, seed: ruleSeed(11, 'fault-1') });
    const second = await addRule(app, { latency: { distribution: 'lognormal', medianMs: 5, sigma: 0.5 } });
    expect(second.body).toEqual({ id: 'fault-2', probability: 1, latency: { distribution: 'lognormal', medianMs: 5, sigma: 0.5, maxMs: 60000 }, seed: ruleSeed(11, 'fault-2') });
  });

  it('keeps the id, party, endpoint, probability and seed it was given', async () => {
    const app = newApp();
    const rule = { id: 'slow-krav', partIdentifikator: PARTY, endpoint: 'krav', probability: 0.25, latency: { distribution: 'uniform', minMs: 1, maxMs: 3 }, seed: 4294967295 };
    expect((await addRule(app, rule)).body).toEqual(rule);
    const one = await request(app, 'get', '/__admin/faults/slow-krav');
    expect(one.body).toEqual({ ...rule, matched: 0, fired: 0 });
  });

  it('refuses a second rule with the same id in the scope (409) and keeps the first', async () => {
    const app = newApp();
    await addRule(app, { id: 'down', failure: { type: 'error', kode: 'KB-001' } });
    const res = await request(app, 'post', '/__admin/faults', { body: { id: 'down', failure: { type: 'reset' } } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'fault-rule-exists', message: "the shared scope already has a fault rule 'down': delete it first (DELETE /__admin/faults/down) or choose another id" });
    expect((await rules(app)).rules.map((r) => r.failure)).toEqual([{ type: 'error', kode: 'KB-001' }]);
  });
});

describe('POST /__admin/faults refuses what is not a fault rule (400) and changes nothing', () => {
  const ENDPOINTS = 'aapnekrav, krav, innbetalinger, utbetalinger';
  const FIELDS = 'id, partIdentifikator, endpoint, probability, latency, failure, seed';
  it.each([
    [{}, [['(body)', 'needs latency, failure or both: a rule without either would do nothing']]],
    [{ endpoint: 'krav' }, [['(body)', 'needs latency, failure or both: a rule without either would do nothing']]],
    [[1, 2], [['(body)', 'must be a JSON object, got [1,2]']]],
    [{ failure: { type: 'reset' }, probability: 1.5 }, [['probability', 'must be <= 1, got 1.5']]],
    [{ failure: { type: 'reset' }, probability: -0.1 }, [['probability', 'must be >= 0, got -0.1']]],
    [{ failure: { type: 'reset' }, probability: '1' }, [['probability', 'must be number, got "1"']]],
    [{ failure: { type: 'reset' }, endpoint: 'oversikt' }, [['endpoint', `must be one of ${ENDPOINTS}, got "oversikt"`]]],
    [{ failure: { type: 'reset' }, partIdentifikator: '12345' }, [['partIdentifikator', 'must match pattern "^([0-9]{9}|[0-9]{11})$", got "12345"']]],
    [{ failure: { type: 'reset' }, id: 'a/b' }, [['id', 'must match pattern "^[A-Za-z0-9._:-]{1,64}$", got "a/b"']]],
    [{ failure: { type: 'reset' }, seed: 2 ** 32 }, [['seed', 'must be <= 4294967295, got 4294967296']]],
    [{ failure: { type: 'reset' }, seed: 1.5 }, [['seed', 'must be integer, got 1.5']]],
    [{ failure: { type: 'reset' }, retries: 3 }, [['retries', `is not a known property here: expected ${FIELDS}`]]],
    [{ failure: { type: 'boom' } }, [['failure.type', 'must be one of error, unavailable, rateLimit, reset, empty, truncated, got "boom"']]],
    [{ failure: {} }, [['failure.type', 'is required: one of error, unavailable, rateLimit, reset, empty, truncated']]],
    [{ failure: { type: 'error' } }, [['failure.kode', 'is required']]],
    [{ failure: { type: 'error', kode: 'KB-009' } }, [['failure.kode', 'must be one of KB-001, KB-002, got "KB-009"']]],
    [{ failure: { type: 'unavailable', retryAfterSeconds: -1 } }, [['failure.retryAfterSeconds', 'must be >= 0, got -1']]],
    [{ failure: { type: 'reset', kode: 'KB-001' } }, [['failure.kode', 'is not a known property here: expected type']]],
    [{ latency: { distribution: 'gaussian', ms: 5 } }, [['latency.distribution', 'must be one of fixed, uniform, lognormal, got "gaussian"']]],
    [{ latency: { distribution: 'fixed', ms: 60001 } }, [['latency.ms', 'must be <= 60000, got 60001']]],
    [{ latency: { distribution: 'uniform', minMs: 10 } }, [['latency.maxMs', 'is required']]],
    [{ latency: { distribution: 'uniform', minMs: 500, maxMs: 100 } }, [['latency.minMs', 'must not be greater than latency.maxMs (100), got 500']]],
    [{ latency: { distribution: 'lognormal', medianMs: 500, sigma: 1, maxMs: 100 } }, [['latency.medianMs', 'must not be greater than latency.maxMs (100), got 500']]],
    [{ latency: { distribution: 'lognormal', medianMs: 500, sigma: -1 } }, [['latency.sigma', 'must be >= 0, got -1']]],
    [
      { failure: { type: 'reset' }, probability: 2, endpoint: 'x' },
      [
        ['endpoint', `must be one of ${ENDPOINTS}, got "x"`],
        ['probability', 'must be <= 1, got 2'],
      ],
    ],
  ])('%j', async (body, expected) => {
    const app = newApp();
    await addRule(app, { id: 'kept', failure: { type: 'rateLimit' } });
    const res = await request(app, 'post', '/__admin/faults', { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-fault-rule');
    expect(res.body.problems).toEqual(expected.map(([path, message]) => ({ path, message })));
    expect(res.body.message).toBe(`invalid fault rule: ${expected.map(([path, message]) => `${path} ${message}`).join('; ')}`);
    expect((await rules(app)).rules.map((r) => r.id)).toEqual(['kept']);
  });

  it('a __proto__ key is refused as an unknown property, and pollutes nothing', async () => {
    const app = newApp();
    const res = await request(app, 'post', '/__admin/faults', { body: '{"__proto__": {"polluted": true}, "failure": {"type": "reset"}}', contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([{ path: '__proto__', message: 'is not a known property here: expected id, partIdentifikator, endpoint, probability, latency, failure, seed' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await rules(app)).rules).toEqual([]);
  });

  it('malformed JSON is 400 invalid-json', async () => {
    const app = newApp();
    const res = await request(app, 'post', '/__admin/faults', { body: '{"failure": ', contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-json');
    expect(res.body.message).toMatch(/^the request body is not valid JSON: /);
  });

  it('a body that is not JSON is refused with what was expected', async () => {
    const app = newApp();
    const res = await request(app, 'post', '/__admin/faults', { body: 'failure: reset', contentType: 'text/plain' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid-fault-rule', message: "the body must be a fault rule as JSON with Content-Type: application/json, got Content-Type 'text/plain'" });
  });
});

describe('reading and removing rules', () => {
  it('GET /__admin/faults lists the rules in order with counters and the server seed', async () => {
    const app = newApp(99);
    await addRule(app, { id: 'a', endpoint: 'krav', failure: { type: 'error', kode: 'KB-002' } });
    await addRule(app, { id: 'b', probability: 0, failure: { type: 'reset' } });
    await get(app, krav());
    await get(app, AAPNEKRAV);
    const list = await rules(app);
    expect(list.serverSeed).toBe(99);
    expect(list.rules.map((r) => [r.id, r.matched, r.fired])).toEqual([
      ['a', 1, 1],
      ['b', 2, 0],
    ]);
  });

  it('GET and DELETE of an unknown rule are 404', async () => {
    const app = newApp();
    for (const method of ['get', 'delete'] as const) {
      const res = await request(app, method, '/__admin/faults/nope');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'unknown-fault-rule', message: "the shared scope has no fault rule 'nope'; GET /__admin/faults lists its rules" });
    }
  });

  it('DELETE /__admin/faults/{id} removes one rule; a rule added again under that id starts its stream anew', async () => {
    const app = newApp();
    await addRule(app, { id: 'down', failure: { type: 'error', kode: 'KB-001' } });
    await addRule(app, { id: 'other', endpoint: 'utbetalinger', failure: { type: 'reset' } });
    await get(app, AAPNEKRAV);
    expect((await request(app, 'delete', '/__admin/faults/down')).status).toBe(204);
    expect((await get(app, AAPNEKRAV)).status).toBe(200);
    expect((await rules(app)).rules.map((r) => r.id)).toEqual(['other']);
    await addRule(app, { id: 'down', failure: { type: 'error', kode: 'KB-001' } });
    expect((await request(app, 'get', '/__admin/faults/down')).body).toMatchObject({ matched: 0, fired: 0 });
  });

  it('DELETE /__admin/faults removes every rule of the scope', async () => {
    const app = newApp();
    await addRule(app, { failure: { type: 'error', kode: 'KB-001' } });
    await addRule(app, { latency: { distribution: 'fixed', ms: 1 } });
    expect((await get(app, AAPNEKRAV)).status).toBe(500);
    expect((await request(app, 'delete', '/__admin/faults')).status).toBe(204);
    expect((await rules(app)).rules).toEqual([]);
    expect((await get(app, AAPNEKRAV)).status).toBe(200);
  });
});

describe('what a firing rule does', () => {
  it.each([
    [{ type: 'error', kode: 'KB-001' }, 500, 'KB-001', UNEXPECTED_MESSAGE, undefined],
    [{ type: 'error', kode: 'KB-002' }, 500, 'KB-002', BACKEND_MESSAGE, undefined],
    [{ type: 'unavailable', retryAfterSeconds: 7 }, 503, 'KRAVMOCK-503', 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om 7 sekunder.', '7'],
    [{ type: 'unavailable' }, 503, 'KRAVMOCK-503', 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om 1 sekund.', '1'],
    [{ type: 'rateLimit', retryAfterSeconds: 2 }, 429, 'KRAVMOCK-429', 'For mange samtidige kall (fair use). Prøv igjen om 2 sekunder.', '2'],
    [{ type: 'rateLimit' }, 429, 'KRAVMOCK-429', 'For mange samtidige kall (fair use). Prøv igjen om 1 sekund.', '1'],
  ])('failure %j answers %i %s', async (failure, status, kode, melding, retryAfter) => {
    const app = newApp();
    await addRule(app, { failure });
    for (const accept of ['application/json', 'application/xml']) {
      const res = await get(app, krav(), { Accept: accept });
      expect(res.status).toBe(status);
      expect(res.mediaType).toBe(accept);
      expect(res.body.kode).toBe(kode);
      expect(res.body.melding).toBe(melding);
      expect(res.headers['retry-after']).toBe(retryAfter);
    }
  });

  it('a fixed latency is waited out, then the request is answered normally', async () => {
    const app = newApp();
    await addRule(app, { endpoint: 'krav', latency: { distribution: 'fixed', ms: 250 } });
    const start = performance.now();
    const res = await get(app, krav());
    expect(performance.now() - start).toBeGreaterThanOrEqual(249);
    expect(res.status).toBe(200);
  });

  it('the latencies of all firing rules add up, then the first firing failure in rule order answers', async () => {
    const app = newApp();
    await addRule(app, { id: 'slow', latency: { distribution: 'fixed', ms: 120 } });
    await addRule(app, { id: 'backend', latency: { distribution: 'fixed', ms: 130 }, failure: { type: 'error', kode: 'KB-002' } });
    await addRule(app, { id: 'down', failure: { type: 'unavailable' } });
    const start = performance.now();
    const res = await get(app, AAPNEKRAV);
    expect(performance.now() - start).toBeGreaterThanOrEqual(249);
    expect(res.status).toBe(500);
    expect(res.body.kode).toBe('KB-002');
    expect((await rules(app)).rules.map((r) => [r.id, r.matched, r.fired])).toEqual([
      ['slow', 1, 1],
      ['backend', 1, 1],
      ['down', 1, 1],
    ]);
    await request(app, 'delete', '/__admin/faults/backend');
    expect((await get(app, AAPNEKRAV)).status).toBe(503);
  });

  it('probability 0 never fires (but counts the requests it matched)', async () => {
    const app = newApp();
    await addRule(app, { id: 'never', probability: 0, failure: { type: 'error', kode: 'KB-001' } });
    for (let i = 0; i < 30; i += 1) expect((await get(app, AAPNEKRAV)).status).toBe(200);
    expect((await request(app, 'get', '/__admin/faults/never')).body).toMatchObject({ matched: 30, fired: 0 });
  });

  it('probability 1 always fires', async () => {
    const app = newApp();
    await addRule(app, { id: 'always', probability: 1, failure: { type: 'rateLimit' } });
    for (let i = 0; i < 30; i += 1) expect((await get(app, AAPNEKRAV)).status).toBe(429);
    expect((await request(app, 'get', '/__admin/faults/always')).body).toMatchObject({ matched: 30, fired: 30 });
  });

  it('a Prefer header wins over the rules: they are not drawn for that request', async () => {
    const app = newApp();
    await addRule(app, { id: 'down', failure: { type: 'unavailable' } });
    expect((await get(app, AAPNEKRAV, { Prefer: 'code=200' })).status).toBe(200);
    expect((await get(app, AAPNEKRAV, { Prefer: 'kode=KB-009' })).body.kode).toBe('KB-009');
    expect((await request(app, 'get', '/__admin/faults/down')).body).toMatchObject({ matched: 0, fired: 0 });
    expect((await get(app, AAPNEKRAV)).status).toBe(503);
  });
});

describe('which requests a rule matches', () => {
  it('a party and an endpoint together: only that party on that endpoint', async () => {
    const app = newApp();
    await addRule(app, { id: 'r', partIdentifikator: PARTY, endpoint: 'krav', failure: { type: 'error', kode: 'KB-001' } });
    expect((await get(app, krav())).status).toBe(500);
    expect((await get(app, AAPNEKRAV)).status).toBe(200);
    expect((await get(app, krav(OTHER))).status).toBe(200);
    expect((await request(app, 'get', '/__admin/faults/r')).body).toMatchObject({ matched: 1, fired: 1 });
  });

  it('a party alone: every endpoint of that party', async () => {
    const app = newApp();
    await addRule(app, { partIdentifikator: OTHER, failure: { type: 'unavailable' } });
    expect((await get(app, `/v1/regnskapssystem/${OTHER}/aapnekrav`)).status).toBe(503);
    expect((await get(app, `/v1/finans/${OTHER}/utbetalinger?fraOgMed=2026-01-01`)).status).toBe(503);
    expect((await get(app, AAPNEKRAV)).status).toBe(200);
  });

  it('an endpoint alone: every party on that endpoint, including parties the mock does not know', async () => {
    const app = newApp();
    await addRule(app, { endpoint: 'aapnekrav', failure: { type: 'rateLimit' } });
    expect((await get(app, AAPNEKRAV)).status).toBe(429);
    expect((await get(app, '/v1/regnskapssystem/974760673/aapnekrav')).status).toBe(429);
    expect((await get(app, krav())).status).toBe(200);
  });
});

describe('replay: the n-th matching request of a rule always draws the same numbers', () => {
  const flaky = { id: 'flaky', probability: 0.5, failure: { type: 'unavailable' } };
  async function statuses(app: Express, n = 50): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < n; i += 1) out.push((await get(app, AAPNEKRAV)).status);
    return out;
  }

  it('two fresh apps with the same fault seed and rules answer the same 50 statuses; another seed answers others', async () => {
    const runs: number[][] = [];
    for (const seed of [2024, 2024, 2025]) {
      const app = newApp(seed);
      await addRule(app, flaky);
      runs.push(await statuses(app));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
    expect(new Set(runs[0])).toEqual(new Set([200, 503]));
  });

  it('fired counts what happened; a rule given its own seed replays whatever the server seed', async () => {
    const a = newApp(1);
    const b = newApp(2);
    for (const app of [a, b]) await addRule(app, { ...flaky, seed: 77 });
    const [sa, sb] = [await statuses(a), await statuses(b)];
    expect(sb).toEqual(sa);
    expect((await request(a, 'get', '/__admin/faults/flaky')).body).toMatchObject({ matched: 50, fired: sa.filter((s) => s === 503).length });
  });

  it('the counters start again at a reset of the scope counters, and so does the sequence', async () => {
    const { app, runtime } = createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK, faultSeed: 5, contract });
    await addRule(app, flaky);
    const first = await statuses(app, 20);
    runtime.sessions.shared.faultCounters.clear();
    expect(await statuses(app, 20)).toEqual(first);
  });
});

describe('rules belong to a scope', () => {
  it('a rule set with X-Kravmock-Session: a does not affect session b or the shared scope', async () => {
    const app = newApp();
    const a = { 'X-Kravmock-Session': 'a' };
    const b = { 'X-Kravmock-Session': 'b' };
    await addRule(app, { id: 'down', failure: { type: 'error', kode: 'KB-001' } }, a);
    expect((await get(app, AAPNEKRAV, a)).status).toBe(500);
    expect((await get(app, AAPNEKRAV, b)).status).toBe(200);
    expect((await get(app, AAPNEKRAV)).status).toBe(200);
    expect((await rules(app, a)).rules.map((r) => [r.id, r.matched])).toEqual([['down', 1]]);
    expect((await rules(app, b)).rules).toEqual([]);
    expect((await rules(app)).rules).toEqual([]);
    const missing = await request(app, 'get', '/__admin/faults/down', { headers: b });
    expect(missing.body.message).toBe("session 'b' has no fault rule 'down'; GET /__admin/faults lists its rules");
  });

  it('a shared rule does not reach sessions, and clearing a session leaves the shared rules', async () => {
    const app = newApp();
    const a = { 'X-Kravmock-Session': 'a' };
    await addRule(app, { id: 'down', failure: { type: 'unavailable' } });
    await addRule(app, { id: 'down', failure: { type: 'rateLimit' } }, a);
    expect((await get(app, AAPNEKRAV)).status).toBe(503);
    expect((await get(app, AAPNEKRAV, a)).status).toBe(429);
    expect((await request(app, 'delete', '/__admin/faults', { headers: a })).status).toBe(204);
    expect((await get(app, AAPNEKRAV, a)).status).toBe(200);
    expect((await get(app, AAPNEKRAV)).status).toBe(503);
  });

  it('sessions draw their own streams: the same rule in two sessions gives the same sequence', async () => {
    const app = newApp(3);
    const sequences: number[][] = [];
    for (const id of ['s1', 's2']) {
      const headers = { 'X-Kravmock-Session': id };
      await addRule(app, { id: 'flaky', probability: 0.5, failure: { type: 'unavailable' } }, headers);
      const seq: number[] = [];
      for (let i = 0; i < 20; i += 1) seq.push((await get(app, AAPNEKRAV, headers)).status);
      sequences.push(seq);
    }
    expect(sequences[1]).toEqual(sequences[0]);
  });
});

describe('the journal records what shaped each answer', () => {
  it('names the Prefer preferences, or the firing rules with their latency and failure', async () => {
    const app = newApp();
    await get(app, AAPNEKRAV, { Prefer: 'delay=5, code=500' });
    await addRule(app, { id: 'slow', latency: { distribution: 'fixed', ms: 5 } });
    await addRule(app, { id: 'down', endpoint: 'krav', failure: { type: 'unavailable', retryAfterSeconds: 2 } });
    await get(app, krav());
    await get(app, AAPNEKRAV);
    const journal = await request(app, 'get', '/__admin/journal');
    const entries = (journal.body.entries as { path: string; status: number; fault?: string }[]).filter((e) => e.path.startsWith('/v1/'));
    expect(entries.map((e) => [e.status, e.fault])).toEqual([
      [200, 'fault rule slow: latency 5 ms'],
      [503, 'fault rule slow: latency 5 ms; fault rule down: 503 KRAVMOCK-503, Retry-After 2'],
      [500, 'Prefer: code=500, delay=5'],
    ]);
  });
});
