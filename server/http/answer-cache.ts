// The answers of the four endpoints, kept while they are still true. An answer is a pure function of
// the party's ledger, the clock date, the rettighetspakke, the period and the format: ledgers are
// immutable (every change makes a new one, server/runtime), so the same ledger object at the same
// date always gives the same answer and nothing needs invalidating — a changed ledger or a moved
// clock simply asks for another key. Sessions that have not written share their ledgers, so they
// share the answers too.
//
// Bounded by bytes (the serialized text counted three times, an estimate of text + the body's
// objects, plus its UTF-8 bytes), least recently used out first.
import { deepFreeze } from '../deep-freeze.js';
import type { PartyLedger } from '../ledger/events.js';
import type { Format } from './format.js';

/** The cache's default budget: 64 MiB. */
export const DEFAULT_ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

export interface Answer<Body> {
  /** The view, deeply frozen: it is shared by every request that gets this answer. */
  body: Body;
  /** The body serialized in the request's format. */
  text: string;
  /** `text` as UTF-8, encoded once for every request that gets this answer. */
  bytes?: Buffer;
}

export interface AnswerKey {
  ledger: PartyLedger;
  clock: string;
  rettighetspakke: string;
  resource: string;
  fraOgMed?: string | undefined;
  tilOgMed?: string | undefined;
  format: Format;
}

interface Entry {
  answer: Answer<unknown>;
  bytes: number;
}

export interface AnswerCacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
}

export class AnswerCache {
  private readonly ledgerIds = new WeakMap<PartyLedger, number>();
  private nextLedgerId = 1;
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  /** `maxBytes` 0 turns the cache off: every request computes its answer. */
  constructor(readonly maxBytes: number = DEFAULT_ANSWER_CACHE_BYTES) {}

  /** The cached answer for `key`, or the one `compute` gives (kept when it fits the budget). A throwing `compute` caches nothing. */
  answer<Body>(key: AnswerKey, compute: () => Answer<Body>): Answer<Body> {
    if (this.maxBytes === 0) return compute();
    const id = this.keyOf(key);
    const found = this.entries.get(id);
    if (found) {
      this.hits += 1;
      this.entries.delete(id);
      this.entries.set(id, found);
      return found.answer as Answer<Body>;
    }
    this.misses += 1;
    const answer = compute();
    deepFreeze(answer.body);
    answer.bytes = Buffer.from(answer.text, 'utf8');
    const bytes = answer.text.length * 3 + answer.bytes.length;
    if (bytes <= this.maxBytes) {
      this.entries.set(id, { answer, bytes });
      this.bytes += bytes;
      this.evict();
    }
    return answer;
  }

  stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.entries.delete(id);
      this.bytes -= entry.bytes;
    }
  }

  private keyOf(key: AnswerKey): string {
    let ledgerId = this.ledgerIds.get(key.ledger);
    if (ledgerId === undefined) {
      ledgerId = this.nextLedgerId++;
      this.ledgerIds.set(key.ledger, ledgerId);
    }
    return `${ledgerId}|${key.clock}|${key.rettighetspakke}|${key.resource}|${key.fraOgMed ?? ''}|${key.tilOgMed ?? ''}|${key.format}`;
  }
}
