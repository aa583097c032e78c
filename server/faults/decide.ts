// Which fault rules fire for one API request, and what they do. Every rule that matches the request
// (its party and endpoint, when it names them) takes the next number of its random stream: the rule
// fires when the draw is below its probability. Latencies of all firing rules add up; the first
// firing failure, in rule order, decides the answer.
import type { Resource } from '../http/request-validation.js';
import { normalDraw, unitDraw } from './random.js';
import { DEFAULT_MAX_LATENCY_MS, type Failure, type FaultRule, type Latency } from './types.js';

/** The request a rule is matched against. */
export interface FaultTarget {
  partIdentifikator?: string;
  endpoint?: Resource;
}

export interface FaultOutcome {
  /** Sum of the latencies of the firing rules, in whole milliseconds. */
  latencyMs: number;
  /** The failure of the first firing rule that has one. */
  failure?: { rule: FaultRule; failure: Failure };
  /** One line per firing rule, e.g. `fault rule slow: latency 812 ms`. */
  descriptions: string[];
}

// Draw 0 of a request decides whether the rule fires; draws 1 and 2 are the latency's.
const FIRE_DRAW = 0;
const LATENCY_DRAW = 1;

export function matches(rule: FaultRule, target: FaultTarget): boolean {
  return (rule.partIdentifikator === undefined || rule.partIdentifikator === target.partIdentifikator) && (rule.endpoint === undefined || rule.endpoint === target.endpoint);
}

function fires(rule: FaultRule, n: number): boolean {
  return unitDraw(rule.seed, n, FIRE_DRAW) < rule.probability;
}

/** The latency of the rule's n-th matching request, in whole milliseconds. */
export function latencyOf(latency: Latency, seed: number, n: number): number {
  switch (latency.distribution) {
    case 'fixed':
      return latency.ms;
    case 'uniform':
      return Math.floor(latency.minMs + unitDraw(seed, n, LATENCY_DRAW) * (latency.maxMs - latency.minMs + 1));
    case 'lognormal': {
      const ms = latency.medianMs * Math.exp(latency.sigma * normalDraw(seed, n, LATENCY_DRAW));
      return Math.min(Math.round(ms), latency.maxMs ?? DEFAULT_MAX_LATENCY_MS);
    }
  }
}

export function describeFailure(failure: Failure): string {
  switch (failure.type) {
    case 'error':
      return `500 ${failure.kode}`;
    case 'unavailable':
      return `503 KRAVMOCK-503, Retry-After ${failure.retryAfterSeconds}`;
    case 'rateLimit':
      return `429 KRAVMOCK-429, Retry-After ${failure.retryAfterSeconds}`;
    default:
      return failure.type;
  }
}

/**
 * Draws every matching rule for one request and advances its counter in `counters` (the scope's
 * `faultCounters`: per rule id, how many matching requests it has seen).
 */
export function decideFaults(rules: readonly FaultRule[], counters: Map<string, number>, target: FaultTarget): FaultOutcome {
  const outcome: FaultOutcome = { latencyMs: 0, descriptions: [] };
  for (const rule of rules) {
    if (!matches(rule, target)) continue;
    const n = counters.get(rule.id) ?? 0;
    counters.set(rule.id, n + 1);
    if (!fires(rule, n)) continue;
    const effects: string[] = [];
    if (rule.latency) {
      const ms = latencyOf(rule.latency, rule.seed, n);
      outcome.latencyMs += ms;
      effects.push(`latency ${ms} ms`);
    }
    if (rule.failure && !outcome.failure) {
      outcome.failure = { rule, failure: rule.failure };
      effects.push(describeFailure(rule.failure));
    }
    if (effects.length > 0) outcome.descriptions.push(`fault rule ${rule.id}: ${effects.join(', ')}`);
  }
  return outcome;
}

/** How often the rule has fired over its first `matched` requests (replayed from its stream). */
export function firedCount(rule: FaultRule, matched: number): number {
  if (rule.probability >= 1) return matched;
  if (rule.probability <= 0) return 0;
  let fired = 0;
  for (let n = 0; n < matched; n += 1) if (fires(rule, n)) fired += 1;
  return fired;
}
