// The request journal: a bounded ring buffer of small entries, one per request outside /__admin.
// When it is full the oldest entry is dropped (and counted), so memory stays flat under any load:
// an entry holds the request's line, a few headers (credentials redacted), what the mock decided and
// at most the error code and the first 2 kB of its message — never a response body.
import type { ContractViolation } from '../contract.js';
import type { AccessDecision } from '../http/request-context.js';

export const DEFAULT_JOURNAL_SIZE = 1000;
/** The largest journal accepted: 100,000 entries of about 1 kB each. */
export const MAX_JOURNAL_SIZE = 100_000;

export interface JournalHeaders {
  accept?: string;
  prefer?: string;
  'user-agent'?: string;
  korrelasjonsid?: string;
  'x-kravmock-session'?: string;
  /** Scheme and the credential's last 6 characters only (`Bearer …x9Tq2w`); never the credential. */
  authorization?: string;
  /** A consent token is never kept, only whether one was sent. */
  altinnsamtykke: 'present' | 'absent';
}

export interface JournalEntry {
  /** Increasing in the order the entries were recorded. */
  id: number;
  /** When the request arrived (ISO 8601, UTC). */
  time: string;
  /** The `X-Kravmock-Session` scope the request worked in; absent for the shared scope. */
  session?: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: JournalHeaders;
  endpoint?: string;
  rettighetspakke?: string;
  partIdentifikator?: string;
  /** The status sent; null when the connection closed before a status line went out. */
  status: number | null;
  /** `answered`: the whole response was handed to the network; `connection-closed`: it was not. */
  outcome: 'answered' | 'connection-closed';
  korrelasjonsid: string;
  /** From arrival to the end of the response (or the close), in milliseconds, 0.1 ms precision. */
  durationMs: number;
  /** The API error code of an error response. */
  kode?: string;
  /** The error message (at most its first 2,000 characters). */
  melding?: string;
  access?: AccessDecision;
  fault?: string;
  /** Where the response broke the contract (traffic validation): the first 20. */
  violations?: ContractViolation[];
  /** How many violations there were in all. */
  violationCount?: number;
}

export type NewEntry = Omit<JournalEntry, 'id'>;

/** Which scope's entries: one session's, the shared scope's (`session: undefined`), or all. */
export type JournalScope = { all: true } | { all?: false; session: string | undefined };

export interface JournalQuery {
  scope: JournalScope;
  party?: string;
  endpoint?: string;
  /** An exact status (404) or a class (4 = 4xx). */
  status?: { exact: number } | { class: number };
  /** Entries newer than an entry id, or at/after a time (ms since the epoch). */
  since?: { id: number } | { time: number };
  limit: number;
}

export interface JournalPage {
  capacity: number;
  /** Entries of the scope asked for that the journal holds now. */
  size: number;
  /** Entries dropped because the journal was full (all scopes: it is one ring). */
  dropped: number;
  /** Newest first. */
  entries: JournalEntry[];
}

const inScope = (entry: JournalEntry, scope: JournalScope): boolean => scope.all === true || entry.session === scope.session;

export class Journal {
  readonly capacity: number;
  private slots: (JournalEntry | undefined)[];
  /** Index of the oldest entry. */
  private start = 0;
  private count = 0;
  private nextId = 1;
  private droppedCount = 0;

  constructor(capacity: number = DEFAULT_JOURNAL_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_JOURNAL_SIZE) {
      throw new Error(`journal size must be a whole number from 0 (off) to ${MAX_JOURNAL_SIZE}, got ${capacity}`);
    }
    this.capacity = capacity;
    this.slots = new Array<JournalEntry | undefined>(capacity);
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /** Entries held, all scopes. */
  get size(): number {
    return this.count;
  }

  /** Adds an entry, dropping the oldest when full. Returns the entry, or undefined when the journal is off. */
  record(entry: NewEntry): JournalEntry | undefined {
    if (this.capacity === 0) return undefined;
    const stored: JournalEntry = { id: this.nextId++, ...entry };
    if (this.count < this.capacity) {
      this.slots[(this.start + this.count) % this.capacity] = stored;
      this.count += 1;
    } else {
      this.slots[this.start] = stored;
      this.start = (this.start + 1) % this.capacity;
      this.droppedCount += 1;
    }
    return stored;
  }

  /** Entries newest first. */
  private *newestFirst(): Generator<JournalEntry> {
    for (let i = this.count - 1; i >= 0; i -= 1) yield this.slots[(this.start + i) % this.capacity]!;
  }

  query(q: JournalQuery): JournalPage {
    const entries: JournalEntry[] = [];
    let size = 0;
    for (const entry of this.newestFirst()) {
      if (!inScope(entry, q.scope)) continue;
      size += 1;
      if (entries.length >= q.limit || !matches(entry, q)) continue;
      entries.push(entry);
    }
    return { capacity: this.capacity, size, dropped: this.droppedCount, entries };
  }

  /**
   * Removes the scope's entries. Clearing every scope also resets the dropped count; ids go on
   * increasing, so a client polling with `since=<id>` is not confused.
   */
  clear(scope: JournalScope): number {
    const kept: JournalEntry[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const entry = this.slots[(this.start + i) % this.capacity]!;
      if (!inScope(entry, scope)) kept.push(entry);
    }
    const removed = this.count - kept.length;
    this.slots = new Array<JournalEntry | undefined>(this.capacity);
    kept.forEach((entry, i) => (this.slots[i] = entry));
    this.start = 0;
    this.count = kept.length;
    if (scope.all === true) this.droppedCount = 0;
    return removed;
  }
}

function matches(entry: JournalEntry, q: JournalQuery): boolean {
  if (q.party !== undefined && entry.partIdentifikator !== q.party) return false;
  if (q.endpoint !== undefined && entry.endpoint !== q.endpoint) return false;
  if (q.status) {
    if (entry.status === null) return false;
    if ('exact' in q.status ? entry.status !== q.status.exact : Math.floor(entry.status / 100) !== q.status.class) return false;
  }
  if (q.since) {
    if ('id' in q.since ? entry.id <= q.since.id : Date.parse(entry.time) < q.since.time) return false;
  }
  return true;
}
