// The servers under test, each in its own child process, and what is measured about them from the
// outside: readiness, the resident memory of the process tree (VmRSS from /proc) and a clean stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Target {
  label: string;
  child: ChildProcess;
  port: number;
  base: string;
  /** Everything the process wrote to stderr (and stdout when piped), for the error message when it dies. */
  output: () => string;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  label: string;
  command: string;
  args: readonly string[];
  port: number;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Pipe stdout (and keep it) instead of sending it to /dev/null. Off for load runs: a slow pipe reader would slow the server. */
  pipeStdout?: boolean;
}

export function start(opts: StartOptions): Target {
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', opts.pipeStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { label: opts.label, child, port: opts.port, base: `http://127.0.0.1:${opts.port}`, output: () => output };
}

export interface Probe {
  url: string;
  headers?: Record<string, string>;
}

/**
 * Polls `probe` every `intervalMs` until it answers 2xx; resolves with the milliseconds since `since`.
 * Rejects when the process exits first or after `timeoutMs`.
 */
export async function waitUntilOk(target: Target, probe: Probe, since: number, timeoutMs = 60_000, intervalMs = 10): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (target.child.exitCode !== null || target.child.signalCode !== null) {
      throw new Error(`${target.label} exited (${target.child.exitCode ?? target.child.signalCode}) before it answered:\n${target.output()}`);
    }
    try {
      const res = await fetch(probe.url, { headers: probe.headers ?? {}, signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${target.label} did not answer ${probe.url} within ${timeoutMs} ms:\n${target.output()}`);
    await sleep(intervalMs);
  }
}

/** Stops the process (SIGTERM, then SIGKILL after `graceMs`) and waits for it to exit. */
export async function stop(target: Target, graceMs = 8_000): Promise<void> {
  const { child } = target;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The pid and every descendant of it (from /proc/<pid>/task/<tid>/children). */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i += 1) {
    const p = all[i]!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (children) all.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return all;
}

/** VmRSS of one process in kB, 0 when it is gone. */
function vmRssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and its descendants, in MB. */
export function treeRssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + vmRssKb(p), 0) / 1024;
}

export interface RssSampler {
  /** Stops sampling and returns the peak in MB. */
  stop: () => number;
}

/** Samples the tree's resident memory every `intervalMs` and keeps the peak. */
export function sampleRss(pid: number, intervalMs = 100): RssSampler {
  let peak = treeRssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, treeRssMb(pid));
      return peak;
    },
  };
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime. */
const CLK_TCK = ((): number => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isInteger(n) && n > 0 ? n : 100;
})();

/** CPU time (user + system) one process has used, in ms; 0 when it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return 0;
  }
}

/**
 * CPU time the process tree has used so far, in ms. Unlike requests/s, this hardly depends on what
 * else the machine is doing: CPU ms per request is the cost of a request, not its wait.
 */
export function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + cpuMsOf(p), 0);
}
