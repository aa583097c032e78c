// An immutable map from partIdentifikator to the party's current entry. Changing one party gives a
// new index that shares everything else with the old one, so a session's copy of the data costs
// nothing until it writes, and a write costs the size of what that copy has changed so far.
import type { PartyEntry } from '../party-store.js';

export class PartyIndex {
  private constructor(
    /** Shared and never changed after construction. */
    private readonly base: ReadonlyMap<string, PartyEntry>,
    /** What this index changed on top of `base`; `null` marks a removed party. */
    private readonly own: ReadonlyMap<string, PartyEntry | null>,
  ) {}

  static of(entries: Iterable<PartyEntry>): PartyIndex {
    const base = new Map<string, PartyEntry>();
    for (const entry of entries) base.set(entry.ledger.partIdentifikator, entry);
    return new PartyIndex(base, new Map());
  }

  get(partIdentifikator: string): PartyEntry | undefined {
    const own = this.own.get(partIdentifikator);
    if (own !== undefined) return own ?? undefined;
    return this.base.get(partIdentifikator);
  }

  /** A new index with these entries set (added or replaced) and these parties removed. */
  with(set: readonly PartyEntry[], removed: readonly string[] = []): PartyIndex {
    const own = new Map(this.own);
    for (const id of removed) own.set(id, null);
    for (const entry of set) own.set(entry.ledger.partIdentifikator, entry);
    // Fold the changes into a fresh base once they are a sizeable share of it, so lookups stay one
    // or two map reads and a long-lived copy does not drag every old change along.
    if (own.size > 64 && own.size * 4 > this.base.size) return PartyIndex.of(PartyIndex.merged(this.base, own));
    return new PartyIndex(this.base, own);
  }

  /**
   * How many parties differ between this index and another: present in one only, or with another
   * ledger. When both grew from the same index it looks only at what each changed on top of it.
   */
  countDifferences(other: PartyIndex): number {
    if (other === this) return 0;
    const differs = (id: string) => this.get(id)?.ledger !== other.get(id)?.ledger;
    let count = 0;
    if (other.base === this.base) {
      for (const id of new Set([...this.own.keys(), ...other.own.keys()])) if (differs(id)) count += 1;
      return count;
    }
    for (const entry of this.entries()) if (differs(entry.ledger.partIdentifikator)) count += 1;
    for (const entry of other.entries()) if (this.get(entry.ledger.partIdentifikator) === undefined) count += 1;
    return count;
  }

  /** Whether both indexes read from the same shared map (neither has folded its changes away). */
  sharesBaseWith(other: PartyIndex): boolean {
    return other.base === this.base;
  }

  /** How many entries this index holds on top of its shared map (its own cost in memory). */
  get overlaySize(): number {
    return this.own.size;
  }

  /** Every party, in no particular order. */
  *entries(): IterableIterator<PartyEntry> {
    yield* PartyIndex.merged(this.base, this.own);
  }

  private static *merged(base: ReadonlyMap<string, PartyEntry>, own: ReadonlyMap<string, PartyEntry | null>): IterableIterator<PartyEntry> {
    for (const [id, entry] of base) if (!own.has(id)) yield entry;
    for (const entry of own.values()) if (entry) yield entry;
  }
}
