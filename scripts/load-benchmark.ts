// How long loading generated scenario files takes, and how much memory it needs.
//
//   npx tsx scripts/load-benchmark.ts [--parties 10000] [--per-file 1] [--format json|yaml] [--seed 42] [--keep]
//
// 1. Generates the parties into a temporary folder (not timed), as `kravmock generate --out <dir>/`
//    does: one file per party unless --per-file says otherwise.
// 2. Loads the folder with loadScenarioFiles in a fresh child process, so the resident memory is the
//    load's own and not the generator's, and prints the load time and the peak resident set size
//    (process.resourceUsage().maxRSS) against the targets: under 5 s and under 500 MB.
// This is a measurement, not a test: the numbers depend on the machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET_SECONDS = 5;
const TARGET_MB = 500;

interface ChildResult {
  scenarios: number;
  parties: number;
  importSeconds: number;
  loadSeconds: number;
  rssBeforeMb: number;
  maxRssMb: number;
}

const mb = (kb: number): number => Math.round(kb / 1024);

/** In the child: import the loader, load the folder, report as one JSON line. */
async function child(dir: string, clock: string): Promise<void> {
  const t0 = performance.now();
  const { loadScenarioFiles } = await import('../server/scenarios/load.js');
  const t1 = performance.now();
  const rssBeforeMb = mb(process.resourceUsage().maxRSS);
  const scenarios = loadScenarioFiles([dir], { defaultClock: clock });
  const t2 = performance.now();
  const result: ChildResult = {
    scenarios: scenarios.length,
    parties: scenarios.reduce((n, s) => n + s.parties.length, 0),
    importSeconds: (t1 - t0) / 1000,
    loadSeconds: (t2 - t1) / 1000,
    rssBeforeMb,
    maxRssMb: mb(process.resourceUsage().maxRSS),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      clock: { type: 'string' },
      parties: { type: 'string', default: '10000' },
      'per-file': { type: 'string', default: '1' },
      format: { type: 'string', default: 'json' },
      seed: { type: 'string', default: '42' },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    await child(values.child, values.clock!);
    return 0;
  }

  const { today } = await import('../server/ledger/dates.js');
  const { generateToFiles } = await import('../server/generator/output.js');
  const parties = Number(values.parties);
  const perFile = Number(values['per-file']);
  const format = values.format === 'yaml' ? 'yaml' : 'json';
  const seed = Number(values.seed);
  const clock = today();
  const dir = mkdtempSync(join(tmpdir(), 'kravmock-load-benchmark-'));
  try {
    console.log(`generating ${parties} parties (seed ${seed}, clock ${clock}, ${format}, ${perFile} per file) in ${dir} ...`);
    const g0 = performance.now();
    const generated = await generateToFiles({ seed, parties, clock, format, layout: { kind: 'dir', path: dir, perFile } });
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    console.log(
      `generated ${generated.parties} parties, ${generated.claims.toLocaleString('en-US')} claims, ${generated.files.length} files, ` +
        `${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - g0) / 1000).toFixed(1)} s (not part of the measurement)`,
    );

    const script = fileURLToPath(import.meta.url);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', dir, '--clock', clock], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status !== 0) {
      console.error(`loading failed (exit ${run.status}):\n${run.stderr.slice(0, 4000)}`);
      return 1;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
    const timeOk = r.loadSeconds < TARGET_SECONDS;
    const memOk = r.maxRssMb < TARGET_MB;
    console.log(`loaded ${r.parties} parties in ${r.scenarios} scenarios (fresh process, node ${process.version})`);
    console.log(`  load time   ${r.loadSeconds.toFixed(2)} s   target < ${TARGET_SECONDS} s    ${timeOk ? 'PASS' : 'FAIL'}   (importing the loader took ${r.importSeconds.toFixed(2)} s more)`);
    console.log(`  peak RSS    ${r.maxRssMb} MB   target < ${TARGET_MB} MB   ${memOk ? 'PASS' : 'FAIL'}   (${r.rssBeforeMb} MB before loading)`);
    console.log(timeOk && memOk ? 'PASS' : 'FAIL');
    return timeOk && memOk ? 0 : 1;
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
