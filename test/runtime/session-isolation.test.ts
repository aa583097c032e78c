// Two CI suites run at the same time against one listening kravmock, each in its own
// X-Kravmock-Session: payments, clock and fault rules of one are never seen by the other, nor by the
// shared state. The suites' requests interleave on the wire (real sockets, no shared promises).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';

const CLOCK = '2026-11-26';
const PARTY = '313367002';
let server: Server;
let base: string;

beforeAll(async () => {
  const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: () => CLOCK, faultSeed: 7 });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call(session: string | undefined, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session) headers['X-Kravmock-Session'] = session;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const unplacedIds = (aapnekrav: Record<string, unknown>) =>
  ((aapnekrav.innbetalingMedUplassertBeloep as { innbetalingsidentifikator: string }[] | undefined) ?? []).map((i) => i.innbetalingsidentifikator);

interface Plan {
  session: string;
  paymentId: string;
  clock: string;
  /** The endpoint this suite breaks, and how it must answer. */
  broken: { endpoint: 'utbetalinger' | 'innbetalinger'; failure: Record<string, unknown>; status: number; kode: string };
}

/** One suite: sets its world up, then checks it 15 times while the other suite does the same. */
async function suite(plan: Plan, other: Plan): Promise<string[]> {
  const seen: string[] = [];
  const s = plan.session;
  expect((await call(s, 'POST', `/__admin/parties/${PARTY}/payments`, { beloep: 1234.5, innbetalingsidentifikator: plan.paymentId })).status).toBe(201);
  expect((await call(s, 'PUT', '/__admin/clock', { date: plan.clock })).status).toBe(200);
  expect((await call(s, 'POST', '/__admin/faults', { id: 'broken', endpoint: plan.broken.endpoint, failure: plan.broken.failure })).status).toBe(201);
  for (let round = 0; round < 15; round++) {
    const open = await call(s, 'GET', `/v1/regnskapssystem/${PARTY}/aapnekrav`);
    expect(open.status).toBe(200);
    expect(unplacedIds(open.body)).toContain(plan.paymentId);
    expect(unplacedIds(open.body)).not.toContain(other.paymentId);
    expect((await call(s, 'GET', '/__admin/clock')).body.today).toBe(plan.clock);
    const broken = await call(s, 'GET', `/v1/regnskapssystem/${PARTY}/${plan.broken.endpoint}?fraOgMed=2026-06-01`);
    expect([broken.status, broken.body.kode]).toEqual([plan.broken.status, plan.broken.kode]);
    const healthy = await call(s, 'GET', `/v1/regnskapssystem/${PARTY}/${other.broken.endpoint}?fraOgMed=2026-06-01`);
    expect([200, 404]).toContain(healthy.status);
    if (healthy.status === 404) expect(healthy.body.kode).toBe('KB-007');
    seen.push(`${round}:${open.status}/${broken.status}/${healthy.status}`);
  }
  return seen;
}

describe('sessions under concurrency', () => {
  it('two suites at once see only their own payments, clock and faults; the shared state sees none of them', async () => {
    const a: Plan = { session: 'ci-job-a', paymentId: 'A-PAYMENT-1', clock: '2027-02-01', broken: { endpoint: 'utbetalinger', failure: { type: 'error', kode: 'KB-002' }, status: 500, kode: 'KB-002' } };
    const b: Plan = { session: 'ci-job-b', paymentId: 'B-PAYMENT-1', clock: '2026-12-15', broken: { endpoint: 'innbetalinger', failure: { type: 'unavailable', retryAfterSeconds: 3 }, status: 503, kode: 'KRAVMOCK-503' } };
    const [seenA, seenB] = await Promise.all([suite(a, b), suite(b, a)]);
    expect(seenA).toHaveLength(15);
    expect(seenB).toHaveLength(15);

    const shared = await call(undefined, 'GET', `/v1/regnskapssystem/${PARTY}/aapnekrav`);
    expect(unplacedIds(shared.body)).not.toContain(a.paymentId);
    expect(unplacedIds(shared.body)).not.toContain(b.paymentId);
    expect((await call(undefined, 'GET', '/__admin/clock')).body.today).toBe(CLOCK);
    expect(((await call(undefined, 'GET', '/__admin/faults')).body.rules as unknown[]).length).toBe(0);
    for (const endpoint of ['utbetalinger', 'innbetalinger']) {
      expect([200, 404]).toContain((await call(undefined, 'GET', `/v1/regnskapssystem/${PARTY}/${endpoint}?fraOgMed=2026-06-01`)).status);
    }

    // Each session's journal holds its own calls only.
    for (const plan of [a, b]) {
      const journal = await call(plan.session, 'GET', '/__admin/journal?limit=1000');
      const entries = journal.body.entries as { session?: string }[];
      expect(entries.length).toBe(15 * 3);
      expect(new Set(entries.map((e) => e.session))).toEqual(new Set([plan.session]));
    }
  });
});
