// startKravmock's options, turned into the configuration `kravmock serve` builds: they are written
// as serve's flags and read by readServeConfig, so both check and default them the same way.
import type { AccessMode } from '../access/index.js';
import { readServeConfig, type ServeConfig } from '../cli/serve-command.js';
import { UsageError } from '../cli/io.js';
import type { EmptyResult } from '../http/api-routes.js';
import type { LogLevel } from '../http/request-log.js';
import type { ValidationMode } from '../http/traffic-validation.js';
import type { ScenarioDocument } from '../scenarios/types.js';
import { describeValue, KravmockStartError } from './errors.js';
import type { ScenarioSource } from './types.js';

/** Options of `startKravmock`; everything is optional. KRAVMOCK_* environment variables are not read. */
export interface StartKravmockOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on (default `127.0.0.1`). Off loopback the admin API needs a token, which the handle sends for you. */
  host?: string;
  /** Serve the built-in parties and the scenario library, as `kravmock serve` does (default true). */
  builtin?: boolean;
  /**
   * Scenario files or folders (loaded at start, as `--scenarios`: any problem stops the start with a
   * `ScenarioLoadError`) and scenario documents (loaded through the admin API right after).
   */
  scenarios?: ScenarioSource[];
  /** Freeze "today" at `YYYY-MM-DD`; wins over scenarios' own clocks (`--clock`). */
  clock?: string;
  /** Maskinporten, consent and system-user checks: `off`, `permissive` (default) or `strict` (`--access`). */
  access?: AccessMode;
  /** What a period with nothing to show answers: `KB-007` (default, as the real API) or `empty` (`--empty-result`). */
  emptyResult?: EmptyResult;
  /** Response validation against the contract: `report` (default), `enforce` or `off` (`--validate`). */
  validate?: ValidationMode;
  /** Seed of the fault rules' random streams, 0-4294967295, so a run replays (`--fault-seed`; random by default). */
  faultSeed?: number;
  /** The server log's level (default `silent`; `--log-level`): JSON lines on stdout, readable lines when stdout is a terminal. */
  logLevel?: LogLevel;
}

const OPTION_NAMES = ['port', 'host', 'builtin', 'scenarios', 'clock', 'access', 'emptyResult', 'validate', 'faultSeed', 'logLevel'] as const;
/** serve's flags, named as startKravmock's options in its messages. */
const FLAG_OPTIONS: Record<string, string> = {
  '--port': 'port',
  '--host': 'host',
  '--clock': 'clock',
  '--access': 'access',
  '--empty-result': 'emptyResult',
  '--validate': 'validate',
  '--fault-seed': 'faultSeed',
  '--log-level': 'logLevel',
};

const fail = (message: string) => new KravmockStartError(`startKravmock: ${message}`);

/** serve's configuration for these options, and the scenario documents to load after the start. */
export function serveConfigFor(options: unknown): { config: ServeConfig; documents: ScenarioDocument[] } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw fail(`options must be an object, got ${describeValue(options)}`);
  const given = options as Record<string, unknown>;
  const unknown = Object.keys(given).filter((key) => !(OPTION_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) throw fail(`unknown option ${unknown.map((k) => `'${k}'`).join(', ')}: expected ${OPTION_NAMES.join(', ')}`);
  const { port, host, builtin, scenarios, clock, access, emptyResult, validate, faultSeed, logLevel } = given;

  const argv: string[] = [];
  const flag = (name: string, value: unknown, type: 'number' | 'string') => {
    if (value === undefined) return;
    if (typeof value !== type) throw fail(`option ${FLAG_OPTIONS[name]} must be a ${type}, got ${describeValue(value)}`);
    argv.push(`${name}=${String(value)}`);
  };
  flag('--port', port ?? 0, 'number');
  flag('--host', host, 'string');
  flag('--clock', clock, 'string');
  flag('--access', access, 'string');
  flag('--empty-result', emptyResult, 'string');
  flag('--validate', validate, 'string');
  flag('--fault-seed', faultSeed, 'number');
  flag('--log-level', logLevel ?? 'silent', 'string');
  if (builtin !== undefined && typeof builtin !== 'boolean') throw fail(`option builtin must be true or false, got ${describeValue(builtin)}`);
  if (builtin === false) argv.push('--no-builtin');

  const documents: ScenarioDocument[] = [];
  if (scenarios !== undefined) {
    if (!Array.isArray(scenarios)) throw fail(`option scenarios must be an array of scenario files, folders and documents, got ${describeValue(scenarios)}`);
    scenarios.forEach((source: unknown, i) => {
      if (typeof source === 'string' && source !== '') argv.push(`--scenarios=${source}`);
      else if (typeof source === 'object' && source !== null && !Array.isArray(source)) documents.push(source as ScenarioDocument);
      else throw fail(`option scenarios[${i}] is ${describeValue(source)}: expected a scenario file or folder (a non-empty path) or a scenario document (an object)`);
    });
  }

  try {
    // No environment: a test gets what its options say, whatever KRAVMOCK_* variables the shell has.
    const config = readServeConfig(argv, {});
    return { config, documents };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw fail(error.message.replace(/^--[a-z-]+/, (name) => `option ${FLAG_OPTIONS[name] ?? name}`));
  }
}
