// PartyIndex: an immutable, copy-on-write map from partIdentifikator to the party's entry.
import { describe, expect, it } from 'vitest';
import type { PartyLedger } from '../../server/ledger/events.js';
import type { PartyEntry } from '../../server/party-store.js';
import { PartyIndex } from '../../server/runtime/party-index.js';

const ledger = (id: string, navn = `PART ${id}`): PartyLedger => ({ partIdentifikator: id, navn, events: [] });
const entry = (id: string, navn?: string): PartyEntry => ({ ledger: ledger(id, navn), scenario: 's' });
const ids = (index: PartyIndex) => [...index.entries()].map((e) => e.ledger.partIdentifikator).sort();
const names = (index: PartyIndex) => Object.fromEntries([...index.entries()].map((e) => [e.ledger.partIdentifikator, e.ledger.navn]));

describe('PartyIndex', () => {
  const base = PartyIndex.of([entry('100000001'), entry('100000002'), entry('100000003')]);

  it('finds every party it was made of, and nothing else', () => {
    expect(base.get('100000002')?.ledger.navn).toBe('PART 100000002');
    expect(base.get('999999999')).toBeUndefined();
    expect(ids(base)).toEqual(['100000001', '100000002', '100000003']);
  });

  it('with() replaces, adds and removes in a new index and leaves the old one as it was', () => {
    const next = base.with([entry('100000002', 'NYTT NAVN'), entry('100000004')], ['100000003']);
    expect(names(next)).toEqual({ '100000001': 'PART 100000001', '100000002': 'NYTT NAVN', '100000004': 'PART 100000004' });
    expect(next.get('100000003')).toBeUndefined();
    // persistence: the old index is untouched
    expect(names(base)).toEqual({ '100000001': 'PART 100000001', '100000002': 'PART 100000002', '100000003': 'PART 100000003' });
    expect(base.get('100000004')).toBeUndefined();
  });

  it('a removed party can come back, and a later change wins over an earlier one', () => {
    const removed = base.with([], ['100000001']);
    const back = removed.with([entry('100000001', 'TILBAKE')]);
    expect(removed.get('100000001')).toBeUndefined();
    expect(back.get('100000001')?.ledger.navn).toBe('TILBAKE');
    const twice = base.with([entry('100000001', 'EN')]).with([entry('100000001', 'TO')]);
    expect(twice.get('100000001')?.ledger.navn).toBe('TO');
    expect(twice.overlaySize).toBe(1);
  });

  it('shares its map with the index it came from until the changes fold in, then keeps every entry', () => {
    const many = PartyIndex.of(Array.from({ length: 100 }, (_, i) => entry(String(200000000 + i))));
    let index = many;
    const sizes: number[] = [];
    for (let i = 0; i < 70; i += 1) {
      index = index.with([entry(String(200000000 + i), `ENDRET ${i}`)], i === 69 ? ['200000099'] : []);
      sizes.push(index.overlaySize);
    }
    // 64 changes are kept on top of the shared map; the 65th (65 × 4 > 100) folds them into a new one.
    expect(sizes.slice(0, 64)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    expect(sizes[64]).toBe(0);
    expect(sizes.slice(65)).toEqual([1, 2, 3, 4, 6]);
    expect(index.sharesBaseWith(many)).toBe(false);
    expect(ids(index)).toHaveLength(99);
    expect(index.get('200000099')).toBeUndefined();
    for (let i = 0; i < 70; i += 1) expect(index.get(String(200000000 + i))?.ledger.navn).toBe(`ENDRET ${i}`);
    for (let i = 70; i < 99; i += 1) expect(index.get(String(200000000 + i))?.ledger.navn).toBe(`PART ${200000000 + i}`);
    // and the index it started from still has all 100 as they were
    expect(ids(many)).toHaveLength(100);
    expect(many.get('200000000')?.ledger.navn).toBe('PART 200000000');
  });

  it('counts the parties that differ from another index, on either side, before and after folding', () => {
    const changed = base.with([entry('100000001', 'ENDRET'), entry('100000009')], ['100000003']);
    expect(changed.countDifferences(base)).toBe(3);
    expect(base.countDifferences(changed)).toBe(3);
    expect(base.countDifferences(base)).toBe(0);
    // setting a party back to the very same ledger is no difference
    const same = base.with([{ ledger: base.get('100000002')!.ledger, scenario: 's' }]);
    expect(same.countDifferences(base)).toBe(0);
    // a folded index is compared entry by entry
    const many = PartyIndex.of(Array.from({ length: 10 }, (_, i) => entry(String(300000000 + i))));
    const folded = many.with(Array.from({ length: 65 }, (_, i) => entry(String(310000000 + i))), ['300000000']);
    expect(folded.sharesBaseWith(many)).toBe(false);
    expect(folded.countDifferences(many)).toBe(66);
    expect(many.countDifferences(folded)).toBe(66);
  });
});
