// X-Kravmock-Session through HTTP: sessions made on first use, refused ids, the session limit in the
// API's and the admin API's language, and the meta endpoints /__admin/sessions.
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createKravmock } from '../../server/app.js';
import { withClock, withFaults, withLedger } from '../../server/runtime/world.js';
import { get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const START = Date.parse('2026-11-26T08:00:00.000Z');
const OPEN = '/v1/regnskapssystem/313367002/aapnekrav';
const ID_RULE = 'expected 1 to 128 characters from A-Z a-z 0-9 . _ : -';

function mock(sessions: { ttlMs?: number; maxSessions?: number } = {}) {
  const time = { now: START };
  const kravmock = createKravmock({ parties: builtinParties(CLOCK), clock: () => CLOCK, sessions: { ...sessions, now: () => time.now } });
  return { ...kravmock, time };
}

const session = (id: string) => ({ 'X-Kravmock-Session': id });

describe('X-Kravmock-Session', () => {
  it('a request with a new id makes a session that starts as the shared data and is listed', async () => {
    const { app } = mock();
    const shared = await get(app, OPEN);
    const inSession = await get(app, OPEN, session('ci-42'));
    expect(inSession.status).toBe(200);
    expect(inSession.body.totalOversikt).toEqual(shared.body.totalOversikt);
    const list = await get(app, '/__admin/sessions');
    expect(list.body).toEqual({
      ttlSeconds: 1800,
      maxSessions: 10000,
      sessions: [
        {
          id: 'ci-42',
          createdAt: '2026-11-26T08:00:00.000Z',
          lastUsed: '2026-11-26T08:00:00.000Z',
          expiresAt: '2026-11-26T08:30:00.000Z',
          answeredAt: '2026-11-26',
          changedParties: 0,
          faults: 0,
        },
      ],
    });
  });

  it('refuses an unusable id with KB-006 on the API and invalid-session on the admin API, making no session', async () => {
    const { app, runtime } = mock();
    const api = await get(app, OPEN, session('has space'));
    expect(api.status).toBe(400);
    expect(api.body.kode).toBe('KB-006');
    expect(api.body.melding).toBe(`Ugyldig X-Kravmock-Session: 'has space' is not a session id: ${ID_RULE}.`);
    const admin = await get(app, '/__admin/sessions', session('x'.repeat(129)));
    expect(admin.status).toBe(400);
    expect(admin.body).toEqual({ error: 'invalid-session', message: `X-Kravmock-Session: '${'x'.repeat(129)}' is not a session id: ${ID_RULE}` });
    expect(runtime.sessions.list()).toEqual([]);
  });

  it('beyond the limit a new session is 503 with Retry-After, in each API’s language; live sessions keep working', async () => {
    const { app, runtime } = mock({ maxSessions: 2, ttlMs: 120_000 });
    expect((await get(app, OPEN, session('ci-1'))).status).toBe(200);
    expect((await get(app, OPEN, session('ci-2'))).status).toBe(200);
    const reason = 'too many sessions: 2 are alive; end one (DELETE /__admin/sessions/{id}) or wait until idle ones expire after 120 s';

    const api = await get(app, OPEN, session('ci-3'));
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('60');
    expect(api.body.kode).toBe('KRAVMOCK-503');
    expect(api.body.melding).toBe(`For mange samtidige sesjoner: ${reason}.`);

    const admin = await get(app, '/__admin/sessions', session('ci-3'));
    expect(admin.status).toBe(503);
    expect(admin.headers['retry-after']).toBe('60');
    expect(admin.body).toEqual({ error: 'too-many-sessions', message: reason });

    expect(runtime.sessions.list().map((s) => s.id)).toEqual(['ci-1', 'ci-2']);
    expect((await get(app, OPEN, session('ci-2'))).status).toBe(200);
    expect((await get(app, OPEN)).status).toBe(200);

    expect((await request(app, 'delete', '/__admin/sessions/ci-1')).status).toBe(204);
    expect((await get(app, OPEN, session('ci-3'))).status).toBe(200);
    expect(runtime.sessions.list().map((s) => s.id)).toEqual(['ci-2', 'ci-3']);
  });

  it('sees only its own changes: the data, the clock and the faults of one session stay in it', async () => {
    const { app, runtime } = mock();
    await get(app, OPEN, session('ci-a'));
    await get(app, OPEN, session('ci-b'));
    const a = runtime.sessions.find('ci-a')!;
    const party = a.world.parties.get('313367002')!.ledger;
    a.world = withFaults(withClock(withLedger(a.world, { ...party, events: [] }), { offsetDays: 30 }), [{ id: 'r1', probability: 0, seed: 1, failure: { type: 'reset' } }]);

    const inA = await get(app, OPEN, session('ci-a'));
    const inB = await get(app, OPEN, session('ci-b'));
    const shared = await get(app, OPEN);
    expect(inA.body.totalOversikt).not.toEqual(shared.body.totalOversikt);
    expect(inB.body).toEqual(shared.body);

    const one = await get(app, '/__admin/sessions/ci-a');
    expect(one.body).toMatchObject({ id: 'ci-a', answeredAt: '2026-12-26', changedParties: 1, faults: 1 });
    expect((await get(app, '/__admin/sessions/ci-b')).body).toMatchObject({ id: 'ci-b', answeredAt: '2026-11-26', changedParties: 0, faults: 0 });
  });
});

describe('GET /__admin/sessions and /__admin/sessions/{id}', () => {
  it('list every session whatever session the caller sends, oldest first', async () => {
    const { app, time } = mock();
    await get(app, OPEN, session('ci-a'));
    time.now += 5_000;
    await get(app, OPEN, session('ci-b'));
    const listed = await get(app, '/__admin/sessions', session('ci-b'));
    expect((listed.body.sessions as { id: string }[]).map((s) => s.id)).toEqual(['ci-a', 'ci-b']);
    const other = await get(app, '/__admin/sessions/ci-a', session('ci-b'));
    expect(other.status).toBe(200);
    expect(other.body.id).toBe('ci-a');
  });

  it('looking at a session does not postpone its expiry; a request in it does', async () => {
    const { app, time } = mock({ ttlMs: 60_000 });
    await get(app, OPEN, session('ci-a'));
    time.now += 40_000;
    expect((await get(app, '/__admin/sessions/ci-a')).body).toMatchObject({ lastUsed: '2026-11-26T08:00:00.000Z', expiresAt: '2026-11-26T08:01:00.000Z' });
    await get(app, OPEN, session('ci-a'));
    expect((await get(app, '/__admin/sessions/ci-a')).body).toMatchObject({
      createdAt: '2026-11-26T08:00:00.000Z',
      lastUsed: '2026-11-26T08:00:40.000Z',
      expiresAt: '2026-11-26T08:01:40.000Z',
    });
    time.now += 60_001;
    const gone = await get(app, '/__admin/sessions/ci-a');
    expect(gone.status).toBe(404);
    expect((await get(app, '/__admin/sessions')).body).toEqual({ ttlSeconds: 60, maxSessions: 10000, sessions: [] });
  });

  it('an unknown session is 404 unknown-session', async () => {
    const { app } = mock();
    const res = await get(app, '/__admin/sessions/nobody');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      error: 'unknown-session',
      message: "no session 'nobody' is alive: it was never used, was ended, or expired after being idle; GET /__admin/sessions lists the live ones",
    });
  });
});

describe('DELETE /__admin/sessions/{id}', () => {
  it('ends the session: 204, then 404; the same id later starts again from the shared baseline', async () => {
    const { app, runtime } = mock();
    await get(app, OPEN, session('ci-a'));
    await get(app, OPEN, session('ci-b'));
    const a = runtime.sessions.find('ci-a')!;
    a.world = withLedger(a.world, { ...a.world.parties.get('313367002')!.ledger, events: [] });

    const deleted = await request(app, 'delete', '/__admin/sessions/ci-a');
    expect(deleted.status).toBe(204);
    expect(runtime.sessions.list().map((s) => s.id)).toEqual(['ci-b']);
    const again = await request(app, 'delete', '/__admin/sessions/ci-a');
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('unknown-session');

    const fresh = await get(app, OPEN, session('ci-a'));
    expect(fresh.body).toEqual((await get(app, OPEN)).body);
    expect((await get(app, '/__admin/sessions/ci-a')).body).toMatchObject({ changedParties: 0 });
  });

  it('a refused delete (an unusable id in the header) ends nothing', async () => {
    const { app, runtime } = mock();
    await get(app, OPEN, session('ci-a'));
    const res = await request(app, 'delete', '/__admin/sessions/ci-a', { headers: session('bad id') });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-session');
    expect(runtime.sessions.find('ci-a')).toBeDefined();
  });
});
