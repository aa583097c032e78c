// bench/results.md and the summary printed at the end of `npm run bench`: the table, the ratios
// against the targets, validation cost, start-up, growth and the profile.
import type { GrowthParty } from './growth.js';
import type { LoadResult } from './load.js';
import type { Machine } from './machine.js';
import type { ProfileSummary } from './profile.js';
import type { ValidationTiming } from './validation.js';

export interface Row {
  id: string;
  server: string;
  what: string;
  path: string;
  bodyBytes: number;
  /** Items in the answer's main list (open claims, claims). */
  items: number | undefined;
  /** Claims in the party's ledger. */
  claims: number | undefined;
  connections: number;
  result: LoadResult;
  command: string;
}

export interface StartupRun {
  /** Spawn → the "kravmock listening" log line. */
  listeningMs: number;
  /** Spawn → the first 200 from /v1. */
  firstAnswerMs: number;
  /** CPU time (user + system) the server had used when it gave that answer. */
  cpuMs: number;
}

export interface BenchReport {
  machine: Machine;
  load: { start: [number, number, number]; end: [number, number, number] };
  settings: { duration: number; warmup: number; connections: number; clock: string };
  typicalParty: string;
  largeParty: string;
  rows: Row[];
  prismRows: Row[];
  startup: StartupRun[];
  /** aapnekrav as served: answers from the answer cache once computed. */
  growth: GrowthSeries;
  /** The same with `--answer-cache 0`: every answer replays the ledger and builds the view. */
  growthComputed: GrowthSeries;
  /** Back-to-back pairs for the ceiling share (the machine's speed drifts between targets). */
  pairs: Pair[];
  validation: ValidationTiming[];
  /** CPU profiles of kravmock under load, when taken. */
  profiles: { label: string; requestsPerSecond: number; summary: ProfileSummary }[];
  note: string | undefined;
  prismVersion: string;
}

export const TARGETS = {
  prismRatio: 5,
  ceilingShare: 0.4,
  p99Ms: 25,
  startupMs: 1500,
} as const;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f0 = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const f1 = (n: number): string => n.toFixed(1);
const f2 = (n: number): string => n.toFixed(2);
const met = (ok: boolean): string => (ok ? '**met**' : '**not met**');
const load3 = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');

interface Evaluation {
  typical: Row;
  off: Row | undefined;
  prism: Row | undefined;
  prismQuiet: Row | undefined;
  ceiling: Row | undefined;
  prismRatio: number;
  prismQuietRatio: number;
  ceilingShare: number;
  startupMedian: number;
  listeningMedian: number;
  checks: Check[];
}

export interface Check {
  id: 'prism' | 'ceiling' | 'p99' | 'startup';
  name: string;
  required: string;
  measured: string;
  ok: boolean;
}

function evaluate(r: BenchReport): Evaluation {
  const find = (id: string): Row | undefined => r.rows.find((row) => row.id === id);
  const typical = find('kravmock typical');
  if (!typical) throw new Error('no typical-party row');
  const prism = find('Prism');
  const prismQuiet = find('Prism, quiet');
  const ceiling = find('node:http ceiling');
  const rps = typical.result.requestsPerSecond;
  const prismRatio = prism ? rps / prism.result.requestsPerSecond : Number.NaN;
  const prismQuietRatio = prismQuiet ? rps / prismQuiet.result.requestsPerSecond : Number.NaN;
  const singleShare = ceiling ? rps / ceiling.result.requestsPerSecond : Number.NaN;
  const pairShares = r.pairs.map((p) => p.kravmock / p.ceiling);
  const ceilingShare = pairShares.length > 0 ? median(pairShares) : singleShare;
  const ceilingMeasured =
    pairShares.length > 0
      ? `${f0(ceilingShare * 100)} % (median of ${pairShares.length} back-to-back pairs: ${pairShares.map((x) => `${f0(x * 100)} %`).join(', ')}; the main table's runs, minutes apart: ${f0(singleShare * 100)} %)`
      : `${f0(ceilingShare * 100)} %`;
  const startupMedian = median(r.startup.map((s) => s.firstAnswerMs));
  const listeningMedian = median(r.startup.map((s) => s.listeningMs));
  const checks: Check[] = [
    { id: 'prism', name: `kravmock / Prism, requests/s (aapnekrav, typical party, validation on)`, required: `≥ ${TARGETS.prismRatio}×`, measured: `${f1(prismRatio)}×`, ok: prismRatio >= TARGETS.prismRatio },
    { id: 'ceiling', name: `kravmock / node:http ceiling, requests/s (typical party, validation on)`, required: `≥ ${TARGETS.ceilingShare * 100} %`, measured: ceilingMeasured, ok: ceilingShare >= TARGETS.ceilingShare },
    { id: 'p99', name: `p99 latency at ${typical.connections} connections (typical party, validation on)`, required: `< ${TARGETS.p99Ms} ms`, measured: `${f1(typical.result.p99)} ms`, ok: typical.result.p99 < TARGETS.p99Ms },
    { id: 'startup', name: `start-up with the built-in scenarios (median of ${r.startup.length}, spawn → first /v1 answer)`, required: `< ${TARGETS.startupMs / 1000} s`, measured: `${f2(startupMedian / 1000)} s`, ok: startupMedian < TARGETS.startupMs },
  ];
  return { typical, off: find('kravmock typical, off'), prism, prismQuiet, ceiling, prismRatio, prismQuietRatio, ceilingShare, startupMedian, listeningMedian, checks };
}

/** kravmock (typical party) and the ceiling measured back to back. */
export interface Pair {
  kravmock: number;
  ceiling: number;
  kravmockP99: number;
}

export type GrowthSeries = { party: GrowthParty; row: Row }[];

interface Fit {
  exponent: number;
  verdict: string;
}

/** time ∝ claims^exponent between the smallest and the largest party. */
function fit(g: GrowthSeries, value: (x: LoadResult) => number): Fit {
  if (g.length < 2) return { exponent: Number.NaN, verdict: 'too few sizes to tell' };
  const a = g[0]!;
  const b = g[g.length - 1]!;
  const exponent = Math.log(value(b.row.result) / value(a.row.result)) / Math.log(b.party.claims / a.party.claims);
  if (!Number.isFinite(exponent)) return { exponent, verdict: 'not measurable (a time of 0)' };
  const verdict = exponent <= 0.9 ? 'better than linear' : exponent <= 1.1 ? 'linear' : 'worse than linear';
  return { exponent, verdict };
}

// The mean, not p50: autocannon's percentiles are whole milliseconds, and answers from the cache take less.
const meanOf = (x: LoadResult): number => x.mean;
const cpuOf = (x: LoadResult): number => x.cpuMsPerRequest;

function statuses(result: LoadResult): string {
  const codes = Object.entries(result.statuses).map(([code, n]) => `${n}× ${code}`);
  return codes.length ? ` (${codes.join(', ')})` : '';
}

export function renderMarkdown(r: BenchReport): { text: string; missed: number; checks: Check[] } {
  const e = evaluate(r);
  const m = r.machine;
  const busy = r.load.start[0] > m.cores * 0.5 || r.load.end[0] > m.cores * 0.5;
  const lines: string[] = [];
  const out = (s = ''): void => {
    lines.push(s);
  };

  out('# kravmock benchmark results');
  out();
  out(`Written by \`npm run bench\` (scripts/bench/run.ts) on ${m.date}. The numbers are this machine's, at that time.`);
  out();
  out('## Machine');
  out();
  out(`- CPU: ${m.cpuModel}, ${m.cores} cores; memory ${m.memoryGb.toFixed(1)} GB`);
  out(`- Node ${m.node}, ${m.kernel}`);
  out(`- Load average (1, 5, 15 min): ${load3(r.load.start)} at the start, ${load3(r.load.end)} at the end`);
  if (busy) {
    out(`- **The machine was busy** (load average above half its ${m.cores} cores): other work shared the CPUs with this run, so every number here is depressed, the more so the more CPU a target needs; compare the rows with each other rather than with another machine. A run on a quiet machine is needed for the absolute numbers.`);
  }
  if (r.note) out(`- Note: ${r.note}`);
  out(`- The load generator (autocannon, in the bench process) runs on the same ${m.cores} cores as the server under test, as it would in a vendor's CI.`);
  out();
  out('## Settings');
  out();
  out(`- ${r.settings.connections} connections, keep-alive; ${r.settings.warmup} s warm-up (thrown away), then ${r.settings.duration} s measured, per target; each target a fresh child process.`);
  out(`- kravmock as \`kravmock serve\` from the build: \`${e.typical.command}\`, with a real access token minted by \`POST /__admin/tokens\` (\`{"org": "<party>", "pakke": "regnskapssystem"}\`: a system user for the party) sent as \`Authorization: Bearer\`. \`--fair-use-limit 0\`: in strict mode kravmock allows 5 concurrent calls per organisation, as Skatteetaten does, and answers the sixth with 429; a load test from one organisation turns that off. Log level info (one JSON line per request) to /dev/null; journal of 1,000 requests (the defaults).`);
  out(`- Typical party: ${r.typicalParty} (${e.typical.claims ?? '?'} claims in its ledger, ${e.typical.items ?? '?'} open, ${f0(e.typical.bodyBytes)} bytes of aapnekrav). Large party: ${r.largeParty} of \`scenarios/stor-part-fem-aar.yaml\` (${r.rows.find((x) => x.id === 'kravmock large')?.claims ?? '?'} claims).`);
  out(`- Prism: \`@stoplight/prism-cli\` ${r.prismVersion}, \`prism mock -p <port> -h 127.0.0.1 contracts/openapi.yaml\` (static mode; the contract has no examples, so Prism answers an example built from the schema), run with this Node directly. It parses the OpenAPI 3.1 contract as it is. It requires the security scheme, so it gets the same \`Authorization\` header; it does not check the token.`);
  out(`- Ceiling: \`node:http\` answering every request with the exact bytes of kravmock's typical aapnekrav answer, pre-serialized.`);
  out(`- Peak RSS: VmRSS of the server's process tree from /proc, sampled every 100 ms during warm-up and run.`);
  out();
  out('## Results');
  out();
  out('| Target | What | Body (bytes) | Requests/s | p50 (ms) | p99 (ms) | Peak RSS (MB) | Server CPU per request (ms) | Errors | Non-2xx |');
  out('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of r.rows) {
    const x = row.result;
    out(`| ${row.id} | ${row.what} | ${f0(row.bodyBytes)} | ${f0(x.requestsPerSecond)} | ${f1(x.p50)} | ${f1(x.p99)} | ${f0(x.peakRssMb)} | ${f2(x.cpuMsPerRequest)} | ${x.errors}${x.timeouts ? ` (${x.timeouts} timeouts)` : ''} | ${x.non2xx}${statuses(x)} |`);
  }
  out();
  out('Server CPU per request is the user + system CPU time of the server\'s process tree during the measured run (from /proc/<pid>/stat) divided by the answers: what a request costs, which depends far less on what else the machine is doing than requests/s and latency do.');
  out();
  out('## Against the targets');
  out();
  out('| Target | Required | Measured | |');
  out('|---|---|---|---|');
  for (const c of e.checks) out(`| ${c.name} | ${c.required} | ${c.measured} | ${met(c.ok)} |`);
  out();
  if (e.prismQuiet) {
    out(`Against Prism with its logging turned off (\`-v error\`), kravmock does ${f1(e.prismQuietRatio)}× Prism's requests/s. kravmock keeps its own per-request log line in both cases.`);
    const lean = r.rows.find((row) => row.id === 'kravmock typical, lean');
    if (lean && e.ceiling) {
      const share = lean.result.requestsPerSecond / e.ceiling.result.requestsPerSecond;
      out();
      out(`Without the per-request log line and the journal (\`--log-level warn --journal-size 0\`, the "lean" row, what a load test of one's own integration can ask for), kravmock does ${f0(lean.result.requestsPerSecond)} requests/s, p99 ${f1(lean.result.p99)} ms: ${f0(share * 100)} % of the ceiling's single run and ${f1(lean.result.requestsPerSecond / (e.prism?.result.requestsPerSecond ?? Number.NaN))}× Prism. The targets are judged on the defaults.`);
    }
    out();
  }
  const missed = e.checks.filter((c) => !c.ok).length;
  if (e.prism && e.ceiling) {
    const cpu = e.typical.result.cpuMsPerRequest;
    out(`By CPU per request instead of requests/s (an estimate of the ratios on a machine with nothing else running, each server with the same CPU): kravmock ${f2(cpu)} ms, Prism ${f2(e.prism.result.cpuMsPerRequest)} ms${e.prismQuiet ? ` (quiet ${f2(e.prismQuiet.result.cpuMsPerRequest)} ms)` : ''}, node:http ${f2(e.ceiling.result.cpuMsPerRequest)} ms: kravmock/Prism ≈ ${f1(e.prism.result.cpuMsPerRequest / cpu)}×${e.prismQuiet ? ` (quiet ${f1(e.prismQuiet.result.cpuMsPerRequest / cpu)}×)` : ''}, kravmock/ceiling ≈ ${f0((100 * e.ceiling.result.cpuMsPerRequest) / cpu)} %. The targets above are judged on the measured requests/s, not on this estimate.`);
    out();
  }

  out('## Cost of validation');
  out();
  if (r.validation.length > 0) {
    out('The validator alone (kravmock\'s own, as `--validate report` runs it on every answer it computes; an answer from the answer cache was checked when it was made and its verdict is remembered), timed in the bench process on the bodies the load runs received; median of many calls. The last column compares it with the CPU of a request served from the cache, so it says what checking every answer again would add:');
    out();
    out('| Answer | Bytes | Validation (ms) | JSON.stringify of the same body (ms) | Validation / server CPU per request |');
    out('|---|---:|---:|---:|---:|');
    const rowFor: Record<string, string> = { 'aapnekrav, typical party': 'kravmock typical', 'aapnekrav, large party': 'kravmock large', 'krav one year, large party': 'kravmock large krav 1y' };
    for (const v of r.validation) {
      const row = r.rows.find((x) => x.id === rowFor[v.label]);
      const share = row ? `${f0((100 * v.validateMs) / row.result.cpuMsPerRequest)} %` : '';
      out(`| ${v.label} | ${f0(v.bytes)} | ${v.validateMs.toFixed(3)} | ${v.stringifyMs.toFixed(3)} | ${share} |`);
    }
    out();
  }
  if (e.off) {
    const on = e.typical.result;
    const offR = e.off.result;
    const loss = 1 - on.requestsPerSecond / offR.requestsPerSecond;
    const typicalTiming = r.validation.find((v) => v.label === 'aapnekrav, typical party');
    const validatorShare = typicalTiming ? typicalTiming.validateMs / offR.cpuMsPerRequest : undefined;
    out(`Over HTTP (typical party, aapnekrav, ${e.typical.connections} connections, each mode its own server): \`--validate report\` ${f0(on.requestsPerSecond)} requests/s, p50 ${f1(on.p50)} ms, ${f2(on.cpuMsPerRequest)} ms CPU per request; \`--validate off\` ${f0(offR.requestsPerSecond)} requests/s, p50 ${f1(offR.p50)} ms, ${f2(offR.cpuMsPerRequest)} ms CPU per request. ${
      loss <= 0.05
        ? `No cost of validation shows over HTTP in this run (${loss < 0 ? 'validation off was the slower of the two' : 'under 5 %'}): the typical party's answer comes from the answer cache, checked once when it was made, so what is left is smaller than the run-to-run variation on this machine; the timing above is what checking every answer again would cost.`
        : validatorShare !== undefined && validatorShare < loss / 3
          ? `The run with validation off was ${f0(loss * 100)} % faster, but the validator itself takes ${f0(validatorShare * 100)} % of a request's CPU (above): the difference is mostly the run-to-run variation of this machine, and the timing above is the one to go by.`
          : `Validation on costs ${f0(loss * 100)} % of the throughput in this run.`
    }`);
  }
  out();
  out('## Start-up');
  out();
  out(`\`node dist/server/cli.js serve --port <p> --clock ${r.settings.clock}\` with the built-in parties and the scenario library (${r.startup.length} runs): spawn → "kravmock listening" log line median ${f0(e.listeningMedian)} ms; spawn → first successful \`GET /v1/regnskapssystem/${r.typicalParty}/aapnekrav\` median **${f0(e.startupMedian)} ms** (runs: ${r.startup.map((s) => f0(s.firstAnswerMs)).join(', ')} ms). CPU time used by then (user + system, all threads): median ${f0(median(r.startup.map((s) => s.cpuMs)))} ms — above the wall time when the process uses more than one thread, below it when it waits for the CPU.`);
  out();
  out('## Growth of the large party');
  out();
  out(`One party made of generated ledgers (\`kravmock generate\`; scripts/bench/growth.ts): a block of ${r.growth[0]?.party.merged ?? '?'} generated AS ledgers merged into one party, repeated ${r.growth.map((g) => `${g.party.copies}×`).join(', ')}, so every size has the same mix of claims, payments and open claims; loaded with \`--scenarios <file> --no-builtin\`; aapnekrav at 1 connection, ${Math.max(3, Math.round(r.settings.duration / 2))} s each, validation on. Twice: as kravmock serves it (the answer is computed once and then comes from the answer cache until the ledger or the clock changes), and with \`--answer-cache 0\`, where every request replays the whole ledger and builds the answer — what the first request after every change costs.`);
  out();
  for (const [title, series] of [
    ['As served (answer cache on)', r.growth],
    ['Every answer computed (`--answer-cache 0`)', r.growthComputed],
  ] as const) {
    out(`### ${title}`);
    out();
    out('| Claims | Open claims | Body (bytes) | p50 (ms) | mean (ms) | p99 (ms) | ms per 1,000 claims (p50) | CPU per request (ms) | CPU ms per 1,000 claims | Peak RSS (MB) |');
    out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const { party, row } of series) {
      const x = row.result;
      out(`| ${f0(party.claims)} | ${f0(row.items ?? 0)} | ${f0(row.bodyBytes)} | ${f2(x.p50)} | ${f2(x.mean)} | ${f2(x.p99)} | ${f2((x.p50 / party.claims) * 1000)} | ${f2(x.cpuMsPerRequest)} | ${f2((x.cpuMsPerRequest / party.claims) * 1000)} | ${f0(x.peakRssMb)} |`);
    }
    out();
    const byMean = fit(series, meanOf);
    const byCpu = fit(series, cpuOf);
    if (Number.isFinite(byMean.exponent)) {
      const a = series[0]!;
      const b = series[series.length - 1]!;
      out(`From ${f0(a.party.claims)} to ${f0(b.party.claims)} claims (×${f1(b.party.claims / a.party.claims)}) the mean latency grows ×${f1(b.row.result.mean / a.row.result.mean)}: ∝ claims^${f2(byMean.exponent)}, **${byMean.verdict}**; the CPU per request grows ×${f1(b.row.result.cpuMsPerRequest / a.row.result.cpuMsPerRequest)}: ∝ claims^${f2(byCpu.exponent)}, **${byCpu.verdict}**. (The open claims and the answer grow with the party too.)`);
      if (series.length > 2) {
        const steps = series.slice(1).map((b, i) => {
          const a = series[i]!;
          const k = (v: (x: LoadResult) => number): string => f2(Math.log(v(b.row.result) / v(a.row.result)) / Math.log(b.party.claims / a.party.claims));
          return `${f0(a.party.claims)} → ${f0(b.party.claims)}: mean ∝ claims^${k(meanOf)}, CPU ∝ claims^${k(cpuOf)}`;
        });
        out();
        out(`Step by step: ${steps.join('; ')}.`);
      }
    } else {
      out(`Mean latency: ${byMean.verdict}; CPU per request ∝ claims^${f2(byCpu.exponent)}, ${byCpu.verdict}.`);
    }
    out();
  }
  if (r.profiles.length > 0) {
    out('## CPU profiles');
    out();
    out(`\`node --cpu-prof\` on kravmock (the same command line) under the same load as its row (aapnekrav, ${r.settings.connections} connections, validation on), counting only the samples taken after the warm-up: start-up, token minting and warm-up are left out. Percentages of the time the process was not idle.`);
    out();
  }
  for (const { label, requestsPerSecond, summary: p } of r.profiles) {
    out(`### ${label[0]!.toUpperCase()}${label.slice(1)}`);
    out();
    out(`${f0(p.samples)} samples, ${f0(p.busyMs)} ms not idle${Number.isFinite(requestsPerSecond) ? `; ${f0(requestsPerSecond)} requests/s while profiled` : ''}.`);
    out();
    if (!label.startsWith('start-up')) {
      out('Parts of the work (inclusive — a part and everything it calls, so parts overlap — unless marked self time):');
      out();
      out('| % | Part |');
      out('|---:|---|');
      for (const g of p.groups) out(`| ${f1(g.percent)} | ${g.name} |`);
      out();
    }
    out('Self time, top functions:');
    out();
    out('| % | Function (file:line) |');
    out('|---:|---|');
    for (const s of p.self) out(`| ${f1(s.percent)} | \`${s.name}\` |`);
    out();
    out('Inclusive time (the function and everything it calls), top functions:');
    out();
    out('| % | Function (file:line) |');
    out('|---:|---|');
    for (const s of p.inclusive) out(`| ${f1(s.percent)} | \`${s.name}\` |`);
    out();
    out('Self time by area:');
    out();
    out('| % | Area |');
    out('|---:|---|');
    for (const s of p.areas) out(`| ${f1(s.percent)} | ${s.name} |`);
    out();
  }
  return { text: `${lines.join('\n')}\n`, missed, checks: e.checks };
}

export function renderConsoleTable(r: BenchReport): string {
  const e = evaluate(r);
  const lines = [
    `${'target'.padEnd(26)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'RSS MB'.padStart(7)} ${'CPU ms/req'.padStart(10)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}`,
    ...r.rows.map((row) => {
      const x = row.result;
      return `${row.id.padEnd(26)} ${f0(x.requestsPerSecond).padStart(8)} ${f1(x.p50).padStart(8)} ${f1(x.p99).padStart(8)} ${f0(x.peakRssMb).padStart(7)} ${f2(x.cpuMsPerRequest).padStart(10)} ${String(x.errors).padStart(7)} ${String(x.non2xx).padStart(8)}`;
    }),
    '',
    `kravmock/Prism ${f1(e.prismRatio)}× (Prism quiet: ${f1(e.prismQuietRatio)}×), kravmock/ceiling ${f0(e.ceilingShare * 100)} %`,
    ...e.checks.map((c) => `${c.ok ? 'met    ' : 'NOT MET'}  ${c.name}: ${c.measured} (${c.required})`),
  ];
  for (const [label, series] of [
    ['growth as served', r.growth],
    ['growth, every answer computed', r.growthComputed],
  ] as const) {
    const byMean = fit(series, meanOf);
    const byCpu = fit(series, cpuOf);
    if (series.length > 1) lines.push(`${label}: mean latency ∝ claims^${f2(byMean.exponent)} (${byMean.verdict}), CPU per request ∝ claims^${f2(byCpu.exponent)} (${byCpu.verdict})`);
  }
  return lines.join('\n');
}
