// docs/vendor-guide.md as a vendor would follow it: every shell command in it runs, in order, in
// examples/vendor-pact/ (which plays the vendor's project, with `kravmock` installed as the built
// package): the servers it starts are started, the curl calls are sent and their answers checked
// against the contracts, the other commands must exit 0. The TypeScript excerpt must be the real file.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, validateResponse } from '../helpers/contract-response.js';
import { parseCurl } from '../helpers/curl.js';
import { stopProcessGroup } from '../helpers/process-group.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const PROJECT = `${REPO}examples/vendor-pact`;
const guide = readFileSync(`${REPO}docs/vendor-guide.md`, 'utf8');

/** Shell commands of the guide in order (every line of every ```sh block). */
const commands = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').map((l) => l.trim()).filter(Boolean));

/** Commands that need a registry install; another test runs them for real. */
const COVERED_ELSEWHERE: Record<string, string> = {
  'npm install --save-dev kravmock': 'test/package/pack.test.ts',
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const ports: Record<string, number> = {};
const running: ChildProcess[] = [];
let env: NodeJS.ProcessEnv;

async function waitFor(url: string, what: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not answer at ${url} within 30 s:\n${output()}`);
}

/** The command with the guide's ports replaced by the free ones the test uses. */
const localised = (command: string) => command.replace(/localhost:(8080|8081)/g, (_, p: string) => `127.0.0.1:${ports[p]}`).replace('--port 8081', `--port ${ports['8081']}`);

function background(command: string, extraEnv: NodeJS.ProcessEnv = {}): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn('bash', ['-c', `exec ${localised(command)}`], { cwd: PROJECT, env: { ...env, ...extraEnv }, detached: true });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  running.push(child);
  return { child, output: () => out };
}

beforeAll(async () => {
  ports['8080'] = await freePort();
  ports['8081'] = await freePort();
  // The vendor's project: `kravmock` installed (the built package of this repository) with its bin,
  // and the tools the guide runs through npx.
  const bin = `${PROJECT}/node_modules/.bin`;
  mkdirSync(bin, { recursive: true });
  if (!existsSync(`${PROJECT}/node_modules/kravmock`)) symlinkSync('../../..', `${PROJECT}/node_modules/kravmock`);
  writeFileSync(`${bin}/kravmock`, `#!/bin/sh\nexec node ${REPO}dist/server/cli.js "$@"\n`, { mode: 0o755 });
  for (const tool of ['vitest', 'pact-stub-server']) {
    rmSync(`${bin}/${tool}`, { force: true });
    symlinkSync(`${REPO}node_modules/.bin/${tool}`, `${bin}/${tool}`);
  }
  for (const leftover of ['pacts', 'auth.txt', 'auth-311851381.txt', 'bank.txt']) rmSync(`${PROJECT}/${leftover}`, { recursive: true, force: true });
  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && !k.startsWith('KRAVMOCK_')));
  env.PATH = `${bin}:${process.env.PATH ?? ''}`;
  env.KRAVMOCK_URL = `http://127.0.0.1:${ports['8080']}`;
  env.PACT_DO_NOT_TRACK = 'true';
}, 30_000);

afterAll(async () => {
  await Promise.all(running.map(stopProcessGroup));
});

describe('docs/vendor-guide.md', () => {
  it('has the commands of every step', () => {
    for (const start of ['npx kravmock serve', 'npx kravmock token', 'curl -H @auth.txt', 'curl -H @bank.txt', '--data-binary @ci-scenario.yaml', 'npx vitest run', 'npx kravmock check-pact', 'npx kravmock verify', 'npx pact-stub-server']) {
      expect(commands.some((c) => c.includes(start)), start).toBe(true);
    }
  });

  it('shows excerpts of the real consumer test, not a copy that can drift', () => {
    const file = readFileSync(`${PROJECT}/open-claims.pact.test.ts`, 'utf8');
    const excerpt = /```ts\n([\s\S]*?)```/.exec(guide)![1]!;
    const lines = excerpt.split('\n').map((l) => l.trim()).filter((l) => l && l !== '// …');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(file, line).toContain(line);
  });

  it.each(commands.map((command, i) => ({ i, command })))('runs: $command', async ({ command }) => {
    if (COVERED_ELSEWHERE[command]) {
      expect(readFileSync(`${REPO}${COVERED_ELSEWHERE[command]}`, 'utf8')).toContain('npm install');
      return;
    }
    if (command.startsWith('npx kravmock serve')) {
      const { child, output } = background(command, { KRAVMOCK_PORT: String(ports['8080']) });
      await waitFor(`http://127.0.0.1:${ports['8080']}/__admin/scenarios`, 'kravmock serve', child, output);
      return;
    }
    if (command.startsWith('npx pact-stub-server')) {
      const { child, output } = background(command);
      await waitFor(`http://127.0.0.1:${ports['8081']}/`, 'pact-stub-server', child, output);
      return;
    }
    if (command.startsWith('curl ')) {
      const curl = parseCurl(command, PROJECT);
      const port = ports[curl.origin.split(':')[2]!]!;
      let req = supertest(`http://127.0.0.1:${port}`)[curl.method](curl.path);
      for (const [k, v] of Object.entries(curl.headers)) req = req.set(k, v);
      if (curl.body !== undefined) req = req.send(curl.body);
      const res = await req;
      if (port === ports['8081']) {
        // The stub server answers the pact's example: it must still be an answer the contract allows.
        expect(res.status).toBe(200);
        expect(contract.validateResponse('hentAapneKrav', 200, 'application/json', res.body)).toEqual([]);
        return;
      }
      const checked = validateResponse(curl.path, res, curl.method);
      if (curl.expected !== undefined) expect(checked.status).toBe(curl.expected);
      else expect(Math.floor(checked.status / 100), `${checked.status} ${checked.text}`).toBe(2);
      if (checked.status >= 400 && checked.body.kode) expect(command).toContain(`# ${checked.status} ${String(checked.body.kode)}`);
      return;
    }
    // Any other command must succeed as written.
    try {
      execFileSync('bash', ['-c', localised(command)], { cwd: PROJECT, env, stdio: 'pipe', timeout: 110_000 });
    } catch (error) {
      const e = error as { status: number; stdout?: Buffer; stderr?: Buffer };
      throw new Error(`'${command}' exited with ${e.status}:\n${String(e.stdout)}\n${String(e.stderr)}`);
    }
  }, 120_000);
});
