// examples/vendor-suite is a vendor's project: it imports 'kravmock' by name (through
// examples/vendor-suite/node_modules/kravmock, a link to this repository, as `npm install
// kravmock@file:../..` would make it), so it runs the built package (dist/, via package.json
// "exports") and its declaration files, not the sources. Here its vitest and jest suites run as a
// vendor would run them, pass, and fail when one expectation is wrong; its TypeScript is checked
// with its own tsconfig against the built types.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const suite = join(root, 'examples/vendor-suite');
const link = join(suite, 'node_modules/kravmock');

interface Run {
  code: number | null;
  output: string;
}

/** Runs node with `args` in the repository root; the outer vitest's own variables are left out. */
function run(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1', FORCE_COLOR: '0', PACT_DO_NOT_TRACK: 'true' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(VITEST|TINYPOOL|JEST|NODE_OPTIONS$|VENDOR_SUITE_BREAK$)/.test(key) && !(key in env)) env[key] = value;
  }
  Object.assign(env, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const vitest = (env?: Record<string, string>) => run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', suite], env);
const jest = (env?: Record<string, string>) =>
  run(['--experimental-vm-modules', join(root, 'node_modules/jest/bin/jest.js'), '--config', join(suite, 'jest.config.js'), '--ci'], env);

beforeAll(async () => {
  // `npm test` builds first (pretest); a run of this file alone builds here. Up to date, it takes a second.
  const build = await run([tsc, '-b', 'tsconfig.build.json']);
  expect(build.output, 'npm run build (tsc -b tsconfig.build.json)').toBe('');
  expect(build.code).toBe(0);
  if (!existsSync(link)) {
    mkdirSync(join(suite, 'node_modules'), { recursive: true });
    symlinkSync('../../..', link, 'dir');
  }
  expect(lstatSync(link).isSymbolicLink(), `${link} must be a link to the repository root`).toBe(true);
  expect(realpathSync(link), `${link} must point at the repository root`).toBe(realpathSync(root));
}, 180_000);

describe('a vendor suite importing kravmock by name', () => {
  it.concurrent('type-checks against the built declaration files, and the types catch its deliberate mistakes', async () => {
    const result = await run([tsc, '-p', join(suite, 'tsconfig.json')]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  }, 240_000);

  it.concurrent('passes under vitest', async () => {
    const result = await vitest();
    expect(result.output).toContain('✓ open-claims.vitest.test.ts (3 tests)');
    expect(result.output).toMatch(/Tests\s+3 passed \(3\)/);
    expect(result.code).toBe(0);
  }, 240_000);

  it.concurrent('passes under jest (ESM)', async () => {
    const result = await jest();
    expect(result.output).toContain('PASS examples/vendor-suite/open-claims.jest.test.js');
    expect(result.output).toMatch(/Tests:\s+3 passed, 3 total/);
    expect(result.code).toBe(0);
  }, 240_000);

  it.concurrent('fails under vitest when an expectation is wrong, naming it', async () => {
    const result = await vitest({ VENDOR_SUITE_BREAK: '1' });
    expect(result.output).toContain('sees a payment without KID as unplaced, in its own session only, and moves the clock');
    expect(result.output).toContain('AssertionError: expected 5000 to be 5001');
    expect(result.output).toMatch(/Tests\s+1 failed \| 2 passed \(3\)/);
    expect(result.code).toBe(1);
  }, 240_000);

  it.concurrent('fails under jest when an expectation is wrong, naming it', async () => {
    const result = await jest({ VENDOR_SUITE_BREAK: '1' });
    expect(result.output).toContain('● open claims of a customer (jest) › sees a payment without KID as unplaced, in its own session only, and moves the clock');
    expect(result.output).toMatch(/Expected: 5001\s+Received: 5000/);
    expect(result.output).toMatch(/Tests:\s+1 failed, 2 passed, 3 total/);
    expect(result.code).toBe(1);
  }, 240_000);
});
