// Everything a running mock answers from, as one immutable value: the scenarios as they were loaded,
// the parties' current ledgers (after admin actions), the clock setting and the fault rules. Every
// change is a pure function returning a new World, so a session can hold a copy for free and a
// rejected change leaves the old value untouched.
import type { FaultRule } from '../faults/types.js';
import { addDays } from '../ledger/dates.js';
import type { IsoDate, PartyLedger } from '../ledger/events.js';
import type { PartyEntry } from '../party-store.js';
import type { LoadedScenario } from '../scenarios/types.js';
import { PartyIndex } from './party-index.js';

/**
 * How "today" is found. `fixed` (from `--clock` or `PUT /__admin/clock`) wins over scenarios' own
 * clocks; without it a party is answered at its scenario's own clock, else the server's date. The
 * offset (`POST /__admin/clock/advance`) is added to whichever applies.
 */
export interface ClockSetting {
  fixed?: IsoDate;
  offsetDays: number;
}

export interface World {
  /** The scenarios in load order, with the ledgers they were loaded with. */
  readonly scenarios: readonly LoadedScenario[];
  /** Every party's current entry: its loaded ledger plus what admin actions added. */
  readonly parties: PartyIndex;
  readonly clock: ClockSetting;
  readonly faults: readonly FaultRule[];
}

/** A scenario or party clash; the message names both sides. */
export class WorldConflictError extends Error {
  override name = 'WorldConflictError';
}

function entriesOf(scenario: LoadedScenario): PartyEntry[] {
  return scenario.parties.map((ledger) => {
    const entry: PartyEntry = { ledger, scenario: scenario.name };
    if (scenario.ownClock) entry.ownClock = scenario.ownClock;
    return entry;
  });
}

function assertNoClash(existing: readonly LoadedScenario[], added: readonly LoadedScenario[]): void {
  const names = new Map(existing.map((s) => [s.name, s]));
  const owners = new Map<string, LoadedScenario>();
  for (const s of existing) for (const p of s.parties) owners.set(p.partIdentifikator, s);
  for (const scenario of added) {
    const clash = names.get(scenario.name);
    if (clash) throw new WorldConflictError(`two scenarios are named '${scenario.name}' (${clash.source} and ${scenario.source})`);
    names.set(scenario.name, scenario);
    for (const ledger of scenario.parties) {
      const owner = owners.get(ledger.partIdentifikator);
      if (owner) {
        throw new WorldConflictError(
          `party ${ledger.partIdentifikator} is in scenario '${owner.name}' and in scenario '${scenario.name}' (${scenario.source}); a party can belong to one scenario only`,
        );
      }
      owners.set(ledger.partIdentifikator, scenario);
    }
  }
}

/** A world over loaded scenarios; throws WorldConflictError when two share a name or a party. */
export function createWorld(scenarios: readonly LoadedScenario[], clock: ClockSetting = { offsetDays: 0 }): World {
  assertNoClash([], scenarios);
  return { scenarios: [...scenarios], parties: PartyIndex.of(scenarios.flatMap(entriesOf)), clock, faults: [] };
}

/** The date a party is answered at (or, for an unknown party, the date requests are checked against). */
export function clockFor(world: World, entry: PartyEntry | undefined, serverToday: () => IsoDate): IsoDate {
  const { fixed, offsetDays } = world.clock;
  const base = fixed ?? entry?.ownClock ?? serverToday();
  return offsetDays === 0 ? base : addDays(base, offsetDays);
}

/** The date a scenario's parties are answered at. */
export function scenarioClock(world: World, scenario: LoadedScenario, serverToday: () => IsoDate): IsoDate {
  const { fixed, offsetDays } = world.clock;
  const base = fixed ?? scenario.ownClock ?? serverToday();
  return offsetDays === 0 ? base : addDays(base, offsetDays);
}

export function findScenario(world: World, name: string): LoadedScenario | undefined {
  return world.scenarios.find((s) => s.name === name);
}

/**
 * Adds scenarios. With `replace`, a scenario of the same name is replaced (its parties as loaded,
 * earlier actions on them dropped); otherwise a clash throws WorldConflictError.
 */
export function withScenarios(world: World, added: readonly LoadedScenario[], options: { replace?: boolean } = {}): World {
  const replaced = options.replace ? world.scenarios.filter((s) => added.some((a) => a.name === s.name)) : [];
  const kept = world.scenarios.filter((s) => !replaced.includes(s));
  assertNoClash(kept, added);
  const removedIds = replaced.flatMap((s) => s.parties.map((p) => p.partIdentifikator));
  return {
    ...world,
    scenarios: [...kept, ...added],
    parties: world.parties.with(added.flatMap(entriesOf), removedIds.filter((id) => !added.some((a) => a.parties.some((p) => p.partIdentifikator === id)))),
  };
}

/** Removes a scenario and its parties; the world unchanged when no scenario has that name. */
export function withoutScenario(world: World, name: string): World {
  const scenario = findScenario(world, name);
  if (!scenario) return world;
  return {
    ...world,
    scenarios: world.scenarios.filter((s) => s !== scenario),
    parties: world.parties.with([], scenario.parties.map((p) => p.partIdentifikator)),
  };
}

/** The scenario's parties back to their loaded ledgers (admin actions on them dropped). */
export function withScenarioReset(world: World, name: string): World {
  const scenario = findScenario(world, name);
  if (!scenario) return world;
  return { ...world, parties: world.parties.with(entriesOf(scenario)) };
}

/** Replaces a known party's ledger, keeping its scenario and clock. Throws for an unknown party. */
export function withLedger(world: World, ledger: PartyLedger): World {
  const entry = world.parties.get(ledger.partIdentifikator);
  if (!entry) throw new WorldConflictError(`no loaded scenario has party ${ledger.partIdentifikator}`);
  return { ...world, parties: world.parties.with([{ ...entry, ledger }]) };
}

export function withClock(world: World, clock: ClockSetting): World {
  return { ...world, clock };
}

export function withFaults(world: World, faults: readonly FaultRule[]): World {
  return { ...world, faults };
}
