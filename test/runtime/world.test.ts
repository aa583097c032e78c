// The World's pure functions: each returns a new World and leaves the old one as it was.
import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../../server/faults/types.js';
import type { PartyLedger } from '../../server/ledger/events.js';
import {
  clockFor,
  createWorld,
  scenarioClock,
  withClock,
  withFaults,
  withLedger,
  withoutScenario,
  withScenarioReset,
  withScenarios,
  WorldConflictError,
  type World,
} from '../../server/runtime/world.js';
import type { LoadedScenario } from '../../server/scenarios/types.js';

const ledger = (id: string, navn = `PART ${id}`): PartyLedger => ({ partIdentifikator: id, navn, events: [] });
const scenario = (name: string, partyIds: string[], extra: Partial<LoadedScenario> = {}): LoadedScenario => ({
  name,
  description: `scenario ${name}`,
  source: `${name}.yaml`,
  clock: '2026-01-01',
  parties: partyIds.map((id) => ledger(id)),
  ...extra,
});
const partyIds = (world: World) => [...world.parties.entries()].map((e) => e.ledger.partIdentifikator).sort();
const today = () => '2026-11-26';

describe('createWorld', () => {
  it('indexes every party of every scenario with its scenario and own clock', () => {
    const world = createWorld([scenario('a', ['100000001']), scenario('b', ['100000002'], { ownClock: '2023-08-28' })]);
    expect(world.scenarios.map((s) => s.name)).toEqual(['a', 'b']);
    expect(world.parties.get('100000001')).toEqual({ ledger: ledger('100000001'), scenario: 'a' });
    expect(world.parties.get('100000002')).toEqual({ ledger: ledger('100000002'), scenario: 'b', ownClock: '2023-08-28' });
    expect(world.clock).toEqual({ offsetDays: 0 });
    expect(world.faults).toEqual([]);
  });

  it('refuses two scenarios with one name, naming both sources', () => {
    expect(() => createWorld([scenario('a', ['100000001']), scenario('a', ['100000002'], { source: 'other.yaml' })])).toThrow(
      new WorldConflictError("two scenarios are named 'a' (a.yaml and other.yaml)"),
    );
  });

  it('refuses one party in two scenarios, naming both', () => {
    expect(() => createWorld([scenario('a', ['100000001']), scenario('b', ['100000001'])])).toThrow(
      new WorldConflictError("party 100000001 is in scenario 'a' and in scenario 'b' (b.yaml); a party can belong to one scenario only"),
    );
  });
});

describe('withScenarios', () => {
  const start = createWorld([scenario('a', ['100000001', '100000002'])]);

  it('adds scenarios and their parties in a new world', () => {
    const next = withScenarios(start, [scenario('b', ['100000003'])]);
    expect(next.scenarios.map((s) => s.name)).toEqual(['a', 'b']);
    expect(partyIds(next)).toEqual(['100000001', '100000002', '100000003']);
    expect(partyIds(start)).toEqual(['100000001', '100000002']);
  });

  it('without replace, a clash throws and the world is unchanged', () => {
    expect(() => withScenarios(start, [scenario('a', ['100000009'])])).toThrow("two scenarios are named 'a' (a.yaml and a.yaml)");
    expect(() => withScenarios(start, [scenario('b', ['100000002'])])).toThrow("party 100000002 is in scenario 'a' and in scenario 'b'");
    expect(start.scenarios.map((s) => s.name)).toEqual(['a']);
    expect(partyIds(start)).toEqual(['100000001', '100000002']);
  });

  it('with replace, a scenario of the same name takes the old one’s place: its parties as loaded, dropped parties gone', () => {
    const acted = withLedger(start, { ...ledger('100000001'), navn: 'ENDRET' });
    const next = withScenarios(acted, [scenario('a', ['100000001', '100000005'], { description: 'ny' })], { replace: true });
    expect(next.scenarios.map((s) => [s.name, s.description])).toEqual([['a', 'ny']]);
    expect(partyIds(next)).toEqual(['100000001', '100000005']);
    expect(next.parties.get('100000001')?.ledger.navn).toBe('PART 100000001');
    expect(next.parties.get('100000002')).toBeUndefined();
  });

  it('with replace, a new party clashing with another scenario still throws', () => {
    const two = withScenarios(start, [scenario('b', ['100000003'])]);
    expect(() => withScenarios(two, [scenario('a', ['100000003'])], { replace: true })).toThrow("party 100000003 is in scenario 'b' and in scenario 'a'");
  });
});

describe('withoutScenario and withScenarioReset', () => {
  const start = createWorld([scenario('a', ['100000001']), scenario('b', ['100000002'])]);

  it('withoutScenario drops the scenario and its parties; an unknown name gives the same world', () => {
    const next = withoutScenario(start, 'a');
    expect(next.scenarios.map((s) => s.name)).toEqual(['b']);
    expect(partyIds(next)).toEqual(['100000002']);
    expect(partyIds(start)).toEqual(['100000001', '100000002']);
    expect(withoutScenario(start, 'nope')).toBe(start);
  });

  it('withScenarioReset puts its parties back to their loaded ledgers and leaves the others', () => {
    const acted = withLedger(withLedger(start, { ...ledger('100000001'), navn: 'ENDRET A' }), { ...ledger('100000002'), navn: 'ENDRET B' });
    const reset = withScenarioReset(acted, 'a');
    expect(reset.parties.get('100000001')?.ledger).toBe(start.scenarios[0]!.parties[0]);
    expect(reset.parties.get('100000002')?.ledger.navn).toBe('ENDRET B');
    expect(acted.parties.get('100000001')?.ledger.navn).toBe('ENDRET A');
    expect(withScenarioReset(acted, 'nope')).toBe(acted);
  });
});

describe('withLedger, withClock, withFaults', () => {
  const start = createWorld([scenario('a', ['100000001'], { ownClock: '2023-08-28' })]);

  it('withLedger replaces a known party’s ledger and keeps its scenario and own clock', () => {
    const next = withLedger(start, { ...ledger('100000001'), navn: 'ENDRET' });
    expect(next.parties.get('100000001')).toEqual({ ledger: { ...ledger('100000001'), navn: 'ENDRET' }, scenario: 'a', ownClock: '2023-08-28' });
    expect(start.parties.get('100000001')?.ledger.navn).toBe('PART 100000001');
  });

  it('withLedger throws for a party no scenario has, and changes nothing', () => {
    expect(() => withLedger(start, ledger('999999999'))).toThrow(new WorldConflictError('no loaded scenario has party 999999999'));
    expect(start.parties.get('999999999')).toBeUndefined();
  });

  it('withClock and withFaults give new worlds with the rest shared', () => {
    const rule: FaultRule = { id: 'r1', probability: 1, failure: { type: 'reset' }, seed: 7 };
    const next = withFaults(withClock(start, { fixed: '2025-01-01', offsetDays: 3 }), [rule]);
    expect(next.clock).toEqual({ fixed: '2025-01-01', offsetDays: 3 });
    expect(next.faults).toEqual([rule]);
    expect(next.parties).toBe(start.parties);
    expect(start.clock).toEqual({ offsetDays: 0 });
    expect(start.faults).toEqual([]);
  });
});

describe('clockFor and scenarioClock', () => {
  const own = scenario('own', ['100000001'], { ownClock: '2023-08-28' });
  const plain = scenario('plain', ['100000002']);
  const world = createWorld([own, plain]);
  const ownEntry = world.parties.get('100000001');
  const plainEntry = world.parties.get('100000002');

  it('without a setting: the scenario’s own clock, else the server’s today', () => {
    expect(clockFor(world, ownEntry, today)).toBe('2023-08-28');
    expect(clockFor(world, plainEntry, today)).toBe('2026-11-26');
    expect(clockFor(world, undefined, today)).toBe('2026-11-26');
    expect(scenarioClock(world, own, today)).toBe('2023-08-28');
    expect(scenarioClock(world, plain, today)).toBe('2026-11-26');
  });

  it('a fixed clock wins over the own clock and the server’s today', () => {
    const fixed = withClock(world, { fixed: '2025-05-05', offsetDays: 0 });
    expect(clockFor(fixed, ownEntry, today)).toBe('2025-05-05');
    expect(clockFor(fixed, plainEntry, today)).toBe('2025-05-05');
    expect(scenarioClock(fixed, own, today)).toBe('2025-05-05');
  });

  it('the offset is added to whichever clock applies, across month and year ends', () => {
    const advanced = withClock(world, { offsetDays: 30 });
    expect(clockFor(advanced, ownEntry, today)).toBe('2023-09-27');
    expect(clockFor(advanced, plainEntry, today)).toBe('2026-12-26');
    expect(clockFor(withClock(world, { fixed: '2025-12-20', offsetDays: 15 }), ownEntry, today)).toBe('2026-01-04');
    expect(scenarioClock(withClock(world, { offsetDays: -28 }), own, today)).toBe('2023-07-31');
  });
});
