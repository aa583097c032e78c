// Regenerates the shipped Pact files in contracts/pacts/ from the reference consumer tests:
//
//   npm run pacts
//
// Runs test/pact/consumer-*.pact.test.ts with KRAVMOCK_UPDATE_PACTS=1: each consumer test writes
// its pact to a fresh temporary folder as always, and its last test copies the file over the
// committed one instead of comparing the two (which is what `npm test` does, failing when stale).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const consumerTests = readdirSync(join(root, 'test', 'pact'))
  .filter((name) => /^consumer-.*\.pact\.test\.ts$/.test(name))
  .sort()
  .map((name) => join('test', 'pact', name));
if (consumerTests.length === 0) {
  console.error('no consumer tests found in test/pact/ (consumer-*.pact.test.ts)');
  process.exit(1);
}

const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...consumerTests], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KRAVMOCK_UPDATE_PACTS: '1', PACT_DO_NOT_TRACK: 'true' },
});
if (result.status !== 0) {
  console.error('consumer tests failed: contracts/pacts/ may be partly updated; fix the tests and run npm run pacts again');
  process.exit(result.status ?? 1);
}
console.log(`contracts/pacts/ regenerated from ${consumerTests.join(', ')}`);
