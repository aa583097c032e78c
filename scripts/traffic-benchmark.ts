// What traffic validation and the journal cost per request.
//
//   npx tsx scripts/traffic-benchmark.ts [--requests 600]
//
// 1. Times the response validator alone on the largest library party (`stor-part-fem-aar`, 2,088
//    claims): its four views and an error body, against JSON.stringify of the same body for scale.
// 2. Serves that party over HTTP (keep-alive, one call at a time) with validate=off / report and the
//    journal off / on, and prints the mean time per call and the heap after the run, so the journal's
//    bound shows: the heap does not grow with the number of requests.
// This is a measurement, not a test: the numbers depend on the machine.
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createKravmock, type KravmockOptions } from '../server/app.js';
import { createContract } from '../server/contract.js';
import { createResponseValidator } from '../server/http/traffic-validation.js';
import { aapneKravView, innbetalingerView, kravView, utbetalingerView } from '../server/ledger/views.js';
import { libraryDir } from '../server/cli/serve-command.js';
import { loadScenarioFiles } from '../server/scenarios/load.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '600' } } });
const REQUESTS = Number(values.requests);
const CLOCK = '2026-11-26';
const PARTY = '315950007';
const PERIOD = { fraOgMed: '2025-11-27', tilOgMed: CLOCK };

const scenarios = loadScenarioFiles([`${libraryDir}/stor-part-fem-aar.yaml`], { defaultClock: CLOCK });
const ledger = scenarios[0]!.parties.find((p) => p.partIdentifikator === PARTY)!;
const opts = { clock: CLOCK, rettighetspakke: 'regnskapssystem' as const };

function perCall(n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(50, n); i += 1) fn();
  const t = performance.now();
  for (let i = 0; i < n; i += 1) fn();
  return (performance.now() - t) / n;
}

console.log('Response validator alone (ms per response):');
const validator = createResponseValidator(createContract());
const bodies = [
  ['hentAapneKrav', 'aapnekrav', aapneKravView(ledger, opts)],
  ['hentKrav', 'krav (one year)', kravView(ledger, opts, PERIOD)],
  ['hentInnbetalinger', 'innbetalinger (one year)', innbetalingerView(ledger, opts, PERIOD)],
  ['hentUtbetalinger', 'utbetalinger (one year)', utbetalingerView(ledger, opts, PERIOD)],
] as const;
for (const [operationId, label, body] of bodies) {
  const violations = validator.violations(operationId, 200, body);
  if (violations.length > 0) throw new Error(`${label} breaks the contract: ${JSON.stringify(violations)}`);
  const kb = (JSON.stringify(body).length / 1024).toFixed(0);
  const validate = perCall(200, () => validator.violations(operationId, 200, body));
  const stringify = perCall(200, () => JSON.stringify(body));
  console.log(`  ${label.padEnd(26)} ${kb.padStart(4)} kB  validate ${validate.toFixed(3)}  JSON.stringify ${stringify.toFixed(3)}`);
}
const error = { kode: 'KB-009', melding: 'Ingen treff på partIdentifikator 974761076.', korrelasjonsid: 'b7c8f44' };
console.log(`  ${'error body'.padEnd(26)}         validate ${perCall(100_000, () => validator.violations('hentAapneKrav', 404, error)).toFixed(4)}`);

async function serve(options: Partial<KravmockOptions>, label: string): Promise<void> {
  const km = createKravmock({ scenarios, clock: CLOCK, ...options });
  const server = km.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths = [`/v1/regnskapssystem/${PARTY}/aapnekrav`, `/v1/regnskapssystem/${PARTY}/innbetalinger?fraOgMed=${PERIOD.fraOgMed}`, '/v1/regnskapssystem/974761076/aapnekrav'];
  const call = async (i: number) => (await fetch(base + paths[i % paths.length]!)).arrayBuffer();
  for (let i = 0; i < 100; i += 1) await call(i);
  const t = performance.now();
  for (let i = 0; i < REQUESTS; i += 1) await call(i);
  const ms = (performance.now() - t) / REQUESTS;
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed / 1e6;
  console.log(`  ${label.padEnd(34)} ${ms.toFixed(3)} ms/call  journal ${km.runtime.journal.size} entries, ${km.runtime.journal.dropped} dropped  heap ${heap.toFixed(0)} MB`);
  await new Promise((resolve) => server.close(resolve));
}

console.log(`Over HTTP, ${REQUESTS} calls one at a time (aapnekrav, innbetalinger, a 404):`);
await serve({ validate: 'off', journal: { size: 0 } }, 'validate=off, no journal');
await serve({ validate: 'report', journal: { size: 0 } }, 'validate=report, no journal');
await serve({ validate: 'report', journal: { size: 500 } }, 'validate=report, journal 500');
await serve({ validate: 'report', journal: { size: 500 } }, 'again (heap stays flat)');
