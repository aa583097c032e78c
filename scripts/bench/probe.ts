// A quick look at one kravmock target while working on speed: one load run (and optionally a CPU
// profile) of `kravmock serve` from the build, printed, nothing written. `npm run bench` is the
// measurement of record; this is the loop in between.
//
//   npx tsx scripts/bench/probe.ts [path] [--profile] [--duration 5] [--connections 50] [-- serve options…]
//
//   path        default /v1/regnskapssystem/313367002/aapnekrav; a token for the path's party is minted
//   --profile   run under node --cpu-prof and print the top functions (self and inclusive)
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLoad } from './load.js';
import { freePort, start, stop, waitUntilOk } from './processes.js';
import { summarizeProfile } from './profile.js';
import { kravmockArgs } from './targets.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'server', 'cli.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    profile: { type: 'boolean', default: false },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
  },
});
const [path = '/v1/regnskapssystem/313367002/aapnekrav', ...serveExtra] = positionals;
const party = /\/v1\/[a-z]+\/(\d+)\//.exec(path)?.[1];
if (!party) throw new Error(`expected a /v1/<pakke>/<party>/… path, got ${path}`);

const profDir = values.profile ? mkdtempSync(join(tmpdir(), 'kravmock-probe-')) : undefined;
const port = await freePort();
const args = kravmockArgs(CLI, {
  port,
  clock: '2026-11-26',
  access: 'strict',
  validate: 'report',
  fairUseLimit: 0,
  nodeFlags: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
});
const spawned = performance.now();
const target = start({ label: 'kravmock (probe)', command: process.execPath, args: [...args, ...serveExtra], port, cwd: ROOT, env: {} });
try {
  await waitUntilOk(target, { url: `${target.base}/health` }, spawned);
  const minted = await fetch(`${target.base}/__admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org: party, pakke: path.includes('/finans/') ? 'finans' : 'regnskapssystem' }),
  });
  const { access_token: token } = (await minted.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}` };
  const first = await fetch(target.base + path, { headers });
  const bytes = (await first.arrayBuffer()).byteLength;
  if (first.status !== 200) throw new Error(`GET ${path}: ${first.status}`);
  const loadStartMs = performance.now() - spawned;
  const warmup = Number(values.warmup);
  const r = await runLoad({ url: target.base + path, headers, connections: Number(values.connections), duration: Number(values.duration), warmup, pid: target.child.pid! });
  console.log(
    `${path} (${bytes} B): ${r.requestsPerSecond.toFixed(0)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU ${r.cpuMsPerRequest.toFixed(3)} ms/req  RSS ${r.peakRssMb.toFixed(0)} MB  errors ${r.errors}  non-2xx ${r.non2xx}`,
  );
  await stop(target);
  if (profDir) {
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('node --cpu-prof wrote no profile');
    const summary = summarizeProfile(join(profDir, file), ROOT, loadStartMs + warmup * 1000, 25);
    console.log('\nself:');
    for (const s of summary.self) console.log(`  ${s.percent.toFixed(1).padStart(5)} %  ${s.name}`);
    console.log('\ninclusive:');
    for (const s of summary.inclusive) console.log(`  ${s.percent.toFixed(1).padStart(5)} %  ${s.name}`);
  }
} finally {
  await stop(target);
  if (profDir) rmSync(profDir, { recursive: true, force: true });
}
