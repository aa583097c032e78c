// Automatic placement of a payment that carries a KID (DOMAIN.md "Placement of payments"): it covers
// the open debit instalments that carry the same KID, oldest due date first (ties in ledger order),
// only instalments of claims that exist on the payment date. What is left stays unplaced.
import type { IsoDate } from './events.js';
import type { Ore } from './money.js';

export interface PlacementCandidate {
  forfallsdato: IsoDate;
  /** What is left to pay; a debit instalment's remaining amount only ever goes down. */
  remaining: Ore;
  /** Position in the ledger, for ties. */
  order: number;
}

const before = (a: PlacementCandidate, b: PlacementCandidate): boolean =>
  a.forfallsdato < b.forfallsdato || (a.forfallsdato === b.forfallsdato && a.order < b.order);

/**
 * The open debit instalments of one KID, oldest due date first, as a binary heap: adding a claim and
 * placing a payment cost O(log n), so a party with thousands of instalments on one KID stays linear.
 * Settled instalments are dropped lazily when they reach the top (a debit never reopens).
 */
export class KidQueue<T extends PlacementCandidate> {
  private readonly heap: T[] = [];

  add(item: T): void {
    if (item.remaining <= 0) return; // credit or settled: never a target
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }

  /**
   * Splits `amount` over the open instalments, oldest first. The caller must apply exactly these parts
   * (the instalments covered in full are removed from the queue). Returns the parts in placement order;
   * `amount − Σ parts` stays unplaced.
   */
  plan(amount: Ore): { target: T; amount: Ore }[] {
    const parts: { target: T; amount: Ore }[] = [];
    let left = amount;
    while (left > 0 && this.heap.length > 0) {
      const top = this.heap[0]!;
      if (top.remaining <= 0) {
        this.pop();
        continue;
      }
      const part = Math.min(left, top.remaining);
      parts.push({ target: top, amount: part });
      left -= part;
      if (part === top.remaining) this.pop();
    }
    return parts;
  }
}

/** The same split as a pure function over a list of candidates (the KID's instalments). */
export function planKidPlacement<T extends PlacementCandidate>(amount: Ore, candidates: readonly T[]): { target: T; amount: Ore }[] {
  const queue = new KidQueue<T>();
  for (const c of candidates) queue.add(c);
  return queue.plan(amount);
}
