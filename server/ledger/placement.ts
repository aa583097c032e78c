// Automatic placement of a payment that carries a KID (DOMAIN.md "Placement of payments"): it covers
// the open debit instalments that carry the same KID, oldest due date first (ties in ledger order),
// only instalments of claims that exist on the payment date. What is left stays unplaced.
import type { IsoDate } from './events.js';
import type { Ore } from './money.js';

export interface PlacementCandidate {
  forfallsdato: IsoDate;
  remaining: Ore;
  /** Position in the ledger, for ties. */
  order: number;
}

/**
 * Splits `amount` øre over the candidates (the instalments carrying the payment's KID). Only debit
 * instalments with something left are covered. Returns the parts in placement order; the caller keeps
 * `amount - Σ parts` unplaced.
 */
export function planKidPlacement<T extends PlacementCandidate>(amount: Ore, candidates: readonly T[]): { target: T; amount: Ore }[] {
  const open = candidates.filter((c) => c.remaining > 0);
  open.sort((a, b) => (a.forfallsdato < b.forfallsdato ? -1 : a.forfallsdato > b.forfallsdato ? 1 : a.order - b.order));
  const parts: { target: T; amount: Ore }[] = [];
  let left = amount;
  for (const target of open) {
    if (left <= 0) break;
    const part = Math.min(left, target.remaining);
    parts.push({ target, amount: part });
    left -= part;
  }
  return parts;
}
