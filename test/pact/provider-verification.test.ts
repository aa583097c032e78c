// Provider verification: every shipped pact in contracts/pacts/ verifies against kravmock with Pact's
// own verifier - in-process (verifyPacts starts kravmock as `kravmock serve` does) and against a
// kravmock started apart, whose shared state the verification leaves as it was. Deliberately broken
// pacts (test/pact/fixtures/mismatch/) fail through `kravmock verify`, with Pact's mismatch report.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadServeScenarios, readServeConfig } from '../../server/cli/serve-command.js';
import { today } from '../../server/ledger/dates.js';
import { verifyPacts } from '../../server/pact/verify.js';
import { get, request } from '../helpers/contract-response.js';
import { withoutNodeWarnings } from '../helpers/node-warnings.js';
import { brokenPacts, fixturesDir, OPEN_CLAIMS, PAYOUTS, serialise } from './fixtures/broken-pacts.js';

const SHIPPED = 'contracts/pacts';
/** Every interaction of the shipped pacts, by consumer (contracts/pacts/README.md lists them). */
const SHIPPED_INTERACTIONS = ['nettbank-referanse', 'regnskapssystem-referanse'].flatMap((consumer) =>
  (JSON.parse(readFileSync(join(SHIPPED, `${consumer}-skatteetaten-kravogbetalinger.json`), 'utf8')) as { interactions: Array<{ description: string }> }).interactions.map(
    (i) => `${consumer}: ${i.description}`,
  ),
);
/** A spawned `kravmock verify` compiles the CLI with tsx and starts kravmock: slow on a busy machine. */
const SPAWN_TIMEOUT = 60_000;
/** Pact's report without its colours (ANSI escape sequences). */
const stripAnsi = (text: string) => text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/** A kravmock started apart from the verification, as a vendor's shared container would be. */
let shared: { app: Express; server: Server; url: string };

beforeAll(async () => {
  const config = readServeConfig(['--port', '0'], {});
  const app = createApp({ scenarios: loadServeScenarios(config, today()), clock: today });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  shared = { app, server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
});
afterAll(async () => {
  await new Promise((resolve) => shared.server.close(resolve));
});

describe('the shipped pacts verify against kravmock', () => {
  it('has the 14 interactions the README lists', () => {
    expect(SHIPPED_INTERACTIONS).toHaveLength(14);
  });

  it('in-process: verifyPacts starts kravmock, verifies all 14 interactions and stops it', async () => {
    const result = await verifyPacts({ pacts: [SHIPPED] });
    expect(result.output).toMatch(/^Verified 14 interactions of 2 pact files against http:\/\/127\.0\.0\.1:\d+ \(session pact-verify-[0-9a-f]{12}\): all passed\.$/);
    expect(result).toMatchObject({ ok: true, interactions: 14 });
    expect(result.failures).toBeUndefined();
    expect(result.stateErrors).toBeUndefined();
    // Pact's own report: every interaction is in it, none failed.
    const report = stripAnsi(result.report ?? '');
    for (const entry of SHIPPED_INTERACTIONS) expect(report).toContain(`  ${entry.split(': ')[1]} (`);
    expect(report).not.toContain('FAILED');
    // The in-process kravmock is gone.
    await expect(fetch(`${result.providerBaseUrl}/__admin/scenarios`)).rejects.toThrow();
  });

  it('against a running kravmock (providerBaseUrl): passes and leaves its shared state, journal and sessions as they were', async () => {
    // The shared state has its own clock: the verification's clock and fault rules must not reach it.
    await request(shared.app, 'put', '/__admin/clock', { body: { date: '2027-03-01' } });
    const clockBefore = (await get(shared.app, '/__admin/clock')).body;
    const result = await verifyPacts({ pacts: [SHIPPED], providerBaseUrl: shared.url });
    expect(result.output).toBe(`Verified 14 interactions of 2 pact files against ${shared.url} (session ${result.session}): all passed.`);
    expect(result.ok).toBe(true);

    const faults = await get(shared.app, '/__admin/faults');
    expect(faults.body.rules).toEqual([]);
    const clock = await get(shared.app, '/__admin/clock');
    expect(clock.body).toEqual(clockBefore);
    expect(clock.body.fixed).toBe('2027-03-01');
    // No API request of the verification ran in the shared scope, and its session is ended.
    const journal = await get(shared.app, '/__admin/journal');
    expect((journal.body.entries as Array<{ path: string }>).filter((e) => e.path.startsWith('/v1/'))).toEqual([]);
    const sessions = await get(shared.app, '/__admin/sessions');
    expect(sessions.body.sessions).toEqual([]);
    // The party the KB-001 interaction faulted answers normally in the shared scope.
    const open = await get(shared.app, '/v1/finans/314961900/aapnekrav');
    expect(open.status).toBe(200);
    await request(shared.app, 'delete', '/__admin/clock');
  });
});

describe('broken pacts fail verification', () => {
  it('the fixtures are derived from the shipped pacts as test/pact/fixtures/broken-pacts.ts says (rerun it when stale)', () => {
    for (const [name, pact] of Object.entries(brokenPacts())) {
      expect(readFileSync(join(fixturesDir, name), 'utf8'), `test/pact/fixtures/${name} is stale: npx tsx test/pact/fixtures/broken-pacts.ts`).toBe(serialise(pact));
    }
  });

  it('kravmock verify: a renamed field and a wrong status fail with exit 1 and Pact’s mismatch report', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'verify', '--pact', 'test/pact/fixtures/mismatch'], {
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    const report = stripAnsi(stdout);
    // Pact's report: the interaction, the failed check, and the mismatch naming the field / the status.
    expect(report).toContain('Verifying a pact between regnskapssystem-brutt-feltnavn and skatteetaten-kravogbetalinger');
    expect(report).toContain(`  ${OPEN_CLAIMS} (`);
    expect(report).toContain('has a matching body (FAILED)');
    expect(report).toContain('$.aapentKravMedGjenstaaendeBeloep[0] -> Actual map is missing the following keys: kravId');
    expect(report).toContain('has status code 201 (FAILED)');
    expect(report).toContain('expected 201 but was 200');
    expect(report).toContain('There were 2 pact failures');
    // kravmock's summary on stderr (after Node's own warnings, if any: DEP0060 on Node 24).
    const lines = withoutNodeWarnings(stderr).trim().split('\n');
    expect(lines[0]).toMatch(
      /^Verification failed: 2 of 2 interactions of 2 pact files against http:\/\/127\.0\.0\.1:\d+ \(session pact-verify-[0-9a-f]{12}\) did not match \(Pact's report above\):$/,
    );
    expect(lines.slice(1)).toEqual([
      `  regnskapssystem-brutt-feltnavn: '${OPEN_CLAIMS}': $.aapentKravMedGjenstaaendeBeloep[0]: Actual map is missing the following keys: kravId (and 2 more)`,
      `  regnskapssystem-brutt-status: '${PAYOUTS}': expected 201 but was 200`,
    ]);
  }, SPAWN_TIMEOUT);

  it('verifyPacts: the failures carry Pact’s mismatches by interaction', async () => {
    const result = await verifyPacts({ pacts: [join(fixturesDir, 'mismatch', 'wrong-status.json')], providerBaseUrl: shared.url });
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      {
        consumer: 'regnskapssystem-brutt-status',
        interaction: PAYOUTS,
        pactName: `Verifying a pact between regnskapssystem-brutt-status and skatteetaten-kravogbetalinger Given offisielle-testparter - ${PAYOUTS}`,
        mismatches: [{ type: 'StatusMismatch', mismatch: 'expected 201 but was 200', expected: 201, actual: 200 }],
      },
    ]);
    expect(stripAnsi(result.report ?? '')).toContain('has status code 201 (FAILED)');
  });
});
