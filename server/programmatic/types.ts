// The types of startKravmock's handle. Bodies and answers come from the admin contract
// (server/generated/admin-contract.ts, generated from contracts/admin-openapi.yaml); where the
// contract leaves a shape to contracts/scenario.schema.json (scenario documents, ledger events) the
// server's own scenario types are used.
import type {
  ClaimRequest,
  ClockAdvanceRequest,
  ClockState,
  FaultFailure,
  FaultLatency,
  FaultRuleFields,
  FaultRuleList,
  FaultRuleState,
  JournalPage,
  LedgerActionResult,
  PaymentRequest,
  PayoutRequest,
  ResetResult,
  Scenario,
  TokenRequest,
  operations,
} from '../generated/admin-contract.js';
import type { ClaimRaised, LedgerEvent, PaymentReceived, Payout } from '../ledger/events.js';
import type { ScenarioDocument } from '../scenarios/types.js';

/** A ledger event exactly as in a scenario file (`contracts/scenario.schema.json`, `$defs/Event`); dates may be relative (`today`, `-3d`). */
export type ScenarioEvent = LedgerEvent;

/** What `loadScenarios` and the `scenarios` option take: a scenario file or folder (a path), or a scenario document. */
export type ScenarioSource = string | ScenarioDocument;

/** Options of `loadScenarios`, given last. */
export interface LoadScenariosOptions {
  /** Replace loaded scenarios of the same names instead of refusing them (409 `scenario-clash`). Default false. */
  replace?: boolean;
}

/** Exactly one of the keys of T. */
type ExactlyOne<T> = { [K in keyof T]-?: Required<Pick<T, K>> & { [O in Exclude<keyof T, K>]?: never } }[keyof T];

/** How far `advanceClock` moves: exactly one of `days`, `weeks` or `months`, a whole number other than 0 (negative moves back). */
export type ClockAdvance = ExactlyOne<ClockAdvanceRequest>;

/** A new fault rule: the contract's fault rule fields, with at least one of `latency` and `failure`. */
export type FaultRuleSpec = FaultRuleFields & ({ latency: FaultLatency; failure?: FaultFailure } | { latency?: FaultLatency; failure: FaultFailure });

/** A fault rule as stored: id, probability and seed filled in. */
export type StoredFaultRule = Omit<FaultRuleState, 'matched' | 'fired'>;

/** Filters of `journal()`: the query parameters of `GET /__admin/journal`. */
export type JournalFilter = NonNullable<operations['readJournal']['parameters']['query']>;

/** What a ledger action answers: the event as stored (ids and dates filled in) and, for a payment, where it went. */
export type LedgerActionAnswer<E extends ScenarioEvent = ScenarioEvent> = Omit<LedgerActionResult, 'event'> & { event: E };

export type { ClaimRaised, PaymentReceived, Payout };

/** What `token()` mints: the contract's token request (`org`, `pakke`, `party`, `consent`, `validDays`, `scope`). */
export type TokenOptions = TokenRequest;

/** A minted token, ready to send. */
export interface MintedToken {
  /**
   * Every header an API call needs: `Authorization: Bearer …`, `AltinnSamtykke` when the consent
   * is a separate token (finans, `consent: 'header'`), and on a session's token its
   * `X-Kravmock-Session`.
   */
  headers: Record<string, string>;
  /** The Maskinporten access token. */
  accessToken: string;
  /** The Altinn consent token, when there is one. */
  altinnSamtykke?: string;
}

/**
 * Control of one scope of a running mock — the shared state (the handle itself) or one
 * `X-Kravmock-Session` (from `session()`). Every method is one call of the mock's admin API over
 * HTTP (`/__admin/…`, see contracts/admin-openapi.yaml), made in this scope, and throws
 * {@link KravmockAdminError} when the admin API refuses it.
 */
export interface KravmockClient {
  /** The mock's base URL, e.g. `http://127.0.0.1:41234`: call `${url}/v1/…` as the real API. */
  readonly url: string;
  /** Headers that put a request in this scope: `{}` for the shared state, `{ 'X-Kravmock-Session': id }` for a session. */
  readonly headers: Readonly<Record<string, string>>;

  /** Puts the scope back to its baseline: every ledger as loaded, the clock and fault rules it started with (`POST /__admin/reset`). */
  reset(): Promise<ResetResult>;
  /**
   * Loads scenario files, folders and documents into the scope (and its baseline, so `reset()` keeps
   * them). Paths given next to each other go in one request, all or nothing
   * (`POST /__admin/scenarios/files`); each document is one request (`POST /__admin/scenarios`), in
   * order, so when one is refused those before it stay loaded. Pass `{ replace: true }` last to
   * replace scenarios of the same names. Answers the loaded scenarios in load order.
   */
  loadScenarios(...sources: ScenarioSource[] | [...ScenarioSource[], LoadScenariosOptions]): Promise<Scenario[]>;
  /** Removes a scenario and its parties from the scope and its baseline (`DELETE /__admin/scenarios/{name}`). */
  deleteScenario(name: string): Promise<void>;
  /** Puts one scenario's parties back as loaded (`POST /__admin/scenarios/{name}/reset`). */
  resetScenario(name: string): Promise<Scenario>;
  /** The loaded scenarios, their parties and the date they are answered at (`GET /__admin/scenarios`). */
  scenarios(): Promise<Scenario[]>;

  /** Fixes "today": `YYYY-MM-DD`, or relative to the current today (`today`, `+30d`, `-2w`, `-1m`, `+1y`) (`PUT /__admin/clock`). */
  setClock(date: string): Promise<ClockState>;
  /** Moves every party's clock by days, weeks or months (`POST /__admin/clock/advance`): claims fall due, interest grows. */
  advanceClock(by: ClockAdvance): Promise<ClockState>;
  /** The scope's clock (`GET /__admin/clock`). */
  clock(): Promise<ClockState>;
  /** Back to the clock setting the scope started with (`DELETE /__admin/clock`). */
  resetClock(): Promise<ClockState>;

  /** Mints a ready access token (and consent) for `org` reading `party` with `pakke` (`POST /__admin/tokens`). */
  token(request: TokenOptions): Promise<MintedToken>;

  /** A payment arrives for `party`: placed by KID, or unplaced without one (`POST /__admin/parties/{party}/payments`). */
  payment(party: string, body: PaymentRequest): Promise<LedgerActionAnswer<PaymentReceived>>;
  /** A payout is made to `party` (`POST /__admin/parties/{party}/payouts`). */
  payout(party: string, body: PayoutRequest): Promise<LedgerActionAnswer<Payout>>;
  /** A new claim is raised for `party`; ids and KIDs are generated when left out (`POST /__admin/parties/{party}/claims`). */
  claim(party: string, body: ClaimRequest): Promise<LedgerActionAnswer<ClaimRaised>>;
  /** Any ledger event, exactly as in a scenario file (`POST /__admin/parties/{party}/events`). */
  event(party: string, event: ScenarioEvent): Promise<LedgerActionAnswer>;

  /** Adds a fault rule (latency and/or a failure) for the scope's API requests (`POST /__admin/faults`). */
  addFault(rule: FaultRuleSpec): Promise<StoredFaultRule>;
  /** The scope's fault rules with their counters, and the server's fault seed (`GET /__admin/faults`). */
  faults(): Promise<FaultRuleList>;
  /** Removes one fault rule (`DELETE /__admin/faults/{id}`). */
  removeFault(id: string): Promise<void>;
  /** Removes every fault rule of the scope (`DELETE /__admin/faults`). */
  clearFaults(): Promise<void>;

  /** The scope's request journal, newest first, filtered (`GET /__admin/journal`). */
  journal(filter?: JournalFilter): Promise<JournalPage>;
  /** Clears the scope's journal entries (`DELETE /__admin/journal`). */
  clearJournal(): Promise<void>;
}

/** One `X-Kravmock-Session`: a private copy of the data, isolated from the shared state and other sessions. */
export interface KravmockSession extends KravmockClient {
  /** The session id, sent as `X-Kravmock-Session`. */
  readonly id: string;
  /** Ends the session and drops what it changed (`DELETE /__admin/sessions/{id}`); false when it was never used or has expired. */
  end(): Promise<boolean>;
}

/** A running mock, controlling its shared state. */
export interface KravmockHandle extends KravmockClient {
  /** The port it listens on. */
  readonly port: number;
  /**
   * A client bound to `X-Kravmock-Session: id` (a fresh id when none is given): give each test file
   * its own session and parallel files do not see each other's changes. Send `session.headers` (or a
   * session's `token().headers`) on your own API calls.
   */
  session(id?: string): KravmockSession;
  /** Stops the mock: no new connections, requests in flight are answered; resolves when it is closed. Calling it again resolves too. */
  close(): Promise<void>;
}
