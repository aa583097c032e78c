// The handle's methods: each one request to the running mock's admin API over HTTP, the same path a
// vendor's own HTTP calls take, in the scope of the client's X-Kravmock-Session (or the shared state).
import type { ClockState, FaultRuleList, JournalPage, ResetResult, Scenario, ScenarioList, TokenResponse } from '../generated/admin-contract.js';
import { SESSION_HEADER } from '../runtime/sessions.js';
import { describeValue, KravmockAdminError, KravmockClosedError, type KravmockProblem } from './errors.js';
import type { ClaimRaised, KravmockClient, LedgerActionAnswer, LoadScenariosOptions, MintedToken, PaymentReceived, Payout, ScenarioSource, StoredFaultRule } from './types.js';

/** The running server a client talks to. */
export interface Connection {
  url: string;
  /** Sent as `Authorization: Bearer …` on admin calls when the server requires one. */
  adminToken?: string;
  /** True once the handle was closed: calls are refused before they are sent. */
  isClosed(): boolean;
}

interface CallOptions {
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The admin API's error body: `{error, message, problems?}`, or the token endpoints' `{error, error_description}`. */
function refusal(method: string, path: string, status: number, text: string): KravmockAdminError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isRecord(body) && typeof body.error === 'string') {
    const message = typeof body.message === 'string' ? body.message : typeof body.error_description === 'string' ? body.error_description : '(no message)';
    const problems = Array.isArray(body.problems) ? (body.problems as KravmockProblem[]) : [];
    return new KravmockAdminError({ status, code: body.error, adminMessage: message, problems, method, path });
  }
  return new KravmockAdminError({ status, code: 'unexpected-answer', adminMessage: `expected an admin error body {error, message}, got: ${text.slice(0, 500) || '(empty)'}`, method, path });
}

/** Splits `loadScenarios`' arguments into sources and the trailing options. */
function scenarioArguments(args: readonly unknown[]): { sources: ScenarioSource[]; replace: boolean } {
  const last = args.at(-1);
  const hasOptions = isRecord(last) && !('name' in last) && !('parties' in last);
  const sources = (hasOptions ? args.slice(0, -1) : args) as unknown[];
  let replace = false;
  if (hasOptions) {
    const unknown = Object.keys(last).filter((key) => key !== 'replace');
    if (unknown.length > 0) throw new TypeError(`loadScenarios: unknown option ${unknown.map((k) => `'${k}'`).join(', ')} in the last argument: expected { replace?: boolean }`);
    if (last.replace !== undefined && typeof last.replace !== 'boolean') throw new TypeError(`loadScenarios: replace must be true or false, got ${describeValue(last.replace)}`);
    replace = (last as LoadScenariosOptions).replace ?? false;
  }
  if (sources.length === 0) throw new TypeError('loadScenarios: expected at least one scenario file, folder or scenario document');
  sources.forEach((source, i) => {
    if (typeof source === 'string' ? source === '' : !isRecord(source)) {
      throw new TypeError(`loadScenarios: argument ${i + 1} is ${describeValue(source)}: expected a scenario file or folder (a non-empty path) or a scenario document (an object)`);
    }
  });
  return { sources: sources as ScenarioSource[], replace };
}

/** One admin API request; an answer other than 2xx is thrown as a KravmockAdminError. */
export async function adminCall<T>(connection: Connection, scopeHeaders: Record<string, string>, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: CallOptions = {}): Promise<T> {
  if (connection.isClosed()) {
    throw new KravmockClosedError(`the mock at ${connection.url} is closed, so ${method} ${path} was not sent: start a new one with startKravmock()`);
  }
  const query = Object.entries(options.query ?? {}).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  const search = query.length > 0 ? `?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString()}` : '';
  const headers: Record<string, string> = { Accept: 'application/json', ...scopeHeaders };
  if (connection.adminToken !== undefined) headers.Authorization = `Bearer ${connection.adminToken}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${connection.url}${path}${search}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new Error(`the mock at ${connection.url} did not answer ${method} ${path}${search}: ${reason}`, { cause: error });
  }
  const text = await res.text();
  if (!res.ok) throw refusal(method, `${path}${search}`, res.status, text);
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A client of the mock's admin API in one scope: the shared state, or the session `sessionId`. */
export function createClient(connection: Connection, sessionId?: string): KravmockClient {
  const scopeHeaders: Record<string, string> = sessionId !== undefined ? { [SESSION_HEADER]: sessionId } : {};

  const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, options: CallOptions = {}) => adminCall<T>(connection, scopeHeaders, method, path, options);

  const party = (id: string, action: string) => `/__admin/parties/${encodeURIComponent(id)}/${action}`;

  return {
    url: connection.url,
    headers: Object.freeze({ ...scopeHeaders }),

    reset: () => call<ResetResult>('POST', '/__admin/reset'),
    async loadScenarios(...args) {
      const { sources, replace } = scenarioArguments(args);
      const loaded: Scenario[] = [];
      for (let i = 0; i < sources.length; ) {
        const source = sources[i]!;
        if (typeof source === 'string') {
          const paths: string[] = [];
          while (i < sources.length && typeof sources[i] === 'string') paths.push(sources[i++] as string);
          const list = await call<ScenarioList>('POST', '/__admin/scenarios/files', { body: { paths, replace } });
          loaded.push(...list.scenarios);
        } else {
          loaded.push(await call<Scenario>('POST', '/__admin/scenarios', { body: source, query: { replace: replace || undefined } }));
          i++;
        }
      }
      return loaded;
    },
    deleteScenario: (name) => call<void>('DELETE', `/__admin/scenarios/${encodeURIComponent(name)}`),
    resetScenario: (name) => call<Scenario>('POST', `/__admin/scenarios/${encodeURIComponent(name)}/reset`),
    scenarios: async () => (await call<ScenarioList>('GET', '/__admin/scenarios')).scenarios,

    setClock: (date) => call<ClockState>('PUT', '/__admin/clock', { body: { date } }),
    advanceClock: (by) => call<ClockState>('POST', '/__admin/clock/advance', { body: by }),
    clock: () => call<ClockState>('GET', '/__admin/clock'),
    resetClock: () => call<ClockState>('DELETE', '/__admin/clock'),

    async token(request): Promise<MintedToken> {
      const minted = await call<TokenResponse>('POST', '/__admin/tokens', { body: request });
      const headers: Record<string, string> = { Authorization: `Bearer ${minted.access_token}`, ...scopeHeaders };
      if (minted.altinn_samtykke !== undefined) headers.AltinnSamtykke = minted.altinn_samtykke;
      return { headers, accessToken: minted.access_token, ...(minted.altinn_samtykke !== undefined ? { altinnSamtykke: minted.altinn_samtykke } : {}) };
    },

    payment: (id, body) => call<LedgerActionAnswer<PaymentReceived>>('POST', party(id, 'payments'), { body }),
    payout: (id, body) => call<LedgerActionAnswer<Payout>>('POST', party(id, 'payouts'), { body }),
    claim: (id, body) => call<LedgerActionAnswer<ClaimRaised>>('POST', party(id, 'claims'), { body }),
    event: (id, event) => call<LedgerActionAnswer>('POST', party(id, 'events'), { body: event }),

    addFault: (rule) => call<StoredFaultRule>('POST', '/__admin/faults', { body: rule }),
    faults: () => call<FaultRuleList>('GET', '/__admin/faults'),
    removeFault: (id) => call<void>('DELETE', `/__admin/faults/${encodeURIComponent(id)}`),
    clearFaults: () => call<void>('DELETE', '/__admin/faults'),

    journal: (filter = {}) => call<JournalPage>('GET', '/__admin/journal', { query: filter }),
    clearJournal: () => call<void>('DELETE', '/__admin/journal'),
  };
}

/**
 * Ends a session over the admin API (sent without its X-Kravmock-Session, which would make the
 * session anew): true when it was there, false when it was never used or has expired.
 */
export async function endSession(connection: Connection, id: string): Promise<boolean> {
  try {
    await adminCall<void>(connection, {}, 'DELETE', `/__admin/sessions/${encodeURIComponent(id)}`);
    return true;
  } catch (error) {
    if (error instanceof KravmockAdminError && error.status === 404) return false;
    throw error;
  }
}
