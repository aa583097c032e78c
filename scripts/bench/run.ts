// `npm run bench`: kravmock side by side with Prism and a bare node:http server, on this machine, in
// one run; writes bench/results.md. See README "Performance and hardening".
//
//   BENCH_DURATION=10 BENCH_WARMUP=2 BENCH_CONNECTIONS=50 npx tsx scripts/bench/run.ts
//
// Environment (all optional):
//   BENCH_DURATION     seconds of each measured load run (default 10; at most 100: minted tokens live 119 s)
//   BENCH_WARMUP       seconds of warm-up before each, thrown away (default 2)
//   BENCH_CONNECTIONS  concurrent connections (default 50)
//   BENCH_PAIRS        back-to-back pairs of kravmock typical and the ceiling for the ceiling share (default 3)
//   BENCH_PARTY        the typical party (default 313367002)
//   BENCH_GROWTH       party sizes for the growth measurement (default 500,2000,8000)
//   BENCH_PROFILE      1: always capture a CPU profile; 0: never; default: when a target is not met
//   BENCH_OUT          where to write the report (default bench/results.md)
//   BENCH_NOTE         a sentence added to the report (e.g. what else ran on the machine)
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGrowthParties, type GrowthParty } from './growth.js';
import { runLoad } from './load.js';
import { describeMachine, loadAverage } from './machine.js';
import { freePort, stop, treeCpuMs, waitUntilOk, type Target } from './processes.js';
import { summarizeProfile } from './profile.js';
import { timeValidation } from './validation.js';
import { renderConsoleTable, renderMarkdown, type BenchReport, type Pair, type Row, type StartupRun } from './report.js';
import { kravmockArgs, prismEntry, startCeiling, startKravmock, startPrism } from './targets.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'server', 'cli.js');
const CONTRACT = 'contracts/openapi.yaml';
const CLOCK = '2026-11-26';
const ONE_YEAR = { fraOgMed: '2025-11-27', tilOgMed: CLOCK };
const LARGE_SCENARIO = 'stor-part-fem-aar';
/** Every answer computed: no answer cache. */
const NO_CACHE = ['--answer-cache', '0'] as const;

function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name}=${raw}: expected a number from ${min} to ${max}`);
  return n;
}

const DURATION = envNumber('BENCH_DURATION', 10, 1, 100);
const WARMUP = envNumber('BENCH_WARMUP', 2, 0, 30);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 50, 1, 1000);
const PAIRS = envNumber('BENCH_PAIRS', 3, 0, 10);
const TYPICAL = process.env.BENCH_PARTY || '313367002';
const GROWTH = (process.env.BENCH_GROWTH || '500,2000,8000').split(',').map((s) => Number(s.trim()));
const PROFILE = process.env.BENCH_PROFILE;
const OUT = resolve(ROOT, process.env.BENCH_OUT || 'bench/results.md');
if (GROWTH.some((n) => !Number.isInteger(n) || n < 1 || n > 50_000)) throw new Error(`BENCH_GROWTH: expected sizes from 1 to 50000, got ${process.env.BENCH_GROWTH}`);

const log = (line: string): void => console.log(line);
const work = mkdtempSync(join(tmpdir(), 'kravmock-bench-'));
const running = new Set<Target>();

async function withTarget<T>(target: Target, fn: (t: Target) => Promise<T>): Promise<T> {
  running.add(target);
  try {
    return await fn(target);
  } finally {
    await stop(target);
    running.delete(target);
  }
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** A real access token for the party's organisation with a system user (rettighetspakke regnskapssystem). */
async function mintToken(base: string, org: string): Promise<string> {
  const body = await json<{ access_token: string }>(`${base}/__admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org, pakke: 'regnskapssystem' }),
  });
  return body.access_token;
}

interface ScenarioList {
  scenarios: { name: string; parties: { partIdentifikator: string; krav: number; innbetalinger: number }[] }[];
}

/** One answer before the load: it must be 200; its bytes and how many items its main list has. */
async function firstAnswer(url: string, headers: Record<string, string>): Promise<{ bytes: Buffer; items: number }> {
  const res = await fetch(url, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${bytes.toString('utf8').slice(0, 500)}`);
  const body = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  const list = body.aapentKravMedGjenstaaendeBeloep ?? body.krav;
  return { bytes, items: Array.isArray(list) ? list.length : 0 };
}

const apiPath = (party: string, resource: string): string => `/v1/regnskapssystem/${party}/${resource}`;
const kravOneYear = (party: string): string => `${apiPath(party, 'krav')}?fraOgMed=${ONE_YEAR.fraOgMed}&tilOgMed=${ONE_YEAR.tilOgMed}`;

interface KravmockCase {
  id: string;
  what: string;
  party: string;
  path: string;
  validate: 'report' | 'off';
  scenarios?: string[];
  noBuiltin?: boolean;
  extra?: readonly string[];
  connections: number;
  duration: number;
  warmup: number;
  nodeFlags?: string[];
}

interface KravmockRun {
  row: Row;
  body: Buffer;
  token: string;
  scenarios: ScenarioList['scenarios'];
  /** Milliseconds from spawn to the start of the load (warm-up included). */
  loadStartMs: number;
}

async function runKravmock(c: KravmockCase): Promise<KravmockRun> {
  const port = await freePort();
  const serve = { port, clock: CLOCK, access: 'strict', validate: c.validate, fairUseLimit: 0, scenarios: c.scenarios ?? [], noBuiltin: c.noBuiltin ?? false, nodeFlags: c.nodeFlags ?? [], ...(c.extra ? { extra: c.extra } : {}) } as const;
  const spawned = performance.now();
  const target = startKravmock(ROOT, CLI, `kravmock (${c.id})`, serve);
  return withTarget(target, async (t) => {
    await waitUntilOk(t, { url: `${t.base}/health` }, performance.now());
    const list = await json<ScenarioList>(`${t.base}/__admin/scenarios`);
    const counts = new Map(list.scenarios.flatMap((s) => s.parties.map((p) => [p.partIdentifikator, p.krav] as const)));
    const token = await mintToken(t.base, c.party);
    const headers = { authorization: `Bearer ${token}` };
    const first = await firstAnswer(t.base + c.path, headers);
    const loadStartMs = performance.now() - spawned;
    const result = await runLoad({ url: t.base + c.path, headers, connections: c.connections, duration: c.duration, warmup: c.warmup, pid: t.child.pid! });
    return {
      row: {
        id: c.id,
        server: 'kravmock',
        what: c.what,
        path: c.path,
        bodyBytes: first.bytes.length,
        items: first.items,
        claims: counts.get(c.party),
        connections: c.connections,
        result,
        command: `node ${kravmockArgs('dist/server/cli.js', { ...serve, port: 0 }).join(' ').replace('--port 0', '--port <p>')}`,
      },
      body: first.bytes,
      token,
      scenarios: list.scenarios,
      loadStartMs,
    };
  });
}

function report(row: Row): void {
  const r = row.result;
  log(
    `  ${row.id.padEnd(24)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  ` +
      `RSS ${r.peakRssMb.toFixed(0).padStart(4)} MB  CPU ${r.cpuMsPerRequest.toFixed(2)} ms/req  errors ${r.errors}  non-2xx ${r.non2xx}  (${row.bodyBytes} B)`,
  );
}

/** Spawn → the "listening" log line and → the first 200 from /v1, and the CPU time used until then. */
async function startupRun(nodeFlags: readonly string[] = []): Promise<StartupRun> {
  const port = await freePort();
  const t0 = performance.now();
  const target = startKravmock(ROOT, CLI, 'kravmock (start-up)', { port, clock: CLOCK, pipeStdout: true, nodeFlags });
  let listeningMs = Number.NaN;
  target.child.stdout?.on('data', (chunk: Buffer) => {
    if (Number.isNaN(listeningMs) && chunk.toString('utf8').includes('kravmock listening')) listeningMs = performance.now() - t0;
  });
  return withTarget(target, async (t) => {
    const firstAnswerMs = await waitUntilOk(t, { url: `${t.base}${apiPath(TYPICAL, 'aapnekrav')}` }, t0, 60_000, 5);
    return { listeningMs, firstAnswerMs, cpuMs: treeCpuMs(t.child.pid!) };
  });
}

async function startupRuns(runs: number): Promise<StartupRun[]> {
  const out: StartupRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const run = await startupRun();
    out.push(run);
    log(`  start-up ${i + 1}: listening after ${run.listeningMs.toFixed(0)} ms, first /v1 answer after ${run.firstAnswerMs.toFixed(0)} ms (${run.cpuMs.toFixed(0)} ms of CPU)`);
  }
  return out;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadStart = loadAverage();
  log(`kravmock benchmark: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb.toFixed(0)} GB, Node ${machine.node}`);
  log(`load average at start: ${loadStart.map((x) => x.toFixed(2)).join(' ')}; ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per target`);
  try {
    readdirSync(join(ROOT, 'dist', 'server'));
  } catch {
    throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');
  }
  const common = { connections: CONNECTIONS, duration: DURATION, warmup: WARMUP };
  const rows: Row[] = [];

  log('\nStart-up (spawn → first successful /v1 answer, built-in scenarios), 5 runs:');
  const startup = await startupRuns(5);

  log(`\nLoad, ${CONNECTIONS} connections:`);
  const typical = await runKravmock({ id: 'kravmock typical', what: 'aapnekrav, typical party, validate report', party: TYPICAL, path: apiPath(TYPICAL, 'aapnekrav'), validate: 'report', ...common });
  rows.push(typical.row);
  report(typical.row);
  const largeScenario = typical.scenarios.find((s) => s.name === LARGE_SCENARIO)?.parties[0];
  if (!largeScenario || largeScenario.krav < 2000) throw new Error(`the ${LARGE_SCENARIO} scenario with a party of 2,000 claims or more is not loaded`);
  const LARGE = largeScenario.partIdentifikator;

  const off = await runKravmock({ id: 'kravmock typical, off', what: 'aapnekrav, typical party, validate off', party: TYPICAL, path: apiPath(TYPICAL, 'aapnekrav'), validate: 'off', ...common });
  rows.push(off.row);
  report(off.row);
  // What a load test of one's own integration can ask for: no log line per request, no journal.
  const lean = await runKravmock({ id: 'kravmock typical, lean', what: 'aapnekrav, typical party, validate report, --log-level warn --journal-size 0', party: TYPICAL, path: apiPath(TYPICAL, 'aapnekrav'), validate: 'report', extra: ['--log-level', 'warn', '--journal-size', '0'], ...common });
  rows.push(lean.row);
  report(lean.row);
  const uncached = await runKravmock({ id: 'kravmock typical, no cache', what: 'aapnekrav, typical party, validate report, --answer-cache 0 (every answer computed)', party: TYPICAL, path: apiPath(TYPICAL, 'aapnekrav'), validate: 'report', extra: NO_CACHE, ...common });
  rows.push(uncached.row);
  report(uncached.row);
  const largeOpen = await runKravmock({ id: 'kravmock large', what: 'aapnekrav, large party, validate report', party: LARGE, path: apiPath(LARGE, 'aapnekrav'), validate: 'report', ...common });
  rows.push(largeOpen.row);
  report(largeOpen.row);
  const largeUncached = await runKravmock({ id: 'kravmock large, no cache', what: 'aapnekrav, large party, validate report, --answer-cache 0 (every answer computed)', party: LARGE, path: apiPath(LARGE, 'aapnekrav'), validate: 'report', extra: NO_CACHE, ...common });
  rows.push(largeUncached.row);
  report(largeUncached.row);
  const largeYear = await runKravmock({ id: 'kravmock large krav 1y', what: 'krav one year, large party, validate report', party: LARGE, path: kravOneYear(LARGE), validate: 'report', ...common });
  rows.push(largeYear.row);
  report(largeYear.row);

  // Prism on the same path with the same headers.
  const prism = prismEntry(ROOT);
  const prismRows: Row[] = [];
  for (const [id, extra, what] of [
    ['Prism', [] as string[], `Prism ${prism.version} (defaults: static examples, log level info)`],
    ['Prism, quiet', ['-v', 'error'], `Prism ${prism.version} (-v error: logging off)`],
  ] as const) {
    const port = await freePort();
    const target = startPrism(ROOT, id, port, CONTRACT, extra);
    const row = await withTarget(target, async (t) => {
      // Prism checks only that a Bearer token is there; kravmock's own token keeps the requests identical.
      const headers = { authorization: `Bearer ${typical.token}` };
      const path = apiPath(TYPICAL, 'aapnekrav');
      await waitUntilOk(t, { url: t.base + path, headers }, performance.now(), 120_000, 50);
      const first = await fetch(t.base + path, { headers });
      const bytes = Buffer.from(await first.arrayBuffer());
      const result = await runLoad({ url: t.base + path, headers, pid: t.child.pid!, ...common });
      return {
        id,
        server: 'Prism',
        what,
        path,
        bodyBytes: bytes.length,
        items: undefined,
        claims: undefined,
        connections: CONNECTIONS,
        result,
        command: `prism mock -p <p> -h 127.0.0.1 ${extra.join(' ')}${extra.length ? ' ' : ''}${CONTRACT}`,
      } satisfies Row;
    });
    rows.push(row);
    prismRows.push(row);
    report(row);
  }

  const bodyFile = join(work, 'typical-aapnekrav.json');
  writeFileSync(bodyFile, typical.body);
  const runCeiling = async (): Promise<Row> => {
    const ceilingPort = await freePort();
    return withTarget(startCeiling(ROOT, ceilingPort, bodyFile), async (t) => {
      await waitUntilOk(t, { url: t.base + '/' }, performance.now());
      const result = await runLoad({ url: t.base + apiPath(TYPICAL, 'aapnekrav'), pid: t.child.pid!, ...common });
      return {
        id: 'node:http ceiling',
        server: 'node:http',
        what: 'the typical aapnekrav bytes, pre-serialized',
        path: apiPath(TYPICAL, 'aapnekrav'),
        bodyBytes: typical.body.length,
        items: typical.row.items,
        claims: undefined,
        connections: CONNECTIONS,
        result,
        command: 'node -e "http.createServer((q, s) => s.end(body))" (scripts/bench/targets.ts)',
      } satisfies Row;
    });
  };
  const ceiling = await runCeiling();
  rows.push(ceiling);
  report(ceiling);

  // This machine's speed drifts from minute to minute (a shared virtual machine): the ceiling share is
  // judged on pairs measured back to back, kravmock then the ceiling, and their median.
  log(`\nPaired runs (kravmock typical, then the ceiling, back to back), ${PAIRS} pairs:`);
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i += 1) {
    const k = await runKravmock({ id: `pair ${i + 1}: kravmock typical`, what: 'aapnekrav, typical party, validate report', party: TYPICAL, path: apiPath(TYPICAL, 'aapnekrav'), validate: 'report', ...common });
    const c = await runCeiling();
    pairs.push({ kravmock: k.row.result.requestsPerSecond, ceiling: c.result.requestsPerSecond, kravmockP99: k.row.result.p99 });
    log(`  pair ${i + 1}: kravmock ${k.row.result.requestsPerSecond.toFixed(0)} req/s (p99 ${k.row.result.p99} ms), ceiling ${c.result.requestsPerSecond.toFixed(0)} req/s: ${((k.row.result.requestsPerSecond / c.result.requestsPerSecond) * 100).toFixed(0)} %`);
  }

  log('\nResponse validation alone, in this process (median ms per response):');
  const validation = timeValidation([
    { label: 'aapnekrav, typical party', operationId: 'hentAapneKrav', bytes: typical.body },
    { label: 'aapnekrav, large party', operationId: 'hentAapneKrav', bytes: largeOpen.body },
    { label: 'krav one year, large party', operationId: 'hentKrav', bytes: largeYear.body },
  ]);
  for (const v of validation) log(`  ${v.label.padEnd(28)} ${String(v.bytes).padStart(7)} B  validate ${v.validateMs.toFixed(3)} ms  JSON.stringify ${v.stringifyMs.toFixed(3)} ms`);

  log(`\nGrowth: one party of ${GROWTH.join(', ')} claims (generated), aapnekrav at 1 connection:`);
  const growthParties = makeGrowthParties({ cli: CLI, dir: work, clock: CLOCK, seed: 20261126, sizes: GROWTH });
  const growth: { party: GrowthParty; row: Row }[] = [];
  const growthComputed: { party: GrowthParty; row: Row }[] = [];
  for (const [series, extra, label] of [
    [growth, [], 'as served (answer cache on)'],
    [growthComputed, NO_CACHE, 'every answer computed (--answer-cache 0)'],
  ] as const) {
    log(`  ${label}:`);
    for (const party of growthParties) {
      const run = await runKravmock({
        id: `growth ${party.claims}${extra.length > 0 ? ', computed' : ''}`,
        what: `aapnekrav, ${party.claims} claims`,
        party: party.partIdentifikator,
        path: apiPath(party.partIdentifikator, 'aapnekrav'),
        validate: 'report',
        scenarios: [party.file],
        noBuiltin: true,
        extra,
        connections: 1,
        duration: Math.max(3, Math.round(DURATION / 2)),
        warmup: Math.min(WARMUP, 1),
      });
      series.push({ party, row: run.row });
      log(`  ${String(party.claims).padStart(5)} claims (${party.copies} × ${party.merged} generated parties): p50 ${run.row.result.p50.toFixed(2)} ms, mean ${run.row.result.mean.toFixed(2)} ms, CPU ${run.row.result.cpuMsPerRequest.toFixed(2)} ms/req, ${run.row.bodyBytes} B, ${run.row.items} open claims`);
    }
  }

  const partial: BenchReport = {
    machine,
    load: { start: loadStart, end: loadAverage() },
    settings: { duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, clock: CLOCK },
    typicalParty: TYPICAL,
    largeParty: LARGE,
    rows,
    prismRows,
    startup,
    growth,
    growthComputed,
    pairs,
    validation,
    profiles: [],
    note: process.env.BENCH_NOTE,
    prismVersion: prism.version,
  };
  const md0 = renderMarkdown(partial);
  const targetsMissed = md0.missed;
  if (PROFILE === '1' || (PROFILE !== '0' && targetsMissed > 0)) {
    const cases = [
      { label: 'typical party', party: TYPICAL, path: apiPath(TYPICAL, 'aapnekrav') },
      { label: 'large party', party: LARGE, path: apiPath(LARGE, 'aapnekrav') },
    ];
    for (const [i, c] of cases.entries()) {
      log(`\nCPU profile of kravmock under the same load (aapnekrav, ${c.label}, validate report, ${CONNECTIONS} connections), under load only:`);
      const profDir = join(work, `profile-${i}`);
      mkdirSync(profDir);
      const run = await runKravmock({ id: `profile ${c.label}`, what: 'profile', party: c.party, path: c.path, validate: 'report', nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profDir}`], ...common });
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error('node --cpu-prof wrote no profile');
      const summary = summarizeProfile(join(profDir, file), ROOT, run.loadStartMs + WARMUP * 1000);
      partial.profiles.push({ label: c.label, requestsPerSecond: run.row.result.requestsPerSecond, summary });
      for (const s of summary.self.slice(0, 10)) log(`  ${s.percent.toFixed(1).padStart(5)} %  ${s.name}`);
    }
    const startupMissed = md0.checks.some((c) => c.id === 'startup' && !c.ok);
    if (PROFILE === '1' || startupMissed) {
      log('\nCPU profile of a start-up (spawn → first /v1 answer):');
      const profDir = join(work, 'profile-startup');
      mkdirSync(profDir);
      const run = await startupRun(['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
      const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
      if (!file) throw new Error('node --cpu-prof wrote no profile');
      const summary = summarizeProfile(join(profDir, file), ROOT);
      partial.profiles.push({ label: `start-up (${(run.firstAnswerMs / 1000).toFixed(2)} s to the first answer while profiled, whole process life)`, requestsPerSecond: Number.NaN, summary });
      for (const s of summary.inclusive.slice(0, 10)) log(`  ${s.percent.toFixed(1).padStart(5)} %  ${s.name}`);
    }
  }
  partial.load.end = loadAverage();

  const md = renderMarkdown(partial);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, md.text);
  log(`\n${renderConsoleTable(partial)}`);
  log(`\nwrote ${OUT}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const t of running) await stop(t);
  rmSync(work, { recursive: true, force: true });
}
