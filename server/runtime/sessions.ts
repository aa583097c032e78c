// Scopes of state: the shared one, and one per `X-Kravmock-Session` id. A session starts as a copy
// of the shared baseline (the loaded scenarios, the start clock, no faults) — a reference, since a
// World is immutable — and from then on its requests and admin calls see and change only its own
// copy. Sessions idle longer than the time to live are dropped; the sweep runs as requests arrive,
// so no timer keeps a process alive.
import type { World } from './world.js';

export const SESSION_HEADER = 'X-Kravmock-Session';
export const DEFAULT_SESSION_TTL_MS = 30 * 60_000;
export const DEFAULT_MAX_SESSIONS = 10_000;

const SESSION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export const SESSION_ID_EXPECTATION = '1 to 128 characters from A-Z a-z 0-9 . _ : -';

export interface Scope {
  /** The session id; undefined for the shared state. */
  readonly id: string | undefined;
  world: World;
  /** What a reset returns to. */
  baseline: World;
  readonly createdAt: number;
  lastUsed: number;
  /** Per fault rule id: how many matching requests it has seen (the index into its random stream). */
  readonly faultCounters: Map<string, number>;
}

export interface SessionOptions {
  /** Idle time after which a session is dropped (default 30 minutes). */
  ttlMs?: number;
  /** Most sessions alive at once (default 10,000); a new one beyond that is refused. */
  maxSessions?: number;
  now?: () => number;
}

export class SessionLimitError extends Error {
  override name = 'SessionLimitError';
}

/** Why a session id is unusable, or undefined when it is fine. */
export function sessionIdProblem(id: string): string | undefined {
  return SESSION_ID.test(id) ? undefined : `'${id.length > 140 ? `${id.slice(0, 140)}…` : id}' is not a session id: expected ${SESSION_ID_EXPECTATION}`;
}

export class Sessions {
  readonly shared: Scope;
  readonly ttlMs: number;
  readonly maxSessions: number;
  private readonly sessions = new Map<string, Scope>();
  private readonly now: () => number;
  private lastSweep: number;

  constructor(baseline: World, options: SessionOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    if (!(Number.isFinite(this.ttlMs) && this.ttlMs > 0)) throw new RangeError(`sessions.ttlMs must be a number of milliseconds above 0, got ${this.ttlMs}`);
    if (!(Number.isInteger(this.maxSessions) && this.maxSessions >= 1)) throw new RangeError(`sessions.maxSessions must be a whole number, at least 1, got ${this.maxSessions}`);
    const now = this.now();
    this.lastSweep = now;
    this.shared = { id: undefined, world: baseline, baseline, createdAt: now, lastUsed: now, faultCounters: new Map() };
  }

  /**
   * The scope a request works in: the shared one without an id, else the session with that id,
   * created on first use. Throws SessionLimitError when a new session would exceed the limit.
   * The id must already have passed `sessionIdProblem`.
   */
  scopeFor(id: string | undefined): Scope {
    const now = this.now();
    if (now - this.lastSweep >= Math.min(this.ttlMs, 60_000) / 10) this.sweep();
    if (id === undefined) {
      this.shared.lastUsed = now;
      return this.shared;
    }
    let scope = this.find(id);
    if (!scope) {
      // Idle sessions may not have been swept yet: drop them before refusing a new one.
      if (this.sessions.size >= this.maxSessions) this.sweep();
      if (this.sessions.size >= this.maxSessions) {
        throw new SessionLimitError(`too many sessions: ${this.maxSessions} are alive; end one (DELETE /__admin/sessions/{id}) or wait until idle ones expire after ${Math.round(this.ttlMs / 1000)} s`);
      }
      const start = this.shared.baseline;
      scope = { id, world: start, baseline: start, createdAt: now, lastUsed: now, faultCounters: new Map() };
      this.sessions.set(id, scope);
    }
    scope.lastUsed = now;
    return scope;
  }

  /** The session with this id, without creating or touching it; undefined once it has expired. */
  find(id: string): Scope | undefined {
    const scope = this.sessions.get(id);
    if (scope && this.now() - scope.lastUsed > this.ttlMs) {
      this.sessions.delete(id);
      return undefined;
    }
    return scope;
  }

  /** The live sessions, oldest first. */
  list(): Scope[] {
    this.sweep();
    return [...this.sessions.values()];
  }

  delete(id: string): boolean {
    return this.sessions.delete(id);
  }

  /** Drops sessions idle longer than the time to live; returns how many. */
  sweep(): number {
    const now = this.now();
    this.lastSweep = now;
    let dropped = 0;
    for (const [id, scope] of this.sessions) {
      if (now - scope.lastUsed > this.ttlMs) {
        this.sessions.delete(id);
        dropped += 1;
      }
    }
    return dropped;
  }

  /** When the scope will expire (sessions only). */
  expiresAt(scope: Scope): number | undefined {
    return scope.id === undefined ? undefined : scope.lastUsed + this.ttlMs;
  }
}
