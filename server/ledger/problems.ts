// A semantic problem found in a ledger (see check.ts).

export interface LedgerProblem {
  /** Index into `ledger.events`; -1 for a problem with the ledger itself (party, tilknyttedeParter). */
  eventIndex: number;
  /** Path from the ledger root, e.g. `events[3].kravforfall[0].kidnummer`. */
  path: string;
  /** English, naming the field, the bad value and what was expected. */
  message: string;
}

export type ProblemSink = (problem: LedgerProblem) => void;

/** True for a plain object (not null, not an array): guards the views against malformed JSON input. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
