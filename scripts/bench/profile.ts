// Reads a V8 CPU profile (.cpuprofile, from `node --cpu-prof`) and names where the time went: self
// time per function, inclusive time per function, and time per area (kravmock's own files, each npm
// package, Node's internals, the garbage collector). Percentages are of the samples that were not idle.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds before each sample. */
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Share {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  /** Milliseconds of samples that were not idle. */
  busyMs: number;
  samples: number;
  self: Share[];
  inclusive: Share[];
  areas: Share[];
  /** Inclusive time of the parts of a request named in GROUPS (a sample counts for a group when any frame of its stack is in it). */
  groups: Share[];
}

/**
 * Parts of a request's work, by the frames that do it. `self`: only samples whose innermost frame is
 * in the part (for code that calls everything else, such as express's router); otherwise inclusive.
 */
const GROUPS: readonly { name: string; test: (f: CallFrame) => boolean; self?: boolean }[] = [
  { name: 'ledger replay (`replay`, server/ledger/replay.ts)', test: (f) => f.functionName === 'replay' && f.url.includes('/ledger/replay') },
  { name: 'building the answer (`…View`, server/ledger/view-*.ts)', test: (f) => /View$/.test(f.functionName) && f.url.includes('/ledger/view-') },
  { name: 'response validation (ajv-compiled `validateN`)', test: (f) => /^validate\d+$/.test(f.functionName) },
  { name: 'access token and consent checks (jose)', test: (f) => f.url.includes('/node_modules/jose/') },
  { name: 'serializing the body (`serialize`, server/http/format.ts)', test: (f) => f.functionName === 'serialize' && f.url.includes('/http/format') },
  { name: 'request log (pino)', test: (f) => f.url.includes('/node_modules/pino/') || f.url.includes('/node_modules/sonic-boom/') },
  { name: 'journal (server/journal)', test: (f) => f.url.includes('/server/journal/') },
  { name: 'express and its router, own code only (self time)', test: (f) => f.url.includes('/node_modules/express/') || f.url.includes('/node_modules/router/'), self: true },
  { name: "Node's crypto, own code only (self time: the RS256 signature checks' callbacks)", test: (f) => f.url.startsWith('node:internal/crypto'), self: true },
  { name: 'socket writes (`writev`, self time)', test: (f) => f.functionName === 'writev', self: true },
  { name: 'garbage collector', test: (f) => f.functionName === '(garbage collector)', self: true },
];

const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);

/** Where a script lives, shortened: kravmock's own file, `pkg/…/file` for a package, `node:…` for Node. */
export function shortUrl(url: string, root: string): string {
  if (!url) return '';
  let u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('/node_modules/');
  if (nm >= 0) return u.slice(nm + '/node_modules/'.length);
  if (u.startsWith(root)) u = u.slice(root.length).replace(/^\//, '');
  return u;
}

export function areaOf(url: string, functionName: string, root: string): string {
  if (!url) return SPECIAL.has(functionName) ? functionName : '(native V8/Node code)';
  if (url.startsWith('node:')) return 'Node.js internals (node:…)';
  const short = shortUrl(url, root);
  if (url.includes('/node_modules/')) {
    const parts = short.split('/');
    return `npm: ${parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  if (url.replace(/^file:\/\//, '').startsWith(root)) return `kravmock: ${short.split('/').slice(0, -1).join('/') || short}`;
  return short;
}

function top(map: Map<string, number>, total: number, n: number): Share[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, count]) => ({ name, percent: (100 * count) / total }));
}

/**
 * `skipMs`: leave out the first milliseconds of the profile (start-up, token minting), so only the
 * time under load is counted.
 */
export function summarizeProfile(file: string, root: string, skipMs = 0, n = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

  const keyOf = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame;
    if (SPECIAL.has(functionName) && !url) return functionName;
    const name = functionName || '(anonymous)';
    return url ? `${name} (${shortUrl(url, root)}:${lineNumber + 1})` : `${name} (native)`;
  };

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  const groups = new Map<string, number>(GROUPS.map((g) => [g.name, 0]));
  let busy = 0;
  let counted = 0;
  let elapsedUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    elapsedUs += profile.timeDeltas[i] ?? 0;
    if (elapsedUs < skipMs * 1000) continue;
    counted += 1;
    const id = profile.samples[i]!;
    const node = byId.get(id);
    if (!node) continue;
    if (node.callFrame.functionName === '(idle)') continue;
    busy += 1;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + 1);
    const area = areaOf(node.callFrame.url, node.callFrame.functionName, root);
    areas.set(area, (areas.get(area) ?? 0) + 1);
    const seen = new Set<string>();
    const inGroups = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n2 = byId.get(cur)!;
      for (const g of GROUPS) if ((!g.self || cur === id) && g.test(n2.callFrame)) inGroups.add(g.name);
      const k = keyOf(n2);
      if (SPECIAL.has(n2.callFrame.functionName) || seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + 1);
    }
    for (const g of inGroups) groups.set(g, groups.get(g)! + 1);
  }
  const total = Math.max(1, busy);
  const durationMs = (profile.endTime - profile.startTime) / 1000 - skipMs;
  return {
    busyMs: counted > 0 ? (durationMs * busy) / counted : 0,
    samples: busy,
    self: top(self, total, n),
    inclusive: top(inclusive, total, n),
    areas: top(areas, total, n),
    groups: GROUPS.map((g) => ({ name: g.name, percent: (100 * groups.get(g.name)!) / total })),
  };
}
