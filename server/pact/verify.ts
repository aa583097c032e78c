// Provider verification: replays the interactions of Pact files against kravmock with Pact's own
// verifier (@pact-foundation/pact `Verifier`) and reports whether kravmock answers as every
// consumer expects. Provider states are scenario names (contracts/pacts/README.md); their
// parameters set the clock, a fault rule and the credentials of each interaction.
//
// All verification traffic runs in a session of its own (`X-Kravmock-Session: pact-verify-<random>`,
// on the API requests and on every admin call), so verifying against a shared, running kravmock
// (`providerBaseUrl`) leaves its shared state and other sessions as they were.
import { randomBytes } from 'node:crypto';
import { Verifier, type LogLevel, type VerifierOptions } from '@pact-foundation/pact';
import type { NextFunction, Request, Response } from 'express';
import { pino } from 'pino';
import { runServe } from '../cli/serve-command.js';
import { SESSION_HEADER } from '../runtime/sessions.js';
import { pactFilesIn } from './check-pact.js';
import { replaceCredentials, type MintedToken, type TokenRequest } from './credentials.js';
import { FAULT_FAILURES, parseStateParams, readPactStates, type InteractionState, type PactStates, type StateParams } from './provider-states.js';

export interface VerifyPactsOptions {
  /** Pact files, or folders whose `*.json` files are pacts. */
  pacts: string[];
  /** A running kravmock; without it one is started in-process (as `kravmock serve`) and stopped afterwards. */
  providerBaseUrl?: string;
  /** The admin token of the provider (`--admin-token` of its `kravmock serve`). */
  adminToken?: string;
  /** Pact's own log level (default `warn`). */
  logLevel?: LogLevel;
}

export interface UnknownState {
  state: string;
  /** Where it is used: `<consumer>: '<interaction>' (<file>)`. */
  usedBy: string[];
}

export interface VerifyPactsResult {
  /** true when every interaction verified. */
  ok: boolean;
  /**
   * What to show: problems found before verification and the summary. Pact's own mismatch report
   * is printed by its native verifier to standard output while it runs; it is also in `report`.
   */
  output: string;
  /** Pact's verification report (the native verifier's output lines), when verification ran. */
  report?: string;
  files: string[];
  interactions: number;
  providerBaseUrl?: string;
  session?: string;
  /** Provider states no loaded scenario has; verification did not run. */
  unknownStates?: UnknownState[];
  /** The scenarios the provider has loaded (when unknown states were found). */
  knownScenarios?: string[];
  /** Bad state parameters (unknown names, values kravmock cannot set up); verification did not run. */
  parameterProblems?: string[];
  /** Failures while setting up a state during verification. */
  stateErrors?: string[];
  /** The interactions that did not verify, with Pact's mismatches. */
  failures?: InteractionFailure[];
}

/** Admin calls to the provider, in the verification's session. */
class ProviderAdmin {
  constructor(
    readonly baseUrl: string,
    readonly session: string,
    private readonly adminToken: string | undefined,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      [SESSION_HEADER]: this.session,
      ...(this.adminToken !== undefined ? { authorization: `Bearer ${this.adminToken}` } : {}),
      ...extra,
    };
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: this.headers(body !== undefined ? { 'content-type': 'application/json' } : {}) };
    if (body !== undefined) init.body = JSON.stringify(body);
    let res: globalThis.Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, init);
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
      throw new Error(`cannot reach the provider at ${this.baseUrl} (${method} ${path}): ${cause}`);
    }
    const text = await res.text();
    if (!res.ok) {
      let detail = text;
      try {
        const answer = JSON.parse(text) as Record<string, unknown>;
        detail = String(answer.message ?? answer.error_description ?? answer.melding ?? text);
      } catch {
        // not JSON: the text as it is
      }
      const hint = res.status === 401 ? ' (give the provider\'s admin token with --admin-token or KRAVMOCK_ADMIN_TOKEN)' : '';
      throw new Error(`${method} ${path} on the provider answered ${res.status}: ${detail}${hint}`);
    }
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  async scenarioNames(): Promise<string[]> {
    const list = await this.call<{ scenarios: Array<{ name: string }> }>('GET', '/__admin/scenarios');
    return list.scenarios.map((s) => s.name);
  }

  mint(request: TokenRequest): Promise<MintedToken> {
    return this.call<MintedToken>('POST', '/__admin/tokens', request);
  }

  /** The session back to the provider's baseline, then the state's clock and fault rule. */
  async setUp(params: StateParams): Promise<void> {
    await this.call('POST', '/__admin/reset');
    if (params.clock !== undefined) await this.call('PUT', '/__admin/clock', { date: params.clock });
    if (params.fault !== undefined) {
      await this.call('POST', '/__admin/faults', {
        id: `pact-${params.fault}`,
        ...(params.partIdentifikator !== undefined ? { partIdentifikator: params.partIdentifikator } : {}),
        probability: 1,
        failure: FAULT_FAILURES[params.fault],
      });
    }
  }

  async endSession(): Promise<void> {
    await this.call('DELETE', `/__admin/sessions/${encodeURIComponent(this.session)}`);
  }
}

/** The path the verifier's proxy posts state changes to (pact-js `Verifier`). */
const STATE_SETUP_PATH = '/_pactSetup';

const where = (s: InteractionState) => `${s.consumer}: '${s.interaction}' (${s.file})`;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Pact's JSON result (pactffi_verifier_json): only what is read here. */
interface PactVerificationJson {
  result?: boolean;
  output?: string[];
  errors?: Array<{ interaction?: string; mismatch?: { type?: string; message?: string; mismatches?: PactMismatch[] } }>;
}

/** One mismatch as Pact reports it: `StatusMismatch`, `BodyMismatch` (with `path`), `HeaderMismatch`, … */
export interface PactMismatch {
  type: string;
  mismatch: string;
  path?: string;
  expected?: unknown;
  actual?: unknown;
}

export interface InteractionFailure {
  /** The consumer, when the interaction is found in the pacts. */
  consumer?: string;
  interaction: string;
  /** Pact's name of the failure: `Verifying a pact between <consumer> and <provider> Given <state> - <description>`. */
  pactName: string;
  mismatches: PactMismatch[];
}

/** Pact's error entry, tied to the interaction it is about. */
function failureOf(error: NonNullable<PactVerificationJson['errors']>[number], pacts: PactStates[]): InteractionFailure {
  const pactName = error.interaction ?? '(unnamed interaction)';
  const match = pacts
    .flatMap((p) => p.states)
    .find((s) => pactName.startsWith(`Verifying a pact between ${s.consumer} and ${s.provider}`) && pactName.endsWith(` - ${s.interaction}`));
  // Pact reports body mismatches in no fixed order: by path, so a report reads the same every run.
  const mismatches = [...(error.mismatch?.mismatches ?? (error.mismatch?.message !== undefined ? [{ type: error.mismatch.type ?? 'error', mismatch: error.mismatch.message }] : []))].sort(
    (a, b) => (a.path ?? '').localeCompare(b.path ?? '', 'en', { numeric: true }) || a.mismatch.localeCompare(b.mismatch),
  );
  return { ...(match ? { consumer: match.consumer } : {}), interaction: match?.interaction ?? pactName, pactName, mismatches };
}

function parsePactJson(text: string): PactVerificationJson | undefined {
  try {
    return JSON.parse(text) as PactVerificationJson;
  } catch {
    return undefined;
  }
}

/**
 * Verifies pact files against kravmock. Throws PactFileProblem when a file is missing or not a
 * pact; any other problem (unknown provider states, bad state parameters, mismatches) is in the
 * result with `ok: false`.
 */
export async function verifyPacts(options: VerifyPactsOptions): Promise<VerifyPactsResult> {
  // Pact's libraries send usage telemetry unless told not to; kravmock runs offline and quietly.
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const files = pactFilesIn(options.pacts);
  const pacts: PactStates[] = files.map(readPactStates);
  const states = pacts.flatMap((p) => p.states);
  const interactions = pacts.reduce((n, p) => n + p.interactions, 0);
  const lines: string[] = [];
  const result: VerifyPactsResult = { ok: false, output: '', files, interactions };
  const finish = (ok: boolean): VerifyPactsResult => ({ ...result, ok, output: lines.join('\n') });

  const parameterProblems = states.flatMap((s) =>
    s.state === undefined ? [] : parseStateParams(s.params).problems.map((problem) => `provider state '${s.state}' of ${where(s)}: ${problem}`),
  );

  const running = options.providerBaseUrl === undefined ? await startInProcess() : undefined;
  const baseUrl = (options.providerBaseUrl ?? running!.url).replace(/\/+$/, '');
  const admin = new ProviderAdmin(baseUrl, `pact-verify-${randomBytes(6).toString('hex')}`, options.adminToken);
  result.providerBaseUrl = baseUrl;
  result.session = admin.session;
  try {
    let known: string[];
    try {
      known = await admin.scenarioNames();
    } catch (error) {
      lines.push(`Verification did not run: ${(error as Error).message}`);
      return finish(false);
    }
    const unknown = new Map<string, string[]>();
    for (const s of states) {
      if (s.state === undefined || known.includes(s.state)) continue;
      unknown.set(s.state, [...(unknown.get(s.state) ?? []), where(s)]);
    }
    if (unknown.size > 0) {
      result.unknownStates = [...unknown].map(([state, usedBy]) => ({ state, usedBy }));
      result.knownScenarios = known;
      for (const { state, usedBy } of result.unknownStates) {
        lines.push(`unknown provider state '${state}', used by ${usedBy.join('; ')}: the provider has no scenario of that name; known scenarios: ${known.join(', ')}`);
      }
    }
    if (parameterProblems.length > 0) {
      result.parameterProblems = parameterProblems;
      lines.push(...parameterProblems);
    }
    if (unknown.size > 0 || parameterProblems.length > 0) {
      lines.push(`Verification did not run: ${plural(unknown.size + parameterProblems.length, 'problem')} with the provider states of ${plural(files.length, 'pact file')}.`);
      return finish(false);
    }
    return await runVerification(options, admin, pacts, result, lines, finish);
  } finally {
    // The session is the verification's own: end it (a provider that never saw it answers 404).
    await admin.endSession().catch(() => undefined);
    await running?.close();
  }
}

async function runVerification(
  options: VerifyPactsOptions,
  admin: ProviderAdmin,
  pacts: PactStates[],
  result: VerifyPactsResult,
  lines: string[],
  finish: (ok: boolean) => VerifyPactsResult,
): Promise<VerifyPactsResult> {
  // Interactions run one at a time: the state set up last is the one the next request belongs to.
  let current: StateParams = {};
  const stateErrors: string[] = [];
  const names = [...new Set(pacts.flatMap((p) => p.states.map((s) => s.state ?? '')))];
  const handler = (name: string) => ({
    setup: async (raw?: unknown) => {
      const { params, problems } = parseStateParams((raw ?? {}) as Record<string, unknown>);
      current = params;
      try {
        if (problems.length > 0) throw new Error(problems.join('; '));
        await admin.setUp(params);
      } catch (error) {
        stateErrors.push(`setting up provider state '${name}' ${JSON.stringify(raw ?? {})}: ${(error as Error).message}`);
        throw error;
      }
      return undefined;
    },
    // Nothing is left for the next interaction, even one without a state.
    teardown: async () => {
      current = {};
      try {
        await admin.setUp({});
      } catch (error) {
        stateErrors.push(`tearing down provider state '${name}': ${(error as Error).message}`);
        throw error;
      }
      return undefined;
    },
  });
  const requestFilter = (req: Request, _res: Response, next: NextFunction) => {
    if (req.path === STATE_SETUP_PATH) return next();
    req.headers[SESSION_HEADER.toLowerCase()] = admin.session;
    replaceCredentials(req.path, req.headers, current, (token) => admin.mint(token)).then(
      () => next(),
      (error: unknown) => {
        stateErrors.push(`credentials for ${req.method} ${req.path}: ${(error as Error).message}`);
        next();
      },
    );
  };
  const provider = pacts[0]!.provider;
  const verifier = new Verifier({
    provider,
    providerBaseUrl: admin.baseUrl,
    pactUrls: result.files,
    // VerifierOptions intersects HTTP state handlers with message state handlers (functions only);
    // HTTP verification calls the {setup, teardown} form.
    stateHandlers: Object.fromEntries(names.map((name) => [name, handler(name)])) as unknown as VerifierOptions['stateHandlers'],
    requestFilter,
    logLevel: options.logLevel ?? 'warn',
  });
  let json: PactVerificationJson | undefined;
  let passed: boolean;
  try {
    json = parsePactJson(await verifier.verifyProvider());
    passed = true;
  } catch (error) {
    json = parsePactJson((error as Error).message);
    passed = false;
    if (json === undefined) lines.push(`Pact's verifier failed: ${(error as Error).message}`);
  }
  if (json?.output) result.report = json.output.join('\n');
  const failures = (json?.errors ?? []).map((error) => failureOf(error, pacts));
  if (failures.length > 0) result.failures = failures;
  if (stateErrors.length > 0) {
    result.stateErrors = stateErrors;
    lines.push(...stateErrors);
  }
  const ok = passed && stateErrors.length === 0;
  const what = `${plural(result.interactions, 'interaction')} of ${plural(result.files.length, 'pact file')} against ${admin.baseUrl} (session ${admin.session})`;
  if (ok) {
    lines.push(`Verified ${what}: all passed.`);
  } else if (failures.length > 0) {
    lines.push(`Verification failed: ${failures.length} of ${what} did not match (Pact's report above):`);
    for (const f of failures) {
      const first = f.mismatches[0];
      const more = f.mismatches.length > 1 ? ` (and ${f.mismatches.length - 1} more)` : '';
      lines.push(`  ${f.consumer ?? '?'}: '${f.interaction}': ${first ? `${first.path !== undefined ? `${first.path}: ` : ''}${first.mismatch}` : 'failed'}${more}`);
    }
  } else {
    lines.push(`Verification failed: ${what}; see the problems above.`);
  }
  return finish(ok);
}

/** kravmock as `kravmock serve --port 0 --host 127.0.0.1` would start it, quiet. */
async function startInProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const errors: string[] = [];
  const io = { out: () => undefined, err: (line: string) => void errors.push(line), env: {}, isTTY: false };
  const running = await runServe(['--port', '0', '--host', '127.0.0.1'], io, pino({ level: 'silent' }));
  if (typeof running === 'number') throw new Error(`kravmock did not start:\n${errors.join('\n')}`);
  return running;
}
