// `kravmock token` against a real server started in strict mode, and the README's three commands.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import supertest from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateResponse } from '../helpers/contract-response.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function cli(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

async function serve(args: string[]): Promise<string> {
  const child = cli(['serve', '--port', '0', ...args]);
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { msg?: string; url?: string; access?: string };
    if (entry.msg === 'kravmock listening') return entry.url!;
  }
  throw new Error('server exited before listening');
}

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = cli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

/** Header lines as printed by `kravmock token`, as curl -H @file reads them. */
const headersOf = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));

async function call(url: string, path: string, headers: Record<string, string> = {}) {
  let req = supertest(url).get(path);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return validateResponse(path, await req);
}

// Each test spawns the CLI (a server, then the token command); slow machines need more than the default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('kravmock token', () => {
  it('prints a token that reads the party in strict mode, where no token is 401', async () => {
    const url = await serve(['--access', 'strict', '--clock', '2026-11-26']);
    const path = '/v1/regnskapssystem/313367002/aapnekrav';
    expect((await call(url, path)).status).toBe(401);

    const rs = await run(['token', '--url', url, '--org', '313367002', '--pakke', 'regnskapssystem']);
    expect(rs.code).toBe(0);
    expect(rs.stdout).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect((await call(url, path, headersOf(rs.stdout))).status).toBe(200);
    expect((await call(url, '/v1/regnskapssystem/311851381/aapnekrav', headersOf(rs.stdout))).status).toBe(403);

    const fi = await run(['token', '--url', url, '--org', '974761076', '--pakke', 'finans', '--party', '313367002']);
    expect(fi.stdout).toMatch(/^Authorization: Bearer \S+\nAltinnSamtykke: \S+\n$/);
    expect((await call(url, '/v1/finans/313367002/aapnekrav', headersOf(fi.stdout))).status).toBe(200);

    const only = await run(['token', '--url', url, '--org', '974761076', '--pakke', 'finans', '--party', '313367002', '--consent', 'token', '--token-only']);
    expect(only.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect((await call(url, '/v1/finans/313367002/aapnekrav', { Authorization: `Bearer ${only.stdout.trim()}` })).status).toBe(200);

    const bad = await run(['token', '--url', url, '--org', '313367002', '--pakke', 'finans', '--valid-days', '120']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, 'kravmock: validDays must be a whole number from 1 to 90 (consent for Krav og betalinger lasts at most 90 days), got 120']);
  });

  it('names what is missing, and a server that is not there', async () => {
    expect(await run(['token', '--pakke', 'finans'])).toMatchObject({ code: 2, stderr: 'kravmock: --org is required: the organisation number the token is for\n' });
    const down = await run(['token', '--url', 'http://127.0.0.1:9', '--org', '313367002', '--pakke', 'finans']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^kravmock: cannot reach kravmock at http:\/\/127\.0\.0\.1:9: .*Start it with kravmock serve \(npm start\)\.\n$/);
  });

  it('serve refuses an unknown access mode', async () => {
    expect(await run(['serve', '--access', 'lax'])).toMatchObject({ code: 2, stderr: "kravmock: --access must be off, permissive or strict, got 'lax'\n" });
  });
});

describe("the README's three commands for strict mode", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /## Access[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);

  it('start the server strict, get a token, call the API with it', async () => {
    expect(commands).toHaveLength(3);
    const [serveLine, tokenLine, curlLine] = commands as [string, string, string];
    expect(serveLine).toBe('npm start -- --access strict');
    const url = await serve(serveLine.replace('npm start -- ', '').split(' '));
    const tokenArgs = /^node dist\/server\/cli\.js (token .*) > auth\.txt$/.exec(tokenLine)![1]!.split(' ');
    const printed = await run([...tokenArgs, '--url', url]);
    expect(printed.code).toBe(0);
    const path = /^curl -H @auth\.txt http:\/\/localhost:8080(\S+)$/.exec(curlLine)![1]!;
    expect((await call(url, path, headersOf(printed.stdout))).status).toBe(200);
  });
});
