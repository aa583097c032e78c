// `kravmock serve`: load the built-in data, the scenario library and the user's scenarios, then
// listen. A scenario file that does not load stops the start with every problem listed.
import type { Server } from 'node:http';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { ACCESS_MODES, type AccessMode } from '../access/index.js';
import { adminTokenProblem, generateAdminToken, isLoopbackHost } from '../admin/protection.js';
import { createKravmock } from '../app.js';
import { MAX_SEED, serverFaultSeed } from '../faults/random.js';
import type { EmptyResult } from '../http/api-routes.js';
import { createLimitedServer, resolveLimits, type ServerLimits } from '../http/limits.js';
import { createLogger, LOG_LEVELS, type LogFormat, type LogLevel } from '../http/request-log.js';
import { VALIDATION_MODES, type ValidationMode } from '../http/traffic-validation.js';
import { MAX_JOURNAL_SIZE } from '../journal/journal.js';

const MAX_ANSWER_CACHE_MIB = 4096;
import { isIsoDate, today } from '../ledger/dates.js';
import { packageRoot } from '../paths.js';
import { loadScenarioFiles } from '../scenarios/load.js';
import { ScenarioLoadError, type LoadedScenario } from '../scenarios/types.js';
import { formatEnvOptions, type EnvOption } from './help.js';
import { UsageError, type CommandIo } from './io.js';
import { DRAIN_TIMEOUT_MS, MAX_DRAIN_TIMEOUT_MS, Shutdown } from './shutdown.js';

export const libraryDir = join(packageRoot, 'scenarios');

/** Every option of `kravmock serve`, with its variable: the usage text and the README table come from here. */
export const SERVE_OPTIONS: readonly EnvOption[] = [
  { flag: '--port', arg: '<n>', env: 'KRAVMOCK_PORT', default: '8080', meaning: 'port to listen on (0 = any free port)' },
  { flag: '--host', arg: '<address>', env: 'KRAVMOCK_HOST', default: '127.0.0.1', meaning: 'address to listen on (0.0.0.0 in Docker)' },
  { flag: '--clock', arg: '<YYYY-MM-DD>', env: 'KRAVMOCK_CLOCK', default: 'today', meaning: 'freeze "today"; wins over scenarios\' own clocks' },
  {
    flag: '--scenarios',
    arg: '<path>',
    env: 'KRAVMOCK_SCENARIOS',
    default: 'none',
    meaning: `scenario file or folder to load (repeatable; the variable takes a '${delimiter}'-separated list)`,
  },
  { flag: '--no-builtin', env: 'KRAVMOCK_NO_BUILTIN', default: 'off', meaning: 'serve only the scenarios given, without the built-in parties and the scenario library' },
  { flag: '--empty-result', arg: '<mode>', env: 'KRAVMOCK_EMPTY_RESULT', default: 'KB-007', meaning: 'KB-007 or empty: what a period with nothing in it answers' },
  { flag: '--access', arg: '<mode>', env: 'KRAVMOCK_ACCESS', default: 'permissive', meaning: 'off, permissive or strict: Maskinporten token, consent and system-user checks' },
  { flag: '--fair-use-limit', arg: '<n>', env: 'KRAVMOCK_FAIR_USE_LIMIT', default: '5', meaning: 'concurrent calls per organisation before 429 in strict mode (0 = unlimited)' },
  { flag: '--journal-size', arg: '<n>', env: 'KRAVMOCK_JOURNAL_SIZE', default: '1000', meaning: 'requests the journal keeps, oldest dropped (0 = no journal; at most 100000)' },
  {
    flag: '--answer-cache',
    arg: '<MiB>',
    env: 'KRAVMOCK_ANSWER_CACHE',
    default: '64',
    meaning: 'memory for answers kept until their ledger or the clock changes (0 = compute every answer; at most 4096)',
  },
  { flag: '--validate', arg: '<mode>', env: 'KRAVMOCK_VALIDATE', default: 'report', meaning: 'report, enforce or off: check every response against contracts/openapi.yaml' },
  { flag: '--fault-seed', arg: '<n>', env: 'KRAVMOCK_FAULT_SEED', default: 'random', meaning: "seed of the fault rules' random streams, 0-4294967295 (logged at start; reuse it to replay)" },
  { flag: '--session-ttl', arg: '<s>', env: 'KRAVMOCK_SESSION_TTL', default: '1800', meaning: 'seconds an idle X-Kravmock-Session lives' },
  { flag: '--max-sessions', arg: '<n>', env: 'KRAVMOCK_MAX_SESSIONS', default: '10000', meaning: 'most sessions alive at once' },
  {
    flag: '--admin-token',
    arg: '<t>',
    env: 'KRAVMOCK_ADMIN_TOKEN',
    default: 'none',
    meaning: 'require Authorization: Bearer <t> on /__admin (off loopback one is generated and printed when not set)',
  },
  { flag: '--no-admin', env: 'KRAVMOCK_NO_ADMIN', default: 'off', meaning: 'no admin API at all: /__admin answers 404 KB-003' },
  { flag: '--log-level', arg: '<level>', env: 'KRAVMOCK_LOG_LEVEL', default: 'info', meaning: `${LOG_LEVELS.join(', ')}: debug adds a line per admin, health and docs request` },
  { flag: '--log-format', arg: '<format>', env: 'KRAVMOCK_LOG_FORMAT', default: 'auto', meaning: 'json, pretty (one readable line per entry) or auto: pretty when stdout is a terminal' },
  {
    flag: '--drain-timeout',
    arg: '<ms>',
    env: 'KRAVMOCK_DRAIN_TIMEOUT',
    default: String(DRAIN_TIMEOUT_MS),
    meaning: `on SIGTERM/SIGINT, how long in-flight requests may finish before their connections are cut (0-${MAX_DRAIN_TIMEOUT_MS})`,
  },
];

export const SERVE_USAGE = `Usage: kravmock serve [options]

Serves the Krav og betalinger API, the admin API (/__admin), /health, /ready, the contracts
(/openapi.yaml) and their Swagger UI (/docs), from the built-in parties, the scenario library and
the scenarios given. SIGTERM or SIGINT drains in-flight requests and exits 0.

Options (each also settable by its environment variable; a flag wins over its variable):
${formatEnvOptions(SERVE_OPTIONS)}
  --help, -h             this text`;

export interface ServeConfig {
  port: number;
  host: string;
  fixedClock?: string;
  scenarioPaths: string[];
  builtin: boolean;
  emptyResult: EmptyResult;
  access: AccessMode;
  fairUseLimit: number;
  journalSize: number;
  /** MiB of answers kept (server/http/answer-cache.ts); 0 = none. */
  answerCacheMib: number;
  validate: ValidationMode;
  /** The fault seed; runServe picks (and logs) a random one when not given. */
  faultSeed?: number;
  sessionTtlSeconds: number;
  maxSessions: number;
  /** false: no admin API (--no-admin). */
  admin: boolean;
  /** The configured admin token (runServe generates one off loopback when there is none). */
  adminToken?: string;
  logLevel: LogLevel;
  /** `auto`: pretty when stdout is a terminal, else JSON. */
  logFormat: LogFormat | 'auto';
  /** How long a drain waits for in-flight requests before cutting their connections. */
  drainTimeoutMs: number;
  /** URL and header sizes and timeouts on top of DEFAULT_LIMITS (server/http/limits.ts); no flag sets them. */
  limits?: Partial<ServerLimits>;
}

/** Flags first, then KRAVMOCK_* variables, then defaults. Throws UsageError naming what was wrong. */
export function readServeConfig(argv: string[], env: NodeJS.ProcessEnv): ServeConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        clock: { type: 'string' },
        scenarios: { type: 'string', multiple: true },
        'no-builtin': { type: 'boolean' },
        'empty-result': { type: 'string' },
        access: { type: 'string' },
        'fair-use-limit': { type: 'string' },
        'journal-size': { type: 'string' },
        'answer-cache': { type: 'string' },
        validate: { type: 'string' },
        'fault-seed': { type: 'string' },
        'session-ttl': { type: 'string' },
        'max-sessions': { type: 'string' },
        'admin-token': { type: 'string' },
        'no-admin': { type: 'boolean' },
        'log-level': { type: 'string' },
        'log-format': { type: 'string' },
        'drain-timeout': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See kravmock serve --help`);
  }
  const portText = values.port ?? env.KRAVMOCK_PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got '${portText}'`);
  const fixedClock = values.clock ?? env.KRAVMOCK_CLOCK;
  if (fixedClock !== undefined && !isIsoDate(fixedClock)) throw new UsageError(`--clock must be a calendar date YYYY-MM-DD, got '${fixedClock}'`);
  const emptyResult = values['empty-result'] ?? env.KRAVMOCK_EMPTY_RESULT ?? 'KB-007';
  if (emptyResult !== 'KB-007' && emptyResult !== 'empty') throw new UsageError(`--empty-result must be KB-007 or empty, got '${emptyResult}'`);
  const access = values.access ?? env.KRAVMOCK_ACCESS ?? 'permissive';
  if (!(ACCESS_MODES as readonly string[]).includes(access)) throw new UsageError(`--access must be off, permissive or strict, got '${access}'`);
  const fairUseText = values['fair-use-limit'] ?? env.KRAVMOCK_FAIR_USE_LIMIT ?? '5';
  if (!/^\d+$/.test(fairUseText)) throw new UsageError(`--fair-use-limit must be a whole number (0 = unlimited), got '${fairUseText}'`);
  const journalText = values['journal-size'] ?? env.KRAVMOCK_JOURNAL_SIZE ?? '1000';
  if (!/^\d{1,9}$/.test(journalText) || Number(journalText) > MAX_JOURNAL_SIZE) {
    throw new UsageError(`--journal-size must be a whole number from 0 (no journal) to ${MAX_JOURNAL_SIZE}, got '${journalText}'`);
  }
  const cacheText = values['answer-cache'] ?? env.KRAVMOCK_ANSWER_CACHE ?? '64';
  if (!/^\d{1,4}$/.test(cacheText) || Number(cacheText) > MAX_ANSWER_CACHE_MIB) {
    throw new UsageError(`--answer-cache must be a whole number of MiB from 0 (no cache) to ${MAX_ANSWER_CACHE_MIB}, got '${cacheText}'`);
  }
  const validate = values.validate ?? env.KRAVMOCK_VALIDATE ?? 'report';
  if (!(VALIDATION_MODES as readonly string[]).includes(validate)) throw new UsageError(`--validate must be report, enforce or off, got '${validate}'`);
  const faultSeedText = values['fault-seed'] ?? env.KRAVMOCK_FAULT_SEED;
  if (faultSeedText !== undefined && !(/^\d{1,10}$/.test(faultSeedText) && Number(faultSeedText) <= MAX_SEED)) {
    throw new UsageError(`--fault-seed must be a whole number from 0 to ${MAX_SEED}, got '${faultSeedText}'`);
  }
  const ttlText = values['session-ttl'] ?? env.KRAVMOCK_SESSION_TTL ?? '1800';
  if (!/^\d+$/.test(ttlText) || Number(ttlText) < 1) throw new UsageError(`--session-ttl must be a whole number of seconds, at least 1, got '${ttlText}'`);
  const maxSessionsText = values['max-sessions'] ?? env.KRAVMOCK_MAX_SESSIONS ?? '10000';
  if (!/^\d+$/.test(maxSessionsText) || Number(maxSessionsText) < 1) throw new UsageError(`--max-sessions must be a whole number, at least 1, got '${maxSessionsText}'`);
  const admin = !(values['no-admin'] ?? ['1', 'true'].includes(env.KRAVMOCK_NO_ADMIN ?? ''));
  const adminToken = values['admin-token'] ?? env.KRAVMOCK_ADMIN_TOKEN;
  if (adminToken !== undefined) {
    const problem = adminTokenProblem(adminToken);
    if (problem) throw new UsageError(`--admin-token ${problem}`);
    if (!admin) throw new UsageError('--admin-token and --no-admin exclude each other: a token protects the admin API, --no-admin removes it');
  }
  const logLevel = values['log-level'] ?? env.KRAVMOCK_LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  const logFormat = values['log-format'] ?? env.KRAVMOCK_LOG_FORMAT ?? 'auto';
  if (!['json', 'pretty', 'auto'].includes(logFormat)) throw new UsageError(`--log-format must be json, pretty or auto, got '${logFormat}'`);
  const drainText = values['drain-timeout'] ?? env.KRAVMOCK_DRAIN_TIMEOUT ?? String(DRAIN_TIMEOUT_MS);
  if (!/^\d{1,6}$/.test(drainText) || Number(drainText) > MAX_DRAIN_TIMEOUT_MS) {
    throw new UsageError(`--drain-timeout must be a whole number of milliseconds from 0 to ${MAX_DRAIN_TIMEOUT_MS}, got '${drainText}'`);
  }
  const scenarioPaths = values.scenarios ?? (env.KRAVMOCK_SCENARIOS ? env.KRAVMOCK_SCENARIOS.split(delimiter).filter(Boolean) : []);
  const config: ServeConfig = {
    port,
    host: values.host ?? env.KRAVMOCK_HOST ?? '127.0.0.1',
    scenarioPaths,
    builtin: !(values['no-builtin'] ?? ['1', 'true'].includes(env.KRAVMOCK_NO_BUILTIN ?? '')),
    emptyResult,
    access: access as AccessMode,
    fairUseLimit: Number(fairUseText),
    journalSize: Number(journalText),
    answerCacheMib: Number(cacheText),
    validate: validate as ValidationMode,
    sessionTtlSeconds: Number(ttlText),
    maxSessions: Number(maxSessionsText),
    admin,
    logLevel: logLevel as LogLevel,
    logFormat: logFormat as LogFormat | 'auto',
    drainTimeoutMs: Number(drainText),
  };
  if (fixedClock !== undefined) config.fixedClock = fixedClock;
  if (faultSeedText !== undefined) config.faultSeed = Number(faultSeedText);
  if (adminToken !== undefined) config.adminToken = adminToken;
  return config;
}

/** Everything the server will answer from, or a ScenarioLoadError listing every problem. */
export function loadServeScenarios(config: ServeConfig, startDate: string): LoadedScenario[] {
  const builtin = config.builtin ? [builtinScenario(config.fixedClock ?? startDate)] : [];
  const paths = [...(config.builtin ? [libraryDir] : []), ...config.scenarioPaths];
  const options = { defaultClock: startDate, existing: builtin, ...(config.fixedClock ? { fixedClock: config.fixedClock } : {}) };
  return [...builtin, ...(paths.length > 0 ? loadScenarioFiles(paths, options) : [])];
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Drains (readiness 503, no new connections, in-flight requests finish or are cut at the deadline). */
  close(): Promise<void>;
  /** The drain behind close(), for the signal handlers (server/cli/shutdown.ts). */
  shutdown: Shutdown;
  logger: Logger;
}

/** A server `startServe` started: what runServe and startKravmock need to know about it. */
export interface StartedServer extends RunningServer {
  /** The admin token the server requires (configured or generated), if any. */
  adminToken?: string;
  /** A token generated because the server listens beyond loopback without a configured one. */
  generatedAdminToken?: string;
  /** The server's fault seed (the configured one, or the random one chosen and logged). */
  faultSeed: number;
  /** What the server answers from at start. */
  scenarios: LoadedScenario[];
}

/**
 * The one start path of `kravmock serve` and `startKravmock`: loads what `config` names, builds the
 * app and listens. Throws ScenarioLoadError (every problem of the scenario files) or UsageError
 * (cannot listen).
 */
export async function startServe(config: ServeConfig, logger: Logger): Promise<StartedServer> {
  const scenarios = loadServeScenarios(config, today());
  // Off loopback the admin API never runs open: without a configured token, one is made here.
  const generatedToken = config.admin && config.adminToken === undefined && !isLoopbackHost(config.host) ? generateAdminToken() : undefined;
  const adminToken = config.adminToken ?? generatedToken;
  const faultSeed = serverFaultSeed(config.faultSeed);
  const limits = resolveLimits(config.limits);
  const { app, runtime } = createKravmock({
    scenarios,
    clock: config.fixedClock ?? today,
    emptyResult: config.emptyResult,
    logger,
    access: { mode: config.access, fairUseLimit: config.fairUseLimit },
    journal: { size: config.journalSize },
    answerCache: { maxBytes: config.answerCacheMib * 1024 * 1024 },
    validate: config.validate,
    sessions: { ttlMs: config.sessionTtlSeconds * 1000, maxSessions: config.maxSessions },
    admin: { enabled: config.admin, ...(adminToken !== undefined ? { token: adminToken } : {}) },
    faultSeed,
    maxUrlBytes: limits.maxUrlBytes,
  });
  const server = createLimitedServer(app, limits).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error) => reject(new UsageError(`cannot listen on ${config.host}:${config.port}: ${error.message}`)));
  });
  const address = server.address();
  const hostInUrl = config.host.includes(':') ? `[${config.host}]` : config.host; // IPv6, e.g. [::1]
  const url = `http://${hostInUrl}:${typeof address === 'object' && address ? address.port : config.port}`;
  logger.info(
    {
      url,
      clock: config.fixedClock ?? 'today',
      access: config.access,
      validate: config.validate,
      journalSize: config.journalSize,
      scenarios: scenarios.map((s) => s.name),
      parties: scenarios.reduce((n, s) => n + s.parties.length, 0),
      faultSeed,
      admin: !config.admin ? 'off' : adminToken !== undefined ? 'token required' : 'open (loopback only)',
      ...(generatedToken !== undefined ? { adminToken: generatedToken } : {}),
    },
    'kravmock listening',
  );
  const shutdown = new Shutdown(server, runtime.lifecycle, logger, config.drainTimeoutMs);
  return {
    server,
    url,
    close: () => shutdown.drain().then(() => undefined),
    shutdown,
    logger,
    faultSeed,
    scenarios,
    ...(adminToken !== undefined ? { adminToken } : {}),
    ...(generatedToken !== undefined ? { generatedAdminToken: generatedToken } : {}),
  };
}

/** The logger the serve options ask for; `auto` is pretty when stdout is a terminal. */
export function serveLogger(config: ServeConfig): Promise<Logger> {
  const format = config.logFormat === 'auto' ? (process.stdout.isTTY ? 'pretty' : 'json') : config.logFormat;
  return createLogger({ level: config.logLevel, format });
}

/** `kravmock serve`; a logger given here wins over --log-level and --log-format (tests capture the log). */
export async function runServe(argv: string[], io: CommandIo, givenLogger?: Logger): Promise<RunningServer | number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(SERVE_USAGE);
    return 0;
  }
  const config = readServeConfig(argv, io.env);
  const logger = givenLogger ?? (await serveLogger(config));
  let started: StartedServer;
  try {
    started = await startServe(config, logger);
  } catch (error) {
    if (error instanceof ScenarioLoadError) {
      for (const line of error.message.split('\n')) io.err(line);
      return 1;
    }
    throw error;
  }
  if (started.generatedAdminToken !== undefined) {
    io.err(`admin API token: ${started.generatedAdminToken}  (send Authorization: Bearer <token>; kravmock listens on ${config.host}, beyond loopback)`);
  }
  return { server: started.server, url: started.url, close: started.close, shutdown: started.shutdown, logger };
}
