// `kravmock verify`: usage errors (exit 2) with exact messages, unknown provider states and
// parameters (exit 1, verification does not run), a state kravmock cannot set up, and
// --provider-base-url against a kravmock that requires an admin token.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, type CommandIo } from '../../server/cli/io.js';
import { loadServeScenarios, readServeConfig, runServe, type RunningServer } from '../../server/cli/serve-command.js';
import { runVerify, VERIFY_USAGE } from '../../server/cli/verify-command.js';
import { today } from '../../server/ledger/dates.js';
import { verifyPacts } from '../../server/pact/verify.js';
import { withoutNodeWarnings } from '../helpers/node-warnings.js';
import { OPEN_CLAIMS, UNKNOWN_PARAMETER, UNKNOWN_STATE } from './fixtures/broken-pacts.js';

const ADMIN_TOKEN = 'verify-admin-token';
const NETTBANK = 'contracts/pacts/nettbank-referanse-skatteetaten-kravogbetalinger.json';
const KNOWN_SCENARIOS = loadServeScenarios(readServeConfig([], {}), today()).map((s) => s.name);
const REQUIRED =
  'the admin API needs its token: send Authorization: Bearer <admin token> (the token kravmock printed at start, or the one set with --admin-token / KRAVMOCK_ADMIN_TOKEN)';

/** A spawned `kravmock verify` compiles the CLI with tsx and starts kravmock: slow on a busy machine. */
const SPAWN_TIMEOUT = 60_000;

let protectedServer: RunningServer;
let scratch: string;

beforeAll(async () => {
  const running = await runServe(['--port', '0', '--admin-token', ADMIN_TOKEN], { out: () => undefined, err: () => undefined, env: {}, isTTY: false }, pino({ level: 'silent' }));
  if (typeof running === 'number') throw new Error(`serve exited with ${running}`);
  protectedServer = running;
  scratch = mkdtempSync(join(tmpdir(), 'kravmock-verify-'));
});
afterAll(async () => {
  await protectedServer.close();
  rmSync(scratch, { recursive: true, force: true });
});

function captureIo(env: NodeJS.ProcessEnv = {}): { io: CommandIo; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { io: { out: (line) => stdout.push(line), err: (line) => stderr.push(line), env, isTTY: false }, stdout, stderr };
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'verify', ...args], {
    env: { ...process.env, PACT_DO_NOT_TRACK: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr: withoutNodeWarnings(stderr) };
}

/** A copy of the shipped nettbank pact reduced to one interaction, with other state parameters. */
function pactWithParams(name: string, params: Record<string, unknown>): string {
  const pact = JSON.parse(readFileSync(NETTBANK, 'utf8')) as { interactions: Array<Record<string, unknown>> };
  const interaction = pact.interactions.find((i) => i.description === 'a request for the open claims of a customer, with payment information')!;
  interaction.providerStates = [{ name: 'offisielle-testparter', params }];
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify({ ...pact, interactions: [interaction] }));
  return file;
}

describe('kravmock verify: usage', () => {
  it('--help prints the usage', async () => {
    const { io, stdout } = captureIo();
    expect(await runVerify(['--help'], io)).toBe(0);
    expect(stdout).toEqual([VERIFY_USAGE]);
    for (const word of ['--pact <file|dir>', '--provider-base-url <url>', 'KRAVMOCK_PROVIDER_BASE_URL', '--admin-token <t>', 'KRAVMOCK_ADMIN_TOKEN', 'Exit status: 0']) {
      expect(VERIFY_USAGE).toContain(word);
    }
  });

  const notJson = join(tmpdir(), `kravmock-verify-not-json-${process.pid}.json`);
  const emptyDir = join(tmpdir(), `kravmock-verify-empty-dir-${process.pid}`);
  writeFileSync(notJson, 'not json');
  mkdirSync(emptyDir, { recursive: true });
  afterAll(() => {
    rmSync(notJson, { force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  });
  const parseError = (() => {
    try {
      JSON.parse('not json');
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  })();

  it.each([
    [[], 'verify needs --pact <file|dir>: the pact files to verify. See kravmock verify --help'],
    [['--pact', 'missing.json'], 'missing.json: no such file or directory'],
    [['--pact', 'package.json'], 'package.json: not a Pact file: expected a JSON object with an "interactions" list'],
    [['--pact', 'contracts/scenario.schema.json'], 'contracts/scenario.schema.json: not a Pact file: expected a JSON object with an "interactions" list'],
    [['--pact', notJson], `${notJson}: not a Pact file: it is not JSON (${parseError})`],
    [['--pact', emptyDir], `${emptyDir}: the directory holds no .json pact files`],
    [['--pact', NETTBANK, '--provider-base-url', 'localhost:8080'], "--provider-base-url must be an http(s) URL such as http://localhost:8080, got 'localhost:8080'"],
    [['--pact', NETTBANK, '--log-level', 'loud'], "--log-level must be one of trace, debug, info, warn, error, got 'loud'"],
    [['--pacts', NETTBANK], "Unknown option '--pacts'. See kravmock verify --help"],
    [['--pact'], "Option '--pact <value>' argument missing. See kravmock verify --help"],
  ])('refuses %j', async (argv, message) => {
    await expect(runVerify(argv, captureIo().io)).rejects.toThrow(new UsageError(message));
  });

  it('KRAVMOCK_PROVIDER_BASE_URL is checked like the flag', async () => {
    await expect(runVerify(['--pact', NETTBANK], captureIo({ KRAVMOCK_PROVIDER_BASE_URL: 'ftp://kravmock' }).io)).rejects.toThrow(
      new UsageError("--provider-base-url must be an http(s) URL such as http://localhost:8080, got 'ftp://kravmock'"),
    );
  });

  it('the command exits 2 with the message on stderr', async () => {
    const [none, missing] = await Promise.all([cli([]), cli(['--pact', 'missing.json'])]);
    expect([none.code, none.stderr.trim()]).toEqual([2, 'kravmock: verify needs --pact <file|dir>: the pact files to verify. See kravmock verify --help']);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, 'kravmock: missing.json: no such file or directory']);
  }, SPAWN_TIMEOUT);
});

describe('kravmock verify: provider states', () => {
  it('an unknown provider state: exit 1, named with the known scenarios, nothing verified', async () => {
    const file = 'test/pact/fixtures/unknown-state.json';
    const { code, stdout, stderr } = await cli(['--pact', file]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `unknown provider state '${UNKNOWN_STATE}', used by regnskapssystem-ukjent-tilstand: '${OPEN_CLAIMS}' (${file}): the provider has no scenario of that name; known scenarios: ${KNOWN_SCENARIOS.join(', ')}`,
      'Verification did not run: 1 problem with the provider states of 1 pact file.',
    ]);
    // Pact's verifier did not run: no report.
    expect(stdout).not.toContain('Verifying a pact');
  }, SPAWN_TIMEOUT);

  it('an unknown state parameter: exit 1, naming it and the known ones', async () => {
    const file = 'test/pact/fixtures/unknown-parameter.json';
    const { io, stderr, stdout } = captureIo();
    expect(await runVerify(['--pact', file], io)).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual([
      `provider state 'offisielle-testparter' of regnskapssystem-ukjent-parameter: '${OPEN_CLAIMS}' (${file}): unknown parameter '${UNKNOWN_PARAMETER}': kravmock knows partIdentifikator, clock, fault, access, token, consent, org`,
      'Verification did not run: 1 problem with the provider states of 1 pact file.',
    ]);
  });

  it('parameter values kravmock cannot use are named with what is expected', async () => {
    const file = pactWithParams('bad-values.json', { partIdentifikator: '31336700', fault: 'KB-999', access: 'off', consent: 'maybe', org: 12 });
    const result = await verifyPacts({ pacts: [file], providerBaseUrl: protectedServer.url, adminToken: ADMIN_TOKEN });
    expect(result.ok).toBe(false);
    const where = `provider state 'offisielle-testparter' of nettbank-referanse: 'a request for the open claims of a customer, with payment information' (${file})`;
    expect(result.parameterProblems).toEqual([
      `${where}: parameter partIdentifikator "31336700": expected the party the interaction is about (9 or 11 digits): fault rules are for it`,
      `${where}: parameter fault "KB-999": expected a fault rule for partIdentifikator with probability 1: KB-001, KB-002, KRAVMOCK-503, KRAVMOCK-429`,
      `${where}: parameter access "off": expected 'strict' (or 'permissive'); a session cannot switch access checks off`,
      `${where}: parameter consent "maybe": expected 'none': the bank's access token carries no consent and AltinnSamtykke is not sent; 'header' (the default)`,
      `${where}: parameter org 12: expected the calling organisation (9 digits): the bank for finans, the system user organisation for regnskapssystem`,
    ]);
  });

  it('a state kravmock refuses to set up fails the verification with the admin API’s answer', async () => {
    const file = pactWithParams('bad-clock.json', { partIdentifikator: '313367002', clock: '2026-02-30' });
    const result = await verifyPacts({ pacts: [file], providerBaseUrl: protectedServer.url, adminToken: ADMIN_TOKEN });
    expect(result.ok).toBe(false);
    expect(result.stateErrors).toEqual([
      `setting up provider state 'offisielle-testparter' {"clock":"2026-02-30","partIdentifikator":"313367002"}: PUT /__admin/clock on the provider answered 400: date '2026-02-30' is not a calendar date: 2026-02 has 28 days`,
    ]);
    expect(result.output.split('\n').at(-1)).toMatch(/^Verification failed: /);
  });

  it('fault KRAVMOCK-503 installs an unavailable rule: a pact expecting 200 then fails with 503', async () => {
    const file = pactWithParams('fault-503.json', { partIdentifikator: '313367002', clock: '2026-11-26', fault: 'KRAVMOCK-503' });
    const result = await verifyPacts({ pacts: [file], providerBaseUrl: protectedServer.url, adminToken: ADMIN_TOKEN });
    expect(result.ok).toBe(false);
    expect(result.failures?.[0]?.mismatches[0]).toMatchObject({ type: 'StatusMismatch', mismatch: 'expected 200 but was 503' });
  });
});

describe('kravmock verify --provider-base-url: a kravmock that requires an admin token', () => {
  it('with --admin-token: the nettbank pact verifies (exit 0)', async () => {
    const { io, stdout, stderr } = captureIo();
    expect(await runVerify(['--pact', NETTBANK, '--provider-base-url', protectedServer.url, '--admin-token', ADMIN_TOKEN], io)).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toHaveLength(1);
    expect(stdout[0]).toMatch(
      new RegExp(`^Verified 5 interactions of 1 pact file against ${protectedServer.url.replace(/\./g, '\\.')} \\(session pact-verify-[0-9a-f]{12}\\): all passed\\.$`),
    );
  });

  it('KRAVMOCK_PROVIDER_BASE_URL and KRAVMOCK_ADMIN_TOKEN work as the flags', async () => {
    const { io, stdout, stderr } = captureIo({ KRAVMOCK_PROVIDER_BASE_URL: protectedServer.url, KRAVMOCK_ADMIN_TOKEN: ADMIN_TOKEN });
    expect(await runVerify(['--pact', NETTBANK], io)).toBe(0);
    expect(stderr).toEqual([]);
    expect(stdout).toEqual([expect.stringMatching(new RegExp(`^Verified 5 interactions of 1 pact file against ${protectedServer.url.replace(/\./g, '\\.')} `))]);
  });

  it('without the admin token: exit 1, the provider’s refusal named with the way to give the token', async () => {
    const { io, stdout, stderr } = captureIo();
    expect(await runVerify(['--pact', NETTBANK, '--provider-base-url', protectedServer.url], io)).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual([
      `Verification did not run: GET /__admin/scenarios on the provider answered 401: ${REQUIRED} (give the provider's admin token with --admin-token or KRAVMOCK_ADMIN_TOKEN)`,
    ]);
  });

  it('a provider that does not answer: exit 1 naming the URL', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const { io, stderr } = captureIo();
    expect(await runVerify(['--pact', NETTBANK, '--provider-base-url', `http://127.0.0.1:${port}`], io)).toBe(1);
    expect(stderr).toEqual([`Verification did not run: cannot reach the provider at http://127.0.0.1:${port} (GET /__admin/scenarios): connect ECONNREFUSED 127.0.0.1:${port}`]);
  });
});
