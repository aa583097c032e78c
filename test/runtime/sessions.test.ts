// Sessions: the shared scope and one private scope per X-Kravmock-Session id, with a time to live
// (driven here by an injected clock) and a limit.
import { describe, expect, it } from 'vitest';
import type { PartyLedger } from '../../server/ledger/events.js';
import { Sessions, SessionLimitError, sessionIdProblem } from '../../server/runtime/sessions.js';
import { createWorld, withClock, withLedger, withScenarios, type World } from '../../server/runtime/world.js';
import type { LoadedScenario } from '../../server/scenarios/types.js';

const ledger = (id: string, navn = `PART ${id}`): PartyLedger => ({ partIdentifikator: id, navn, events: [] });
const scenario = (name: string, ids: string[]): LoadedScenario => ({ name, description: name, source: `${name}.yaml`, clock: '2026-01-01', parties: ids.map((id) => ledger(id)) });
const baseline = createWorld([scenario('a', ['100000001', '100000002'])]);

function clock(start = 1_000_000) {
  const state = { now: start };
  return { state, now: () => state.now };
}

describe('Sessions', () => {
  it('without an id gives the shared scope; with one, a session made on first use and found again', () => {
    const sessions = new Sessions(baseline);
    expect(sessions.scopeFor(undefined)).toBe(sessions.shared);
    const a = sessions.scopeFor('ci-a');
    expect(a.id).toBe('ci-a');
    expect(sessions.scopeFor('ci-a')).toBe(a);
    expect(sessions.scopeFor('ci-b')).not.toBe(a);
    expect(sessions.list().map((s) => s.id)).toEqual(['ci-a', 'ci-b']);
  });

  it('a new session starts from the shared baseline, not from what the shared state changed since', () => {
    const sessions = new Sessions(baseline);
    sessions.shared.world = withClock(withLedger(sessions.shared.world, { ...ledger('100000001'), navn: 'DELT ENDRING' }), { offsetDays: 9 });
    const session = sessions.scopeFor('ci-a');
    expect(session.world).toBe(baseline);
    expect(session.baseline).toBe(baseline);
    expect(session.world.parties.get('100000001')?.ledger.navn).toBe('PART 100000001');
    expect(session.world.clock).toEqual({ offsetDays: 0 });
    // a scenario loaded into the shared state moves the shared baseline: later sessions start there
    const loaded = withScenarios(sessions.shared.world, [scenario('b', ['100000003'])]);
    sessions.shared.world = loaded;
    sessions.shared.baseline = loaded;
    expect(sessions.scopeFor('ci-b').world).toBe(loaded);
    expect(sessions.find('ci-a')!.world).toBe(baseline);
  });

  it('a change in one session is seen by no other scope', () => {
    const sessions = new Sessions(baseline);
    const a = sessions.scopeFor('ci-a');
    const b = sessions.scopeFor('ci-b');
    a.world = withLedger(a.world, { ...ledger('100000002'), navn: 'BARE A' });
    expect(a.world.parties.get('100000002')?.ledger.navn).toBe('BARE A');
    expect(b.world.parties.get('100000002')?.ledger.navn).toBe('PART 100000002');
    expect(sessions.shared.world.parties.get('100000002')?.ledger.navn).toBe('PART 100000002');
  });

  it('drops a session idle longer than the time to live, and not a moment before', () => {
    const time = clock();
    const sessions = new Sessions(baseline, { ttlMs: 60_000, now: time.now });
    const a = sessions.scopeFor('ci-a');
    expect(sessions.expiresAt(a)).toBe(1_060_000);
    expect(sessions.expiresAt(sessions.shared)).toBeUndefined();
    time.state.now += 60_000;
    expect(sessions.find('ci-a')).toBe(a);
    expect(sessions.scopeFor('ci-a')).toBe(a); // used: idle time starts again
    expect(sessions.expiresAt(a)).toBe(1_120_000);
    time.state.now += 60_001;
    expect(sessions.find('ci-a')).toBeUndefined();
    expect(sessions.list()).toEqual([]);
    const fresh = sessions.scopeFor('ci-a');
    expect(fresh).not.toBe(a);
    expect(fresh.createdAt).toBe(1_120_001);
  });

  it('an expired session is not revived by a request that comes before the next sweep', () => {
    const time = clock();
    const sessions = new Sessions(baseline, { ttlMs: 1_000, now: time.now });
    const a = sessions.scopeFor('ci-a');
    a.world = withLedger(a.world, { ...ledger('100000001'), navn: 'GAMMEL' });
    time.state.now += 950;
    sessions.scopeFor(undefined); // a sweep runs here; ci-a is still alive
    expect(sessions.find('ci-a')).toBe(a);
    time.state.now += 51; // 1,001 ms idle, only 51 ms after the last sweep
    const again = sessions.scopeFor('ci-a');
    expect(again).not.toBe(a);
    expect(again.world).toBe(baseline);
  });

  it('refuses a new session beyond the limit, keeps serving the live ones, and makes room when one ends or expires', () => {
    const time = clock();
    const sessions = new Sessions(baseline, { ttlMs: 60_000, maxSessions: 2, now: time.now });
    const a = sessions.scopeFor('ci-a');
    sessions.scopeFor('ci-b');
    expect(() => sessions.scopeFor('ci-c')).toThrow(
      new SessionLimitError('too many sessions: 2 are alive; end one (DELETE /__admin/sessions/{id}) or wait until idle ones expire after 60 s'),
    );
    expect(sessions.list().map((s) => s.id)).toEqual(['ci-a', 'ci-b']);
    expect(sessions.scopeFor('ci-a')).toBe(a);
    expect(sessions.scopeFor(undefined)).toBe(sessions.shared);

    expect(sessions.delete('ci-b')).toBe(true);
    expect(sessions.delete('ci-b')).toBe(false);
    expect(sessions.scopeFor('ci-c').id).toBe('ci-c');

    time.state.now += 30_000;
    sessions.scopeFor('ci-c');
    time.state.now += 30_001; // ci-a is now idle past its time to live, ci-c is not
    expect(sessions.scopeFor('ci-d').id).toBe('ci-d');
    expect(sessions.list().map((s) => s.id)).toEqual(['ci-c', 'ci-d']);
  });

  it('at the limit, drops idle sessions the periodic sweep has not reached yet before refusing', () => {
    const time = clock();
    const sessions = new Sessions(baseline, { ttlMs: 1_000, maxSessions: 1, now: time.now });
    sessions.scopeFor('ci-a');
    time.state.now += 950;
    sessions.scopeFor(undefined); // the periodic sweep runs; ci-a is still alive
    time.state.now += 51; // ci-a has expired, and the next periodic sweep is 49 ms away
    expect(sessions.scopeFor('ci-b').id).toBe('ci-b');
    expect(sessions.list().map((s) => s.id)).toEqual(['ci-b']);
  });

  it('refuses options that make no sense', () => {
    expect(() => new Sessions(baseline, { ttlMs: 0 })).toThrow('sessions.ttlMs must be a number of milliseconds above 0, got 0');
    expect(() => new Sessions(baseline, { maxSessions: 0 })).toThrow('sessions.maxSessions must be a whole number, at least 1, got 0');
    expect(() => new Sessions(baseline, { maxSessions: 1.5 })).toThrow('sessions.maxSessions must be a whole number, at least 1, got 1.5');
  });

  it('checks session ids', () => {
    expect(sessionIdProblem('ci-42.job_7:a')).toBeUndefined();
    expect(sessionIdProblem('has space')).toBe("'has space' is not a session id: expected 1 to 128 characters from A-Z a-z 0-9 . _ : -");
    expect(sessionIdProblem('')).toBe("'' is not a session id: expected 1 to 128 characters from A-Z a-z 0-9 . _ : -");
    expect(sessionIdProblem('x'.repeat(128))).toBeUndefined();
    expect(sessionIdProblem('x'.repeat(129))).toMatch(/^'x{129}' is not a session id/);
    expect(sessionIdProblem('x'.repeat(500))).toMatch(/^'x{140}…' is not a session id/);
  });
});

describe('the cost of many sessions', () => {
  it('5,000 sessions with one write each hold one entry each on top of one shared map', () => {
    const parties = Array.from({ length: 2_000 }, (_, i) => String(400000000 + i));
    const big: World = createWorld([scenario('stor', parties)]);
    const sessions = new Sessions(big, { maxSessions: 5_000 });
    for (let i = 0; i < 5_000; i += 1) {
      const scope = sessions.scopeFor(`ci-${i}`);
      scope.world = withLedger(scope.world, { ...ledger(parties[i % parties.length]!), navn: `SESJON ${i}` });
    }
    const scopes = sessions.list();
    expect(scopes).toHaveLength(5_000);
    // Every session's index reads from the baseline's own map and adds exactly its one change:
    // 5,000 entries in all, where copying would have made 5,000 × 2,000.
    expect(scopes.every((s) => s.world.parties.sharesBaseWith(big.parties))).toBe(true);
    expect(scopes.reduce((n, s) => n + s.world.parties.overlaySize, 0)).toBe(5_000);
    expect(scopes.every((s) => s.world.parties.countDifferences(s.baseline.parties) === 1)).toBe(true);
    expect(big.parties.overlaySize).toBe(0);
    expect(sessions.find('ci-4999')!.world.parties.get(parties[4999 % 2000]!)?.ledger.navn).toBe('SESJON 4999');
    expect(big.parties.get(parties[0]!)?.ledger.navn).toBe(`PART ${parties[0]}`);
  });
});
