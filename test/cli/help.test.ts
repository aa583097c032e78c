// The CLI's help and configuration cannot drift: the README's Configuration table, the usage texts
// and the option parser name the same options, variables and defaults; every serve option is read
// from its variable exactly as from its flag; every command answers --help alike.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, MAIN_USAGE, parseEnvOptions } from '../../server/cli/help.js';
import type { CommandIo } from '../../server/cli/io.js';
import { readServeConfig, runServe, SERVE_OPTIONS, SERVE_USAGE, type ServeConfig } from '../../server/cli/serve-command.js';
import { runToken, TOKEN_USAGE } from '../../server/cli/token-command.js';
import { runVerify, VERIFY_USAGE } from '../../server/cli/verify-command.js';
import { runGenerate } from '../../server/generator/generate-command.js';
import { runValidate } from '../../server/scenarios/validate-command.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Row {
  command: string;
  option: string;
  env: string;
  default: string;
  meaning: string;
}

/** The rows of the one table under `## Configuration`: `--port <n>` is serve's, `token --url <url>` token's. */
function configurationTable(): Row[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration\n'));
  if (!section) throw new Error('README has no ## Configuration section');
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  const [header, rule, ...body] = rows;
  expect(header).toBe('| Option | Environment | Default | Meaning |');
  expect(rule).toBe('|---|---|---|---|');
  const bare = (cell: string) => cell.trim().replace(/`/g, '');
  return body.map((line) => {
    const cells = line.slice(2, -2).split(' | ');
    expect(cells, line).toHaveLength(4);
    const [option, env, fallback, meaning] = cells.map(bare) as [string, string, string, string];
    const [command, flag] = option.startsWith('--') ? ['serve', option] : [option.split(' ')[0]!, option.slice(option.indexOf(' ') + 1)];
    return { command, option: flag, env, default: fallback, meaning };
  });
}

/** What each command's usage text documents with a variable. */
const USAGES: Record<string, string> = { serve: SERVE_USAGE, token: TOKEN_USAGE, verify: VERIFY_USAGE };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('README ## Configuration', () => {
  const rows = configurationTable();

  it.each(Object.keys(USAGES))('lists exactly the options %s --help documents with a variable, with the same defaults', (command) => {
    const documented = parseEnvOptions(USAGES[command]!).map((o) => ({ option: o.arg ? `${o.flag} ${o.arg}` : o.flag, env: o.env, default: o.default }));
    expect(documented.length).toBeGreaterThan(0);
    for (const option of documented) expect(option.default, `${command} ${option.option} shows [default: …]`).not.toBe('');
    const inReadme = rows.filter((r) => r.command === command).map((r) => ({ option: r.option, env: r.env, default: r.default }));
    expect(inReadme).toEqual(documented);
  });

  it('has rows only for commands whose usage is checked, each with a meaning', () => {
    for (const row of rows) {
      expect(Object.keys(USAGES), `${row.command} ${row.option}`).toContain(row.command);
      expect(row.meaning.length, `${row.command} ${row.option}`).toBeGreaterThan(10);
    }
  });

  it('names every KRAVMOCK_* variable the code reads, and only those', () => {
    const read = new Set(sourceFiles(new URL('../../server', import.meta.url).pathname).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\benv\.(KRAVMOCK_[A-Z_]+)/g)].map((m) => m[1]!)));
    const listed = new Set(rows.map((r) => r.env.replace(/=1$/, '')));
    expect([...listed].sort()).toEqual([...read].sort());
  });
});

/** For every serve option: a value to set, and the ServeConfig field it lands in. */
const SAMPLES: Record<string, [value: string, key: keyof ServeConfig]> = {
  '--port': ['9999', 'port'],
  '--host': ['0.0.0.0', 'host'],
  '--clock': ['2025-01-15', 'fixedClock'],
  '--scenarios': ['scenarios/a.yaml', 'scenarioPaths'],
  '--no-builtin': ['1', 'builtin'],
  '--empty-result': ['empty', 'emptyResult'],
  '--access': ['strict', 'access'],
  '--fair-use-limit': ['9', 'fairUseLimit'],
  '--journal-size': ['7', 'journalSize'],
  '--answer-cache': ['16', 'answerCacheMib'],
  '--validate': ['off', 'validate'],
  '--fault-seed': ['42', 'faultSeed'],
  '--session-ttl': ['60', 'sessionTtlSeconds'],
  '--max-sessions': ['3', 'maxSessions'],
  '--admin-token': ['tok-123', 'adminToken'],
  '--no-admin': ['1', 'admin'],
  '--log-level': ['debug', 'logLevel'],
  '--log-format': ['pretty', 'logFormat'],
  '--drain-timeout': ['250', 'drainTimeoutMs'],
};

/** The documented defaults that are values of the config (the others: today, none, random, off). */
const DEFAULTS: Partial<Record<keyof ServeConfig, unknown>> = {
  port: 8080,
  host: '127.0.0.1',
  emptyResult: 'KB-007',
  access: 'permissive',
  fairUseLimit: 5,
  journalSize: 1000,
  answerCacheMib: 64,
  validate: 'report',
  sessionTtlSeconds: 1800,
  maxSessions: 10000,
  logLevel: 'info',
  logFormat: 'auto',
  drainTimeoutMs: 4000,
};

describe('serve options and their variables', () => {
  const defaults = readServeConfig([], {});

  it('the usage text documents exactly SERVE_OPTIONS, and the samples cover them', () => {
    expect(parseEnvOptions(SERVE_USAGE).map((o) => o.flag)).toEqual(SERVE_OPTIONS.map((o) => o.flag));
    expect(Object.keys(SAMPLES).sort()).toEqual(SERVE_OPTIONS.map((o) => o.flag).sort());
  });

  it.each(SERVE_OPTIONS.map((o) => [o.flag, o] as const))('%s: the variable sets what the flag sets, and the flag wins', (flag, option) => {
    const [value, key] = SAMPLES[flag]!;
    const boolean = option.arg === undefined;
    const byFlag = readServeConfig(boolean ? [flag] : [flag, value], {});
    const byEnv = readServeConfig([], { [option.env]: value });
    expect(byEnv).toEqual(byFlag);
    expect(byFlag[key]).not.toEqual(defaults[key]);
    if (boolean) {
      expect(readServeConfig([], { [option.env]: 'true' })).toEqual(byFlag);
      expect(readServeConfig([], { [option.env]: '0' })).toEqual(defaults);
    } else {
      expect(readServeConfig([flag, value], { [option.env]: 'x' })).toEqual(byFlag);
    }
  });

  it.each(Object.entries(DEFAULTS))('the documented default of %s is the default in effect', (key, value) => {
    expect(defaults[key as keyof ServeConfig]).toEqual(value);
    const option = SERVE_OPTIONS.find((o) => SAMPLES[o.flag]![1] === key)!;
    expect(option.default).toBe(String(value));
  });

  it.each([
    [['--log-level', 'loud'], "--log-level must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'"],
    [['--log-format', 'xml'], "--log-format must be json, pretty or auto, got 'xml'"],
    [['--drain-timeout', '-1'], "--drain-timeout must be a whole number of milliseconds from 0 to 600000, got '-1'"],
    [['--drain-timeout', '600001'], "--drain-timeout must be a whole number of milliseconds from 0 to 600000, got '600001'"],
  ])('refuses %j', (argv, message) => {
    const args = argv[1]!.startsWith('-') ? [`${argv[0]}=${argv[1]}`] : argv;
    expect(() => readServeConfig(args, {})).toThrow(message);
  });

  it('refuses a bad value from the variable with the same message', () => {
    expect(() => readServeConfig([], { KRAVMOCK_LOG_FORMAT: 'xml' })).toThrow("--log-format must be json, pretty or auto, got 'xml'");
  });
});

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Each command's entry, as server/cli.ts calls it. */
const RUNNERS: Record<string, (argv: string[], io: CommandIo) => Promise<unknown> | unknown> = {
  serve: runServe,
  generate: runGenerate,
  validate: runValidate,
  token: runToken,
  'check-pact': async (argv, io) => (await import('../../server/cli/check-pact-command.js')).runCheckPact(argv, io),
  verify: runVerify,
};

describe('kravmock --help and <command> --help', () => {
  it('kravmock --help lists every command with one line each', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trimEnd()).toBe(MAIN_USAGE);
    const listed = stdout.split('\n').flatMap((line) => /^ {2}kravmock ([a-z][a-z-]*) {2,}\S/.exec(line)?.[1] ?? []);
    expect(listed).toEqual(['serve', 'generate', 'validate', 'token', 'check-pact', 'verify']);
    expect(COMMANDS.map((c) => c.name)).toEqual(listed);
  });

  it('kravmock help <command> is <command> --help', async () => {
    const { code, stdout, stderr } = await run(['help', 'token']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trimEnd()).toBe(TOKEN_USAGE);
  });

  it.each(Object.keys(RUNNERS))('%s --help and -h print its usage on stdout alike and exit 0', async (name) => {
    const texts: string[] = [];
    for (const flag of ['--help', '-h']) {
      const out: string[] = [];
      const err: string[] = [];
      const io: CommandIo = { out: (line) => out.push(line), err: (line) => err.push(line), env: {}, isTTY: false };
      expect(await RUNNERS[name]!([flag], io), `${name} ${flag}`).toBe(0);
      expect(err).toEqual([]);
      texts.push(out.join('\n'));
    }
    const [help, h] = texts as [string, string];
    expect(h).toBe(help);
    const lines = help.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Usage: kravmock ${name}( |$)`));
    expect(lines.some((l) => /^Options\b/.test(l)), 'an Options section').toBe(true);
    expect(help, 'documents --help').toMatch(/^ {2}--help, -h +this text$/m);
  });

  it('every command listed has a runner here', () => {
    expect(Object.keys(RUNNERS)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('kravmock --version prints the package version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
