// The errors startKravmock and its handle throw: the admin API's refusals, carried over with their
// status, code, message and problems, and what stops a start or a call before the admin API answers.
import type { AdminError } from '../generated/admin-contract.js';

/** One problem the admin API listed (a rejected scenario or ledger action), as `kravmock validate` prints it. */
export type KravmockProblem = NonNullable<AdminError['problems']>[number];

/** How a problem reads: `file:line:col path: message`, or `path: message` without a position. */
export function formatKravmockProblem(problem: KravmockProblem): string {
  const at = problem.file !== undefined ? `${problem.file}${problem.line !== undefined ? `:${problem.line}:${problem.col ?? 1}` : ''} ` : '';
  return `${at}${problem.path}: ${problem.message}`;
}

const SHOWN_PROBLEMS = 20;

/** A value as an error message names it: `'text'`, `number 42`, `an object`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value}'`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * The admin API refused a call of a {@link KravmockClient} method: `status` is the HTTP status,
 * `code` the admin API's machine-readable error (`invalid-scenario`, `unknown-party`,
 * `scenario-clash`, `invalid_request` …), `adminMessage` what it said was wrong and expected,
 * `problems` every problem it listed (empty when none). `message` names the request too and lists
 * the problems, so a failing test shows all of it.
 *
 * @example
 * ```ts
 * await expect(mock.payment('999999999', { beloep: 10 })).rejects.toMatchObject({ status: 404, code: 'unknown-party' });
 * ```
 */
export class KravmockAdminError extends Error {
  override name = 'KravmockAdminError';
  /** The HTTP status the admin API answered with. */
  readonly status: number;
  /** The admin API's error code (`error` in its answer). */
  readonly code: string;
  /** The admin API's own message: what was wrong and what was expected. */
  readonly adminMessage: string;
  /** Every problem the admin API listed; empty when it listed none. */
  readonly problems: KravmockProblem[];
  /** The method of the refused request, e.g. `POST`. */
  readonly method: string;
  /** The path of the refused request, e.g. `/__admin/scenarios`. */
  readonly path: string;

  constructor(details: { status: number; code: string; adminMessage: string; problems?: KravmockProblem[]; method: string; path: string }) {
    const problems = details.problems ?? [];
    // Problems the message does not already quote, one per line.
    const unquoted = problems.map(formatKravmockProblem).filter((line) => !details.adminMessage.includes(line));
    const listed = unquoted.slice(0, SHOWN_PROBLEMS).map((line) => `\n  ${line}`).join('');
    const more = unquoted.length > SHOWN_PROBLEMS ? `\n  … and ${unquoted.length - SHOWN_PROBLEMS} more` : '';
    super(`kravmock admin API refused ${details.method} ${details.path}: ${details.status} ${details.code}: ${details.adminMessage}${listed}${more}`);
    this.status = details.status;
    this.code = details.code;
    this.adminMessage = details.adminMessage;
    this.problems = problems;
    this.method = details.method;
    this.path = details.path;
  }
}

/**
 * startKravmock could not start the mock: a bad option, or the port is in use. Scenario files that
 * do not load throw `ScenarioLoadError` instead, with every problem; a scenario document given in
 * `scenarios` that the admin API refuses throws {@link KravmockAdminError}.
 */
export class KravmockStartError extends Error {
  override name = 'KravmockStartError';
}

/** A handle (or one of its sessions) was used after `close()`: start a new mock instead. */
export class KravmockClosedError extends Error {
  override name = 'KravmockClosedError';
}
