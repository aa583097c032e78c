// One load run with autocannon (used as a library): a warm-up that is thrown away, then the measured
// run, while the server's resident memory is sampled.
import autocannon from 'autocannon';
import { sampleRss, treeCpuMs } from './processes.js';

export interface LoadSpec {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds of warm-up before the measured run (0 = none). */
  warmup: number;
  /** The server's pid: its process tree's VmRSS is sampled during warm-up and run. */
  pid: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  max: number;
  /** Connection errors (timeouts included) and answers that were not 2xx. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Status code → count, for the answers that were not 2xx. */
  statuses: Record<string, number>;
  peakRssMb: number;
  /** CPU time (user + system) of the server's process tree during the measured run, per answer. */
  cpuMsPerRequest: number;
  /** Mean bytes per response. */
  bytesPerResponse: number;
}

async function cannon(spec: LoadSpec, duration: number): Promise<autocannon.Result> {
  return autocannon({
    url: spec.url,
    headers: spec.headers ?? {},
    connections: spec.connections,
    duration,
    timeout: 10,
  });
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const rss = sampleRss(spec.pid);
  let r: autocannon.Result;
  let peakRssMb = 0;
  let cpuMs = 0;
  try {
    if (spec.warmup > 0) await cannon(spec, spec.warmup);
    const cpuBefore = treeCpuMs(spec.pid);
    r = await cannon(spec, spec.duration);
    cpuMs = treeCpuMs(spec.pid) - cpuBefore;
  } finally {
    peakRssMb = rss.stop(); // in both cases, so the sampler's timer never outlives the run
  }
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) statuses[code] = (stat as { count: number }).count;
  }
  const answered = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statuses,
    peakRssMb,
    cpuMsPerRequest: answered > 0 ? cpuMs / answered : Number.NaN,
    bytesPerResponse: answered > 0 ? r.throughput.total / answered : 0,
  };
}
