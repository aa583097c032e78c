// The package as npm publishes it: `npm pack`, then `npm install` of the tarball into an empty folder
// (its dependencies from the registry, or npm's cache), then what a user does with it — `npx kravmock
// serve` answering the API, and `import … from 'kravmock'` / 'kravmock/pact' in their own code.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stopProcessGroup } from '../helpers/process-group.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kravmock-pack-'));
// A developer's shell, not vitest's or CI's: vitest sets NODE_ENV=test (and Vite's MODE, DEV, …), CI sets CI. With either set,
// npm 11 runs dependencies' install scripts, and @pactflow/swagger-mock-validator's postinstall
// (patch-package) fails when its ajv is hoisted — a known problem the README's Pact section names.
const VITEST_ONLY = ['CI', 'NODE_ENV', 'TEST', 'PROD', 'DEV', 'MODE', 'SSR', 'BASE_URL', 'FORCE_TTY', 'NODE_OPTIONS'];
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !k.startsWith('npm_') && !k.startsWith('KRAVMOCK_') && !VITEST_ONLY.includes(k)),
);

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('npm pack, npm install of the tarball, npx kravmock', () => {
  it('installs into an empty folder and serves the API with the built-in parties', async () => {
    run('npm', ['pack', '--pack-destination', work, '--silent'], REPO);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    expect(tarball).toMatch(/^kravmock-\d+\.\d+\.\d+\.tgz$/);
    const listing = run('tar', ['-tzf', join(work, tarball)], work);
    for (const needed of ['package/dist/server/cli.js', 'package/dist/server/index.d.ts', 'package/contracts/openapi.yaml', 'package/contracts/scenario.schema.json', 'package/scenarios/']) {
      expect(listing, needed).toContain(needed);
    }
    expect(listing).not.toContain('package/test/');

    const project = join(work, 'project');
    run('mkdir', ['-p', project], work);
    run('npm', ['init', '-y'], project);
    run('npm', ['install', '--save-dev', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund'], project);

    expect(run('npx', ['kravmock', '--version'], project).trim()).toMatch(/\d+\.\d+\.\d+/);
    const exported = run('node', ['--input-type=module', '-e', "const k = await import('kravmock'); const p = await import('kravmock/pact'); console.log(typeof k.startKravmock, typeof k.createKravmock, typeof p.matchContract, typeof p.verifyPacts)"], project);
    expect(exported.trim()).toBe('function function function function');

    const port = await freePort();
    const server = spawn('npx', ['kravmock', 'serve', '--clock', '2026-11-26'], { cwd: project, env: { ...env, KRAVMOCK_PORT: String(port) }, detached: true });
    let output = '';
    server.stdout.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      let res: Response | undefined;
      for (let i = 0; i < 300 && !res; i++) {
        res = await fetch(`http://127.0.0.1:${port}/v1/regnskapssystem/313367002/aapnekrav`).catch(() => undefined);
        if (!res) await new Promise((r) => setTimeout(r, 100));
      }
      expect(res, output).toBeDefined();
      expect(res!.status).toBe(200);
      expect(((await res!.json()) as { partIdentifikator: string }).partIdentifikator).toBe('313367002');
    } finally {
      await stopProcessGroup(server);
    }
  }, 300_000);
});
