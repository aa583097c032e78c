// The ledger's own rules (checkLedger) on each party, located in the scenario file, and the rules
// that span parties and files: one scenario per name, one ledger per party.
import type { PartyLedger } from '../ledger/events.js';
import { checkLedger } from '../ledger/views.js';
import { parsePath, type PathProblem } from './path.js';

/** checkLedger's problems for the given parties, with paths from the document root (`parties[2].events[3]...`). */
export function ledgerProblems(parties: readonly PartyLedger[], partyIndexes: Iterable<number>): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const p of partyIndexes) {
    const party = parties[p];
    if (!party) continue;
    for (const problem of checkLedger(party)) {
      problems.push({ path: ['parties', p, ...parsePath(problem.path)], message: problem.message });
    }
  }
  return problems;
}

/** What the cross-file rules need to know of one scenario. */
export interface ScenarioIdentity {
  source: string;
  name: unknown;
  parties: readonly { partIdentifikator?: unknown }[];
}

interface PartyOwner {
  scenario: number;
  index: number;
}

/**
 * Name and party clashes across the scenarios of one load, each reported on the later one, naming the
 * earlier. `existing` scenarios (served alongside, e.g. the built-in one) come first and are never
 * reported on. Returns the problems per scenario (same order as `scenarios`).
 */
export function crossScenarioProblems(scenarios: readonly ScenarioIdentity[], existing: readonly ScenarioIdentity[] = []): PathProblem[][] {
  const all = [...existing, ...scenarios];
  const result: PathProblem[][] = scenarios.map(() => []);
  const names = new Map<string, number>();
  const parties = new Map<string, PartyOwner>();
  const label = (i: number): string => {
    const s = all[i]!;
    return typeof s.name === 'string' ? `scenario '${s.name}' (${s.source})` : s.source;
  };
  all.forEach((scenario, s) => {
    const report = (problem: PathProblem): void => {
      if (s >= existing.length) result[s - existing.length]!.push(problem);
    };
    if (typeof scenario.name === 'string') {
      const first = names.get(scenario.name);
      if (first !== undefined) {
        report({ path: ['name'], message: `scenario name '${scenario.name}' is already used by ${all[first]!.source}: names must be unique` });
      } else names.set(scenario.name, s);
    }
    scenario.parties.forEach((party, index) => {
      const id = party?.partIdentifikator;
      if (typeof id !== 'string') return;
      const owner = parties.get(id);
      if (!owner) {
        parties.set(id, { scenario: s, index });
        return;
      }
      const where = owner.scenario === s ? `parties[${owner.index}] of this scenario` : `parties[${owner.index}] of ${label(owner.scenario)}`;
      report({
        path: ['parties', index, 'partIdentifikator'],
        message: `party '${id}' is already in ${where}: a party has one ledger, in one scenario`,
      });
    });
  });
  return result;
}
