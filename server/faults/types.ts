// What a fault profile is: which requests it matches, how likely it fires, and what it does. The
// rules live in a World (so sessions have their own); what happens to a request is decided in
// server/faults.
import type { Resource } from '../http/request-validation.js';

/** The cap of a lognormal latency without its own `maxMs`, and the most any one latency may be. */
export const DEFAULT_MAX_LATENCY_MS = 60_000;
/** Retry-After of `unavailable` and `rateLimit` failures that name none. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

export type Latency =
  | { distribution: 'fixed'; ms: number }
  | { distribution: 'uniform'; minMs: number; maxMs: number }
  /** median·exp(sigma·z), z standard normal; capped at `maxMs` (stored rules always have it). */
  | { distribution: 'lognormal'; medianMs: number; sigma: number; maxMs?: number };

export type Failure =
  | { type: 'error'; kode: 'KB-001' | 'KB-002' }
  | { type: 'unavailable'; retryAfterSeconds: number }
  | { type: 'rateLimit'; retryAfterSeconds: number }
  | { type: 'reset' }
  | { type: 'empty' }
  | { type: 'truncated' };

export interface FaultRule {
  id: string;
  /** Only requests for this party; every party when absent. */
  partIdentifikator?: string;
  /** Only this endpoint; every endpoint when absent. */
  endpoint?: Resource;
  /** Chance that the rule fires for a matching request, 0..1. */
  probability: number;
  latency?: Latency;
  failure?: Failure;
  /** Seed of the rule's random stream: the n-th matching request always draws the same numbers. */
  seed: number;
}
