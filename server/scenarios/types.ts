// What loading a scenario file gives, and how a rejected file explains itself.
import type { IsoDate, PartyLedger } from '../ledger/events.js';

/** A scenario file after validation, with its relative dates resolved. */
export interface LoadedScenario {
  /** Stable identifier; also the Pact provider state. */
  name: string;
  description: string;
  /** The file it came from (as given), or a label like `<body>` for scenarios not read from disk. */
  source: string;
  /** The scenario's own clock, when the file sets one. */
  ownClock?: IsoDate;
  /** The clock its relative dates were resolved against and its parties are answered at. */
  clock: IsoDate;
  parties: PartyLedger[];
}

/** One thing wrong with a scenario file, positioned in the file (1-based line and column). */
export interface ScenarioProblem {
  file: string;
  line: number;
  col: number;
  /** JSON-pointer-like path into the document, e.g. `parties[0].events[3].kravforfall[0].kidnummer`. */
  path: string;
  message: string;
}

export interface LoadOptions {
  /** Resolves relative dates of scenarios without their own clock (and answers their parties). */
  defaultClock: IsoDate;
  /** When set (`--clock`), wins over every scenario's own clock. */
  fixedClock?: IsoDate;
  /**
   * Scenarios the loaded ones will be served next to (e.g. the built-in one): a scenario name or a
   * party that clashes with one of them is a positioned problem rather than a store error later.
   */
  existing?: readonly LoadedScenario[];
}

/**
 * A scenario file as written (the shape of contracts/scenario.schema.json), before its relative
 * dates are resolved: every date of its parties may still be `today`, `-30d`, `+2w`, `-3m`, `+1y`.
 */
export interface ScenarioDocument {
  $schema?: string;
  name: string;
  description: string;
  clock?: IsoDate;
  parties: PartyLedger[];
}

/** `file:line:col path: message` — the form editors and CI logs link to. */
export function formatProblem(p: ScenarioProblem): string {
  return `${p.file}:${p.line}:${p.col} ${p.path}: ${p.message}`;
}

/** A load that was rejected whole; `problems` lists every problem found, not just the first. */
export class ScenarioLoadError extends Error {
  readonly problems: ScenarioProblem[];

  constructor(problems: ScenarioProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in scenario files:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ScenarioLoadError';
    this.problems = problems;
  }
}
