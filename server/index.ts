/**
 * kravmock's package entry (`import … from 'kravmock'`): {@link startKravmock} for vendors' test
 * suites, {@link createKravmock} for mounting the mock's Express app yourself, the API contract's
 * types (`AapneKrav`, `Krav`, `Innbetalinger`, `Utbetalinger`, `Feil` … from
 * contracts/openapi.yaml), the admin contract's types (`Scenario`, `ClockState`, `JournalPage` …
 * from contracts/admin-openapi.yaml) and the scenario document's type. The Pact kit is
 * `kravmock/pact`.
 * @module
 */
export * from './programmatic.js';
export { createApp, createKravmock, type Kravmock, type KravmockOptions, type Runtime } from './app.js';
export { ScenarioLoadError, formatProblem, type ScenarioDocument, type ScenarioProblem } from './scenarios/types.js';
export type { PartyLedger, IsoDate, Reskontro } from './ledger/events.js';

// The API contract (contracts/openapi.yaml): every schema by name, and `paths`, `components`,
// `operations` as openapi-typescript generates them.
export type * from './generated/contract.js';

// The admin contract (contracts/admin-openapi.yaml): the bodies and answers of /__admin. Its
// `paths` and `operations` are exported as AdminPaths and AdminOperations.
export type {
  AdminError,
  ClaimRequest,
  ClockAdvanceRequest,
  ClockSetRequest,
  ClockState,
  FaultFailure,
  FaultLatency,
  FaultRuleFields,
  FaultRuleList,
  FaultRuleState,
  JournalAccessDecision,
  JournalEntry,
  JournalHeaders,
  JournalPage,
  JournalViolation,
  LedgerActionResult,
  PaymentPlacement,
  PaymentRequest,
  PayoutRequest,
  ResetResult,
  Scenario,
  ScenarioList,
  ScenarioParty,
  SessionList,
  SessionSummary,
  TokenRequest,
  TokenResponse,
  components as AdminComponents,
  operations as AdminOperations,
  paths as AdminPaths,
} from './generated/admin-contract.js';
