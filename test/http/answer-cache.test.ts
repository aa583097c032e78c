// The answer cache (server/http/answer-cache.ts) changes how fast kravmock answers, never what: the
// same bytes with and without it, a fresh answer as soon as the ledger or the clock changes, nothing
// shared between a session and the shared state, and a budget it keeps.
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp, createKravmock } from '../../server/app.js';
import { AnswerCache, type AnswerKey } from '../../server/http/answer-cache.js';
import type { PartyLedger } from '../../server/ledger/events.js';
import { request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const CAFE = '313367002';
const PERIOD = 'fraOgMed=2025-11-27&tilOgMed=2026-11-26';
const scenario = builtinScenario(CLOCK);
const ledger = (id: string): PartyLedger => scenario.parties.find((p) => p.partIdentifikator === id)!;

function key(overrides: Partial<AnswerKey> = {}): AnswerKey {
  return { ledger: ledger(CAFE), clock: CLOCK, rettighetspakke: 'regnskapssystem', resource: 'aapnekrav', format: 'json', ...overrides };
}

describe('AnswerCache', () => {
  it('computes an answer once per key and hands the same frozen answer back', () => {
    const cache = new AnswerCache();
    let computed = 0;
    const compute = () => {
      computed += 1;
      return { body: { n: computed, nested: { list: [1, 2] } }, text: `{"n":${computed}}` };
    };
    const first = cache.answer(key(), compute);
    const second = cache.answer(key(), compute);
    expect(computed).toBe(1);
    expect(second).toBe(first);
    expect(Object.isFrozen(first.body)).toBe(true);
    expect(Object.isFrozen(first.body.nested.list)).toBe(true);
    expect(first.bytes?.toString('utf8')).toBe('{"n":1}');
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 1, misses: 1 });
  });

  it.each([
    ['another ledger', { ledger: { ...ledger(CAFE) } }],
    ['another clock date', { clock: '2026-11-27' }],
    ['another rettighetspakke', { rettighetspakke: 'finans' }],
    ['another resource', { resource: 'krav' }],
    ['another period start', { fraOgMed: '2026-01-01', tilOgMed: CLOCK }],
    ['another period end', { fraOgMed: undefined, tilOgMed: '2026-11-01' }],
    ['another format', { format: 'xml' as const }],
  ])('computes again for %s', (_what, change) => {
    const cache = new AnswerCache();
    let computed = 0;
    const compute = () => ({ body: { n: ++computed }, text: String(computed) });
    cache.answer(key(), compute);
    expect(cache.answer(key(change), compute).body).toEqual({ n: 2 });
    expect(cache.answer(key(), compute).body).toEqual({ n: 1 });
  });

  it('keeps nothing when compute throws', () => {
    const cache = new AnswerCache();
    expect(() =>
      cache.answer(key(), () => {
        throw new Error('KB-002');
      }),
    ).toThrow('KB-002');
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(cache.answer(key(), () => ({ body: {}, text: 'ok' })).text).toBe('ok');
  });

  it('stays within its budget, dropping the least recently used first', () => {
    // Each answer of 100 characters counts 100 × 3 + 100 bytes = 400.
    const cache = new AnswerCache(1000);
    const text = 'x'.repeat(100);
    const answer = (clock: string) => cache.answer(key({ clock }), () => ({ body: { clock }, text }));
    answer('2026-01-01');
    answer('2026-01-02');
    answer('2026-01-01'); // used again: 01-02 is now the least recently used
    answer('2026-01-03');
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 800, maxBytes: 1000 });
    let recomputed = false;
    cache.answer(key({ clock: '2026-01-01' }), () => ((recomputed = true), { body: {}, text }));
    expect(recomputed).toBe(false);
    cache.answer(key({ clock: '2026-01-02' }), () => ((recomputed = true), { body: {}, text }));
    expect(recomputed).toBe(true);
  });

  it('does not keep an answer larger than the whole budget', () => {
    const cache = new AnswerCache(100);
    cache.answer(key(), () => ({ body: {}, text: 'y'.repeat(50) }));
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, misses: 1 });
  });

  it('is off at 0 bytes: every request computes', () => {
    const cache = new AnswerCache(0);
    let computed = 0;
    for (let i = 0; i < 3; i += 1) cache.answer(key(), () => ({ body: { n: ++computed }, text: '' }));
    expect(computed).toBe(3);
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 0 });
  });
});

describe('over HTTP', () => {
  it('answers byte for byte what kravmock answers without the cache, for every built-in party, endpoint, rettighetspakke and format', async () => {
    const cached = createApp({ scenarios: [scenario], clock: CLOCK });
    const uncached = createApp({ scenarios: [scenario], clock: CLOCK, answerCache: { maxBytes: 0 } });
    let compared = 0;
    for (const party of scenario.parties) {
      for (const pakke of ['finans', 'regnskapssystem']) {
        for (const path of ['aapnekrav', `krav?${PERIOD}`, `innbetalinger?${PERIOD}`, `utbetalinger?${PERIOD}`]) {
          for (const accept of ['application/json', 'application/xml']) {
            const url = `/v1/${pakke}/${party.partIdentifikator}/${path}`;
            const fresh = await request(uncached, 'get', url, { headers: { Accept: accept } });
            const first = await request(cached, 'get', url, { headers: { Accept: accept } });
            const again = await request(cached, 'get', url, { headers: { Accept: accept } });
            for (const res of [first, again]) {
              expect(res.status, url).toBe(fresh.status);
              expect(res.headers['content-type'], url).toBe(fresh.headers['content-type']);
              // Errors (KB-007 for an empty period) carry each request's own correlation id.
              if (fresh.status === 200) expect(res.text, url).toBe(fresh.text);
              else expect({ ...res.body, korrelasjonsid: '' }, url).toEqual({ ...fresh.body, korrelasjonsid: '' });
            }
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(scenario.parties.length * 16);
  });

  it('answers anew after a payment, a clock change and a reset', async () => {
    const { app } = createKravmock({ scenarios: [scenario] });
    await request(app, 'put', '/__admin/clock', { body: { date: CLOCK } });
    const read = async () => (await request(app, 'get', `/v1/regnskapssystem/${CAFE}/aapnekrav`)).body.totalOversikt as Record<string, number>;
    const before = await read();
    expect(await read()).toEqual(before);

    expect((await request(app, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 1000 } })).status).toBe(201);
    const paid = await read();
    expect(paid.sumUplasserteInnbetalinger).toBe(before.sumUplasserteInnbetalinger! - 1000);

    expect((await request(app, 'post', '/__admin/clock/advance', { body: { months: 2 } })).status).toBe(200);
    const later = await read();
    expect(later).not.toEqual(paid);

    expect((await request(app, 'post', '/__admin/reset', {})).status).toBe(200);
    await request(app, 'put', '/__admin/clock', { body: { date: CLOCK } });
    expect(await read()).toEqual(before);
  });

  it('keeps a session’s answers apart from the shared ones', async () => {
    const app = createApp({ scenarios: [scenario], clock: CLOCK });
    const session = { 'X-Kravmock-Session': 'cache-test' };
    const read = async (headers: Record<string, string> = {}) =>
      ((await request(app, 'get', `/v1/regnskapssystem/${CAFE}/aapnekrav`, { headers })).body.totalOversikt as Record<string, number>).sumUplasserteInnbetalinger;
    const shared = await read();
    expect(await read(session)).toBe(shared); // the session still shares the ledger, and so the answer
    expect((await request(app, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 250 }, headers: session })).status).toBe(201);
    expect(await read(session)).toBe(shared! - 250);
    expect(await read()).toBe(shared);
  });
});
