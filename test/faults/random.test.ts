// The random streams behind fault rules and the latency distributions drawn from them: pure
// functions of (seed, n), so these are plain unit tests over many draws.
import { describe, expect, it } from 'vitest';
import { decideFaults, firedCount, latencyOf } from '../../server/faults/decide.js';
import { normalDraw, ruleSeed, serverFaultSeed, unitDraw } from '../../server/faults/random.js';
import type { FaultRule } from '../../server/faults/types.js';

const N = 20_000;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('unitDraw', () => {
  it('is a pure function of (seed, n, k) in the open interval (0, 1)', () => {
    for (const n of range(1000)) {
      const u = unitDraw(42, n, 0);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
      expect(unitDraw(42, n, 0)).toBe(u);
    }
  });

  it('spreads evenly: each tenth of (0, 1) gets about a tenth of 20,000 draws', () => {
    const buckets = new Array<number>(10).fill(0);
    for (const n of range(N)) buckets[Math.floor(unitDraw(7, n, 0) * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - N / 10)).toBeLessThan(N / 10 / 10);
  });

  it('differs between seeds, requests and draws of one request', () => {
    const draws = new Set([unitDraw(1, 0, 0), unitDraw(2, 0, 0), unitDraw(1, 1, 0), unitDraw(1, 0, 1)]);
    expect(draws.size).toBe(4);
  });

  it('normalDraw has mean about 0 and standard deviation about 1', () => {
    const z = range(N).map((n) => normalDraw(3, n, 1));
    const mean = z.reduce((a, b) => a + b, 0) / N;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / N);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('latency distributions', () => {
  it('fixed is always its ms', () => {
    expect(range(100).map((n) => latencyOf({ distribution: 'fixed', ms: 321 }, 9, n))).toEqual(new Array(100).fill(321));
  });

  it('uniform gives whole milliseconds from minMs to maxMs, both ends included', () => {
    const values = range(N).map((n) => latencyOf({ distribution: 'uniform', minMs: 100, maxMs: 104 }, 9, n));
    expect(new Set(values)).toEqual(new Set([100, 101, 102, 103, 104]));
    expect(Math.abs(values.filter((v) => v === 104).length - N / 5)).toBeLessThan(N / 5 / 10);
  });

  it('lognormal has its median at medianMs, a long right tail, and never passes maxMs', () => {
    const values = range(N).map((n) => latencyOf({ distribution: 'lognormal', medianMs: 200, sigma: 0.8, maxMs: 2000 }, 9, n));
    expect(Math.abs(median(values) - 200)).toBeLessThan(10);
    expect(Math.max(...values)).toBe(2000);
    expect(values.filter((v) => v > 400).length).toBeGreaterThan(values.filter((v) => v < 100).length * 0.9);
    const mean = values.reduce((a, b) => a + b, 0) / N;
    expect(mean).toBeGreaterThan(250); // median·exp(σ²/2) ≈ 275 before the cap
  });

  it('lognormal without maxMs is capped at 60000 ms', () => {
    const values = range(2000).map((n) => latencyOf({ distribution: 'lognormal', medianMs: 30000, sigma: 3 }, 9, n));
    expect(Math.max(...values)).toBe(60000);
  });
});

describe('decideFaults', () => {
  const rule = (over: Partial<FaultRule>): FaultRule => ({ id: 'r', probability: 1, seed: 1, ...over });

  it('fires about as often as the probability says, and firedCount replays the same count', () => {
    const r = rule({ probability: 0.3, failure: { type: 'reset' } });
    const counters = new Map<string, number>();
    let fired = 0;
    for (let i = 0; i < N; i += 1) if (decideFaults([r], counters, {}).failure) fired += 1;
    expect(counters.get('r')).toBe(N);
    expect(Math.abs(fired / N - 0.3)).toBeLessThan(0.02);
    expect(firedCount(r, N)).toBe(fired);
  });

  it('describes the firing rules and leaves out those that did not fire or matched nothing', () => {
    const rules = [
      rule({ id: 'slow', latency: { distribution: 'fixed', ms: 5 } }),
      rule({ id: 'never', probability: 0, failure: { type: 'reset' } }),
      rule({ id: 'elsewhere', endpoint: 'krav', failure: { type: 'empty' } }),
      rule({ id: 'down', failure: { type: 'unavailable', retryAfterSeconds: 3 } }),
      rule({ id: 'later', failure: { type: 'error', kode: 'KB-001' } }),
    ];
    const counters = new Map<string, number>();
    const outcome = decideFaults(rules, counters, { endpoint: 'aapnekrav', partIdentifikator: '313367002' });
    expect(outcome.latencyMs).toBe(5);
    expect(outcome.failure?.rule.id).toBe('down');
    expect(outcome.descriptions).toEqual(['fault rule slow: latency 5 ms', 'fault rule down: 503 KRAVMOCK-503, Retry-After 3']);
    expect(Object.fromEntries(counters)).toEqual({ slow: 1, never: 1, down: 1, later: 1 });
  });
});

describe('seeds', () => {
  it('a rule seed is fixed by the server seed and the id', () => {
    expect(ruleSeed(5, 'a')).toBe(ruleSeed(5, 'a'));
    expect(new Set([ruleSeed(5, 'a'), ruleSeed(6, 'a'), ruleSeed(5, 'b')]).size).toBe(3);
  });

  it('the server seed is the one given, else random; a bad one is refused', () => {
    expect(serverFaultSeed(0)).toBe(0);
    expect(serverFaultSeed(4294967295)).toBe(4294967295);
    const random = serverFaultSeed();
    expect(Number.isInteger(random) && random >= 0 && random <= 4294967295).toBe(true);
    expect(() => serverFaultSeed(-1)).toThrow('faultSeed must be a whole number from 0 to 4294967295, got -1');
    expect(() => serverFaultSeed(2.5)).toThrow('faultSeed must be a whole number from 0 to 4294967295, got 2.5');
  });
});
