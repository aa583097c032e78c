// createApp builds the whole mock as an Express app without listening, so tests, the CLI and the
// programmatic API all run the same code. createKravmock also hands back the runtime (the sessions
// and their worlds) for the in-process API.
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { createAccess, type AccessOptions } from './access/index.js';
import { adminRoutes } from './admin/admin-routes.js';
import { adminProtection, type AdminOptions } from './admin/protection.js';
import { sessionRoutes } from './admin/session-routes.js';
import { createContract, type Contract } from './contract.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { createBehaviour } from './faults/behaviour.js';
import { serverFaultSeed } from './faults/random.js';
import { AnswerCache, DEFAULT_ANSWER_CACHE_BYTES } from './http/answer-cache.js';
import { API_SEGMENTS, apiRoutes, type EmptyResult } from './http/api-routes.js';
import { correlation } from './http/correlation.js';
import { docsRoutes } from './http/docs-routes.js';
import { errorHandler, unknownRoute } from './http/error-handling.js';
import { HEALTH_SEGMENTS, healthRoutes, Lifecycle, trackInFlight } from './http/health.js';
import { forSegments } from './http/mount.js';
import { urlLimit } from './http/limits.js';
import { requestLog } from './http/request-log.js';
import type { ResponsePipeline } from './http/respond.js';
import { scopeMiddleware } from './http/scope-middleware.js';
import { DEFAULT_VALIDATION_MODE, responseInspector, type ValidationMode } from './http/traffic-validation.js';
import { DEFAULT_JOURNAL_SIZE, Journal } from './journal/journal.js';
import { journalMiddleware, noteResponse } from './journal/record.js';
import { today } from './ledger/dates.js';
import type { IsoDate, PartyLedger } from './ledger/events.js';
import { adHocScenario } from './party-store.js';
import { Sessions, type SessionOptions } from './runtime/sessions.js';
import { createWorld, type ClockSetting } from './runtime/world.js';
import type { LoadedScenario } from './scenarios/types.js';

const ADMIN = '__admin';

/** How `createKravmock` builds the mock: its data, clock, checks and admin API. Every option has a default. */
export interface KravmockOptions {
  /** Loaded scenarios. */
  scenarios?: readonly LoadedScenario[];
  /** Plain ledgers, served as one more scenario named `ad-hoc`. */
  parties?: readonly PartyLedger[];
  /**
   * A fixed date wins over every scenario's own clock. A function (default: the real date) gives
   * "today" for parties whose scenario has no clock of its own.
   */
  clock?: IsoDate | (() => IsoDate);
  /** Period endpoints with nothing to show: 404 KB-007 as the real API (default) or an empty 200. */
  emptyResult?: EmptyResult;
  logger?: Logger;
  /** The compiled contract; compiled from contracts/openapi.yaml when not given. */
  contract?: Contract;
  /**
   * Maskinporten, Altinn consent and system-user checks. Mode `permissive` by default: requests
   * without a token are served with a Warning header; a token that is sent is checked fully.
   */
  access?: AccessOptions;
  /** Time to live and limit of `X-Kravmock-Session` sessions. */
  sessions?: SessionOptions;
  /**
   * Answers kept until their party's ledger or the clock changes: at most `maxBytes` (default 64 MiB,
   * least recently used out first; 0 = every answer computed). Answers are pure functions of the
   * ledger and the date, so the cache changes how fast, never what, kravmock answers.
   */
  answerCache?: { maxBytes?: number };
  /** The request journal: how many entries it keeps (default 1000, oldest dropped; 0 = off). */
  journal?: { size?: number };
  /**
   * Response validation against the contract at run time: `report` (default) records violations in
   * the journal and the log, `enforce` also answers 500 KB-001 listing them, `off` skips it.
   */
  validate?: ValidationMode;
  /**
   * The admin API under /__admin: `enabled: false` removes it (404 KB-003 as any unknown URL); a
   * `token` makes every admin request send `Authorization: Bearer <token>`.
   */
  admin?: AdminOptions;
  /**
   * The server's fault seed (0..4294967295): fault rules without a seed of their own derive theirs
   * from it and their id, so a run replays with the same seed. Random when not given.
   */
  faultSeed?: number;
  /** Longest request target (path and query) served, in bytes (default 8 KiB); longer is 414 KRAVMOCK-414. */
  maxUrlBytes?: number;
}

/** The state behind a running app. */
export interface Runtime {
  sessions: Sessions;
  /** "Today" before any clock setting: the real date, or the clock function given. */
  serverToday: () => IsoDate;
  contract: Contract;
  logger: Logger;
  /** Hooks on the way out of every API response (traffic validation, fault delivery). */
  pipeline: ResponsePipeline;
  /** The bounded request journal (GET /__admin/journal). */
  journal: Journal;
  /** The server's fault seed (`--fault-seed`), shown by GET /__admin/faults. */
  faultSeed: number;
  /** Serving or draining (GET /ready answers 503 while draining; server/cli/shutdown.ts). */
  lifecycle: Lifecycle;
}

/** The mock as an Express app that does not listen yet, and the state behind it. */
export interface Kravmock {
  app: Express;
  runtime: Runtime;
}

/**
 * Builds the whole mock (API, admin API, access checks, journal, faults) as an Express app without
 * listening: mount it in your own server, or use `startKravmock` to listen as `kravmock serve` does.
 */
export function createKravmock(options: KravmockOptions): Kravmock {
  const clockOption = options.clock;
  const serverToday = typeof clockOption === 'function' ? clockOption : today;
  const fixed = typeof clockOption === 'string' ? clockOption : undefined;
  const scenarios = options.parties ? [...(options.scenarios ?? []), adHocScenario(options.parties, fixed ?? serverToday())] : (options.scenarios ?? []);
  const clock: ClockSetting = fixed ? { fixed, offsetDays: 0 } : { offsetDays: 0 };
  const logger = options.logger ?? pino({ level: 'silent' });
  const contract = options.contract ?? createContract();
  const runtime: Runtime = { sessions: new Sessions(createWorld(scenarios, clock), options.sessions), serverToday, contract, logger, pipeline: {}, journal: new Journal(options.journal?.size ?? DEFAULT_JOURNAL_SIZE), faultSeed: serverFaultSeed(options.faultSeed), lifecycle: new Lifecycle() };
  // `Prefer` and fault rules: applied in the API route, socket faults carried out on delivery.
  const behaviour = createBehaviour({ contract });
  runtime.pipeline.deliver = behaviour.deliver;
  // Traffic validation, then a note of the error code and message for the journal.
  const validate = responseInspector({ contract, mode: options.validate ?? DEFAULT_VALIDATION_MODE, logger });
  runtime.pipeline.inspect = (req, res, out) => {
    const final = validate ? validate(req, res, out) : out;
    noteResponse(res, final);
    return final;
  };

  const access = createAccess(options.access ?? {}, logger);

  const app = express();
  app.disable('x-powered-by');
  // No ETag on anything: the real API sends none (nor 304s), and hashing every body costs time.
  app.set('etag', false);
  app.locals.kravmock = runtime;
  app.use(correlation);
  // One log line per request; then kravmock's own documents and probes: no token, no journal entry, no session.
  app.use(requestLog(logger));
  // Before any work: an oversized URL is refused here (server/http/limits.ts has the server's other limits).
  app.use(urlLimit(options.maxUrlBytes));
  app.use(trackInFlight(runtime.lifecycle));
  // Each router behind the first segments of its paths (server/http/mount.ts): a request for /v1/…
  // goes past them without entering them.
  app.use(forSegments(HEALTH_SEGMENTS, healthRoutes(runtime.lifecycle, runtime.sessions)));
  app.use(forSegments(['openapi.yaml', 'openapi.json', 'admin-openapi.yaml', 'docs'], docsRoutes({ admin: options.admin?.enabled !== false })));
  // The dashboard's static page (/__admin/ui/, and / for browsers): no token, no journal entry, no session.
  if (options.admin?.enabled !== false) app.use(forSegments(['', ADMIN], dashboardRoutes()));
  // Before the scope middleware, so requests it refuses (a bad session id, too many sessions) are journaled too.
  app.use(journalMiddleware(runtime.journal));
  // Before every route under /__admin (the access capability's /__admin/tokens and /clients too), and
  // before the scope middleware, so a request without the admin token makes no session.
  app.use(adminProtection(options.admin));
  app.use(scopeMiddleware(runtime.sessions));
  app.use(forSegments(['maskinporten', 'altinn', ADMIN], access.routes));
  app.use(
    forSegments(API_SEGMENTS, apiRoutes({
      contract,
      serverToday,
      emptyResult: options.emptyResult ?? 'KB-007',
      access: access.guard,
      behaviour,
      answerCache: new AnswerCache(options.answerCache?.maxBytes ?? DEFAULT_ANSWER_CACHE_BYTES),
    })),
  );
  app.use(forSegments([ADMIN], adminRoutes(runtime)));
  app.use(forSegments([ADMIN], sessionRoutes(runtime)));
  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return { app, runtime };
}

/** `createKravmock(options).app`: the mock's Express app alone. */
export function createApp(options: KravmockOptions): Express {
  return createKravmock(options).app;
}
