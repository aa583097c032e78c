// The scenario library (scenarios/*.yaml) as a whole: it loads without a single problem, every
// scenario has its own party, and every view of every party validates against the contract, at the
// reference clock and at a later one (the library is written relative to the clock).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContract } from '../../server/contract.js';
import type { PartyLedger } from '../../server/ledger/events.js';
import { aapneKravView, innbetalingerView, kravView, utbetalingerView, type Period, type Rettighetspakke } from '../../server/ledger/views.js';
import { packageRoot } from '../../server/paths.js';
import { loadScenarioFiles } from '../../server/scenarios/load.js';
import { ScenarioLoadError, type LoadedScenario } from '../../server/scenarios/types.js';

const SCENARIOS_DIR = join(packageRoot, 'scenarios');
/** The reference clock the library's dates were chosen on; the key figures are asserted at it. */
const REFERENCE_CLOCK = '2026-11-26';
const LATER_CLOCK = '2027-06-15';
/** Parties served built in (fixtures/builtin): no scenario may use them. */
const BUILTIN_PARTIES = ['313367002', '311851381', '314961900', '314055403', '212201782', '871978433'];
const RETTIGHETSPAKKER: Rettighetspakke[] = ['finans', 'regnskapssystem'];

const contract = createContract();

function load(defaultClock: string): LoadedScenario[] {
  try {
    return loadScenarioFiles([SCENARIOS_DIR], { defaultClock });
  } catch (error) {
    // Show every problem (file:line:col path: message) rather than just "it threw".
    if (error instanceof ScenarioLoadError) expect.fail(error.message);
    throw error;
  }
}

/** The year up to the clock and the whole year before: the periods a vendor asks first. */
function periods(clock: string): Period[] {
  const year = Number(clock.slice(0, 4));
  return [
    { fraOgMed: `${year}-01-01`, tilOgMed: clock },
    { fraOgMed: `${year - 1}-01-01`, tilOgMed: `${year - 1}-12-31` },
  ];
}

function contractViolations(scenario: LoadedScenario, party: PartyLedger): string[] {
  const out: string[] = [];
  const check = (schema: string, label: string, view: unknown): void => {
    for (const v of contract.validateSchema(schema, view)) out.push(`${label} ${v.instancePath}: ${v.message}`);
  };
  for (const rettighetspakke of RETTIGHETSPAKKER) {
    const opts = { clock: scenario.clock, rettighetspakke };
    check('AapneKrav', `${rettighetspakke} aapnekrav`, aapneKravView(party, opts));
    for (const period of periods(scenario.clock)) {
      const label = `${rettighetspakke} ${period.fraOgMed}..${period.tilOgMed}`;
      check('AlleKrav', `${label} krav`, kravView(party, opts, period));
      check('Innbetalinger', `${label} innbetalinger`, innbetalingerView(party, opts, period));
      check('Utbetalinger', `${label} utbetalinger`, utbetalingerView(party, opts, period));
    }
  }
  return out;
}

describe('the scenario library', () => {
  let scenarios: LoadedScenario[];
  beforeAll(() => {
    scenarios = load(REFERENCE_CLOCK);
  });

  it('loads the whole scenarios/ folder without a problem', () => {
    const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'));
    expect(scenarios).toHaveLength(files.length);
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
  });

  it('names every scenario after its file, in lower case with hyphens, each name once', () => {
    for (const s of scenarios) {
      expect(s.name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(s.source.endsWith(`${s.name}.yaml`), `${s.source} holds scenario '${s.name}'`).toBe(true);
    }
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it('gives every scenario exactly one party of its own, none of them a built-in party', () => {
    const ids = scenarios.flatMap((s) => s.parties.map((p) => p.partIdentifikator));
    for (const s of scenarios) expect(s.parties, s.name).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(BUILTIN_PARTIES).not.toContain(id);
      expect(id).toMatch(/^[23]\d{8}$/); // synthetic organisation numbers start with 2 or 3
    }
    const owners = scenarios.flatMap((s) => s.parties.flatMap((p) => p.tilknyttedeParter ?? []));
    expect(new Set([...ids, ...owners]).size).toBe(ids.length + owners.length);
    for (const fnr of owners) expect(Number(fnr.slice(2, 4)), `${fnr}: synthetic persons have month + 80`).toBeGreaterThan(80);
  });

  it('keeps most scenarios relative to the clock (no own clock), so they never go stale', () => {
    const own = scenarios.filter((s) => s.ownClock !== undefined);
    expect(own.length).toBeLessThan(scenarios.length / 2);
    for (const s of scenarios) expect(s.clock, s.name).toBe(s.ownClock ?? REFERENCE_CLOCK);
  });

  it('describes every scenario in a few sentences', () => {
    for (const s of scenarios) {
      expect(s.description.length, s.name).toBeGreaterThan(80);
      expect(s.description.length, s.name).toBeLessThanOrEqual(300);
    }
  });
});

const NAMES = readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

describe.each([REFERENCE_CLOCK, LATER_CLOCK])('every view of every scenario at %s', (clock) => {
  let byName: Map<string, LoadedScenario>;
  beforeAll(() => {
    byName = new Map(load(clock).map((s) => [s.name, s]));
  });
  it.each(NAMES)('%s validates against the contract (both rettighetspakker, two periods)', (name) => {
    const scenario = byName.get(name);
    expect(scenario, `scenario '${name}' is loaded`).toBeDefined();
    for (const party of scenario!.parties) expect(contractViolations(scenario!, party)).toEqual([]);
  });
});
