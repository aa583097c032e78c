// `kravmock serve`: load the built-in data, the scenario library and the user's scenarios, then
// listen. A scenario file that does not load stops the start with every problem listed.
import type { Server } from 'node:http';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { ACCESS_MODES, type AccessMode } from '../access/index.js';
import { adminTokenProblem, generateAdminToken, isLoopbackHost } from '../admin/protection.js';
import { createApp } from '../app.js';
import { MAX_SEED, serverFaultSeed } from '../faults/random.js';
import type { EmptyResult } from '../http/api-routes.js';
import { VALIDATION_MODES, type ValidationMode } from '../http/traffic-validation.js';
import { MAX_JOURNAL_SIZE } from '../journal/journal.js';
import { isIsoDate, today } from '../ledger/dates.js';
import { packageRoot } from '../paths.js';
import { loadScenarioFiles } from '../scenarios/load.js';
import { ScenarioLoadError, type LoadedScenario } from '../scenarios/types.js';
import { UsageError, type CommandIo } from './io.js';

export const libraryDir = join(packageRoot, 'scenarios');

export const SERVE_USAGE = `Usage: kravmock serve [options]

Options (each also settable by its environment variable):
  --port <n>             KRAVMOCK_PORT          port to listen on (default 8080; 0 = any free port)
  --host <address>       KRAVMOCK_HOST          address to listen on (default 127.0.0.1)
  --clock <YYYY-MM-DD>   KRAVMOCK_CLOCK         freeze "today"; wins over scenarios' own clocks
  --scenarios <path>     KRAVMOCK_SCENARIOS     scenario file or folder to load (repeatable; the
                                                variable takes a '${delimiter}'-separated list)
  --no-builtin           KRAVMOCK_NO_BUILTIN=1  serve only the scenarios given, without the built-in
                                                parties and the scenario library
  --empty-result <mode>  KRAVMOCK_EMPTY_RESULT  KB-007 (default) or empty: what an empty period answers
  --access <mode>        KRAVMOCK_ACCESS        off, permissive (default) or strict: Maskinporten token,
                                                consent and system-user checks (see README, Access)
  --fair-use-limit <n>   KRAVMOCK_FAIR_USE_LIMIT  concurrent calls per organisation before 429 in
                                                strict mode (default 5; 0 = unlimited)
  --journal-size <n>     KRAVMOCK_JOURNAL_SIZE  requests the journal keeps, oldest dropped (default
                                                1000; 0 = no journal; at most 100000)
  --validate <mode>      KRAVMOCK_VALIDATE      report (default), enforce or off: check every response
                                                against contracts/openapi.yaml (see README)
  --fault-seed <n>       KRAVMOCK_FAULT_SEED    seed of the fault rules' random streams, 0-4294967295
                                                (default: random, logged at start; reuse it to replay)
  --session-ttl <s>      KRAVMOCK_SESSION_TTL   seconds an idle X-Kravmock-Session lives (default 1800)
  --max-sessions <n>     KRAVMOCK_MAX_SESSIONS  most sessions alive at once (default 10000)
  --admin-token <t>      KRAVMOCK_ADMIN_TOKEN   require Authorization: Bearer <t> on /__admin (off
                                                loopback a token is generated and printed when not set)
  --no-admin             KRAVMOCK_NO_ADMIN=1    no admin API at all: /__admin answers 404 KB-003`;

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
  validate: ValidationMode;
  /** The fault seed; runServe picks (and logs) a random one when not given. */
  faultSeed?: number;
  sessionTtlSeconds: number;
  maxSessions: number;
  /** false: no admin API (--no-admin). */
  admin: boolean;
  /** The configured admin token (runServe generates one off loopback when there is none). */
  adminToken?: string;
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
        validate: { type: 'string' },
        'fault-seed': { type: 'string' },
        'session-ttl': { type: 'string' },
        'max-sessions': { type: 'string' },
        'admin-token': { type: 'string' },
        'no-admin': { type: 'boolean' },
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
    validate: validate as ValidationMode,
    sessionTtlSeconds: Number(ttlText),
    maxSessions: Number(maxSessionsText),
    admin,
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
  close(): Promise<void>;
}

export async function runServe(argv: string[], io: CommandIo, logger: Logger = pino()): Promise<RunningServer | number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(SERVE_USAGE);
    return 0;
  }
  const config = readServeConfig(argv, io.env);
  let scenarios: LoadedScenario[];
  try {
    scenarios = loadServeScenarios(config, today());
  } catch (error) {
    if (error instanceof ScenarioLoadError) {
      for (const line of error.message.split('\n')) io.err(line);
      return 1;
    }
    throw error;
  }
  // Off loopback the admin API never runs open: without a configured token, one is made here.
  const generatedToken = config.admin && config.adminToken === undefined && !isLoopbackHost(config.host) ? generateAdminToken() : undefined;
  const adminToken = config.adminToken ?? generatedToken;
  const faultSeed = serverFaultSeed(config.faultSeed);
  const app = createApp({
    scenarios,
    clock: config.fixedClock ?? today,
    emptyResult: config.emptyResult,
    logger,
    access: { mode: config.access, fairUseLimit: config.fairUseLimit },
    journal: { size: config.journalSize },
    validate: config.validate,
    sessions: { ttlMs: config.sessionTtlSeconds * 1000, maxSessions: config.maxSessions },
    admin: { enabled: config.admin, ...(adminToken !== undefined ? { token: adminToken } : {}) },
    faultSeed,
  });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (error) => reject(new UsageError(`cannot listen on ${config.host}:${config.port}: ${error.message}`)));
  });
  const address = server.address();
  const url = `http://${config.host}:${typeof address === 'object' && address ? address.port : config.port}`;
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
  if (generatedToken !== undefined) {
    io.err(`admin API token: ${generatedToken}  (send Authorization: Bearer <token>; kravmock listens on ${config.host}, beyond loopback)`);
  }
  return { server, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
