// `npm start` in small: `kravmock serve` starts with the built-in data and the scenario library,
// answers, and stops cleanly on SIGTERM. Runs the TypeScript entry through tsx, so no build is
// needed here.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function listeningUrl(child: ChildProcess): Promise<string> {
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { msg?: string; url?: string };
    if (entry.msg === 'kravmock listening') return entry.url!;
  }
  throw new Error('server exited before listening');
}

describe('server entry point', () => {
  it('serves the built-in parties and exits 0 on SIGTERM', async () => {
    const child = start(['serve', '--port', '0', '--clock', '2026-11-26']);
    const url = await listeningUrl(child);
    const res = await fetch(`${url}/v1/regnskapssystem/313367002/aapnekrav`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { partIdentifikator: string; totalOversikt: unknown };
    expect(body.partIdentifikator).toBe('313367002');
    expect(body.totalOversikt).toBeDefined();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(0);
  });

  it('takes its options from KRAVMOCK_* variables', async () => {
    const child = start([], { KRAVMOCK_PORT: '0', KRAVMOCK_CLOCK: '2025-01-15', KRAVMOCK_EMPTY_RESULT: 'empty' });
    const url = await listeningUrl(child);
    const res = await fetch(`${url}/v1/finans/313367002/utbetalinger?fraOgMed=2000-01-01&tilOgMed=2000-12-31`);
    expect(res.status).toBe(200);
  });

  it.each([
    [['--clock', '2025-02-30'], "kravmock: --clock must be a calendar date YYYY-MM-DD, got '2025-02-30'"],
    [['--port', 'abc'], "kravmock: --port must be a whole number from 0 to 65535, got 'abc'"],
    [['--empty-result', 'maybe'], "kravmock: --empty-result must be KB-007 or empty, got 'maybe'"],
    [['--verbose'], "kravmock: Unknown option '--verbose'. See kravmock serve --help"],
    [['serve', '--port', '70000'], "kravmock: --port must be a whole number from 0 to 65535, got '70000'"],
    [['frobnicate'], "kravmock: unknown command 'frobnicate': expected serve, validate, generate, token, check-pact or verify"],
  ])('refuses bad options %j with exit code 2', async (args, message) => {
    const child = start(args);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(message);
  });
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

const SMALL_SCENARIO = `name: liten-test
description: One party with one open claim, for the CLI tests.
clock: 2025-06-30
parties:
  - partIdentifikator: "312438623"
    navn: OVERFØLSOM GLAD TIGER AS
    events:
      - type: claimRaised
        date: -60d
        kravidentifikator: "900000001"
        reskontro: skatteinnkreving
        kravtype: RESTSKATT
        kravgruppe: Skatt
        kravbeskrivelse: Restskatt - 2024
        kravforfall:
          - { kravforfallsIdentifikator: "900000002", forfallsdato: -30d, beloep: 1000 }
`;

describe('kravmock command', () => {
  it('--version prints the package version', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('--help lists the commands, and serve --help its options with their variables', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const word of ['serve', 'validate', 'generate', 'token']) expect(help.stdout).toContain(`kravmock ${word}`);
    const serveHelp = await run(['serve', '--help']);
    for (const option of ['--port', 'KRAVMOCK_PORT', '--scenarios', 'KRAVMOCK_SCENARIOS', '--no-builtin', '--clock']) expect(serveHelp.stdout).toContain(option);
  });

  it('serve --scenarios --no-builtin serves only that scenario, at its own clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravmock-cli-'));
    writeFileSync(join(dir, 'liten.yaml'), SMALL_SCENARIO);
    const child = start(['serve', '--port', '0', '--no-builtin', '--scenarios', join(dir, 'liten.yaml')]);
    const url = await listeningUrl(child);
    const listed = (await (await fetch(`${url}/__admin/scenarios`)).json()) as { scenarios: { name: string; clock: string }[] };
    expect(listed.scenarios.map((s) => [s.name, s.clock])).toEqual([['liten-test', '2025-06-30']]);
    const open = (await (await fetch(`${url}/v1/finans/312438623/aapnekrav`)).json()) as { totalOversikt: { sumForfalteKrav: number } };
    expect(open.totalOversikt.sumForfalteKrav).toBe(1000);
    expect((await fetch(`${url}/v1/finans/313367002/aapnekrav`)).status).toBe(404);
  });

  it('serve refuses to start on a bad scenario file and lists its problems (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravmock-cli-'));
    const file = join(dir, 'feil.yaml');
    writeFileSync(file, SMALL_SCENARIO.replace('"312438623"', '"312438624"'));
    const { code, stderr } = await run(['serve', '--port', '0', '--scenarios', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:5:`);
    expect(stderr).toContain('312438624');
  });

  it('serve refuses a scenario that reuses a built-in party, pointing at the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravmock-cli-'));
    const file = join(dir, 'krasj.yaml');
    writeFileSync(file, SMALL_SCENARIO.replace('"312438623"', '"313367002"'));
    const { code, stderr } = await run(['serve', '--port', '0', '--scenarios', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:5:24 parties[0].partIdentifikator: party '313367002' is already in parties[0] of scenario 'offisielle-testparter' (<built-in>): a party has one ledger, in one scenario`,
    );
  });

  it('validate and generate run through the same binary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravmock-cli-'));
    const out = join(dir, 'generert.json');
    const generated = await run(['generate', '--parties', '3', '--seed', '7', '--clock', '2026-11-26', '--out', out]);
    expect(generated.code).toBe(0);
    const validated = await run(['validate', out]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('ok ');
  });
});
