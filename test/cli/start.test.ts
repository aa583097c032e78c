// `npm start` in small: the server entry point starts with the built-in data, answers, and stops
// cleanly on SIGTERM. Runs the TypeScript entry through tsx, so no build is needed here.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
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
    const child = start(['--port', '0', '--clock', '2026-11-26']);
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
    [['--verbose'], "kravmock: Unknown option '--verbose'. Options: --port, --host, --clock, --empty-result"],
  ])('refuses bad options %j with exit code 2', async (args, message) => {
    const child = start(args);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(message);
  });
});
