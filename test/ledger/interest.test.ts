import { describe, expect, it } from 'vitest';
import { aug2023Ledger } from '../../fixtures/aug2023-871978433.js';
import rates from '../../fixtures/interest-rates.json' with { type: 'json' };
import type { ClaimRaised } from '../../server/ledger/events.js';
import {
  INTEREST_RATES,
  interestNumerator,
  rateOn,
  stipulatedInterest,
  truncatedInterest,
} from '../../server/ledger/interest.js';
import { toOre } from '../../server/ledger/money.js';
import { aapneKravView, kravView } from '../../server/ledger/views.js';
import { claim, expectValid, ledger } from './helpers.js';

const kr = (numerator: bigint): number => truncatedInterest(numerator) / 100;

describe('the rate table (fixtures/interest-rates.json)', () => {
  it('has one entry per half-year from 2018 H1 through 2026 H2, oldest first', () => {
    const expected: string[] = [];
    for (let y = 2018; y <= 2026; y++) expected.push(`${y}-01-01`, `${y}-07-01`);
    expect(rates.map((r) => r.from)).toEqual(expected);
    expect(INTEREST_RATES.map((r) => r.from)).toEqual(expected);
  });

  it('holds the known rates and marks every source', () => {
    const by = new Map(rates.map((r) => [r.from, r]));
    expect(by.get('2022-07-01')).toEqual({ from: '2022-07-01', ratePercent: 9.25, source: 'DOMAIN.md' });
    expect(by.get('2023-01-01')?.ratePercent).toBe(10.75);
    expect(by.get('2024-01-01')?.ratePercent).toBe(12.5);
    expect(by.get('2025-01-01')?.ratePercent).toBe(12.5);
    expect(by.get('2023-07-01')).toEqual({ from: '2023-07-01', ratePercent: 11.75, source: "rule: policy rate + 8, kravmock's reading" });
    expect(by.get('2026-07-01')?.source).toBe('assumed: last known rate carried forward');
    for (const r of rates) {
      expect(['DOMAIN.md', "rule: policy rate + 8, kravmock's reading", 'assumed: last known rate carried forward']).toContain(r.source);
      expect(Math.round(r.ratePercent * 100)).toBeCloseTo(r.ratePercent * 100, 9); // whole basis points
    }
  });

  it('uses the first rate before the table and the last after it', () => {
    expect(rateOn('2015-05-05')).toBe(8.5);
    expect(rateOn('2030-01-01')).toBe(12);
    expect(rateOn('2023-06-30')).toBe(10.75);
    expect(rateOn('2023-07-01')).toBe(11.75);
  });
});

describe('stipulated interest: simple, actual/365, split at half-years, truncated per claim', () => {
  it('10 000 kr due 2023-06-15, clock 2023-07-20: 15 days at 10.75 % + 20 days at 11.75 % = 108.56 -> 108', () => {
    // 10000 × (0.1075 × 15 + 0.1175 × 20) / 365 = 10000 × 3.9625 / 365 = 108.56...
    expect(kr(interestNumerator(toOre(10_000), '2023-06-15', '2023-07-20'))).toBe(108);
  });

  it('runs from the day after the due date to the clock date inclusive', () => {
    // one day at 10.75 %: 36500 kr × 0.1075 / 365 = 10.75 -> 10
    expect(kr(interestNumerator(toOre(36_500), '2023-03-01', '2023-03-02'))).toBe(10);
    expect(interestNumerator(toOre(36_500), '2023-03-01', '2023-03-01')).toBe(0n); // due today: not overdue
    expect(interestNumerator(toOre(36_500), '2023-03-02', '2023-03-01')).toBe(0n); // not yet due
  });

  it('spans 1 January with the rate of each half-year (the published interest claim KRAV-33243589 = 439)', () => {
    // 51321 kr due 2021-12-10, paid 2022-01-17: 21 days at 8.00 % (236.21) + 17 days at 8.50 % (203.17) = 439.38
    expect(kr(interestNumerator(toOre(51_321), '2021-12-10', '2022-01-17'))).toBe(439);
  });

  it('reproduces the published 8424 of KRAV-33712709 (61244 kr due 2022-04-11) at 2023-08-28', () => {
    // 80 d × 8.50 + 184 d × 9.25 + 181 d × 10.75 + 59 d × 11.75 = 50.21 %-years... × 61244 / 365 = 8424.84
    expect(kr(interestNumerator(toOre(61_244), '2022-04-11', '2023-08-28'))).toBe(8424);
  });

  it('truncates the claim sum once, not each instalment', () => {
    // 1000 kr × 10.75 % × 2 / 365 = 0.589 per instalment; two instalments 1.178 -> 1 (per instalment it would be 0)
    const one = { remaining: toOre(1000), forfallsdato: '2023-03-01' };
    expect(stipulatedInterest([one], '2023-03-03')).toBe(0);
    expect(stipulatedInterest([one, one], '2023-03-03')).toBe(100);
  });

  it('accepts another rate table', () => {
    const flat = [{ from: '2000-01-01', ratePercent: 36.5, source: 'test' }];
    // 1000 kr × 36.5 % / 365 = 1 kr per day, 10 days
    expect(kr(interestNumerator(toOre(1000), '2023-01-01', '2023-01-11', flat))).toBe(10);
  });
});

describe('stipulerteRenter on claims in the views', () => {
  const clock = '2023-07-20';
  const opts = { clock, rettighetspakke: 'regnskapssystem' as const };
  const interestClaim: ClaimRaised = { ...claim('R', '2023-06-20', 500, '2023-06-20'), kravtype: 'Forsinkelsesrente' };
  const l = ledger([
    claim('A', '2023-05-01', 10_000, '2023-06-15'), // overdue: 108
    claim('B', '2023-07-01', 5_000, '2023-07-20'), // due today: 0
    claim('C', '2023-07-01', 5_000, '2023-08-10'), // not yet due: 0
    claim('D', '2023-05-01', -2_000, '2023-06-15'), // credit: no field
    interestClaim, // interest claim: no field
    { ...claim('P', '2023-06-20', 300, '2023-06-20'), hovedstolKravidentifikator: 'A' }, // principal given: no field
    { ...claim('N', '2023-05-01', 10_000, '2023-06-15'), stipulerteRenter: null }, // null: no field
    { ...claim('F', '2023-05-01', 10_000, '2023-06-15'), stipulerteRenter: 12.5 }, // fixed: as is
  ]);
  const view = aapneKravView(l, opts);
  const renter = Object.fromEntries((view.aapentKravMedGjenstaaendeBeloep ?? []).map((k) => [k.kravidentifikator, k.stipulerteRenter]));

  it('computes interest on open overdue debit claims only', () => {
    expectValid('AapneKrav', view);
    expect(renter).toEqual({ A: 108, B: 0, C: 0, D: undefined, R: undefined, P: undefined, N: undefined, F: 12.5 });
    expect(view.totalOversikt?.sumStipulerteRenter).toBe(120.5);
  });

  it('shows no computed interest on a settled claim, but a fixed one', () => {
    const settled = ledger([
      claim('S', '2023-05-01', 100, '2023-06-15', { kid: undefined }),
      { ...claim('T', '2023-05-01', 100, '2023-06-15'), stipulerteRenter: 0 },
      { type: 'paymentReceived', date: '2023-06-01', innbetalingsidentifikator: 'p', beloep: 200, betaler: { navn: 'x' } },
      { type: 'paymentPlaced', date: '2023-06-01', innbetalingsidentifikator: 'p', kravforfallsIdentifikator: 'S-1', beloep: 100 },
      { type: 'paymentPlaced', date: '2023-06-01', innbetalingsidentifikator: 'p', kravforfallsIdentifikator: 'T-1', beloep: 100 },
    ]);
    const krav = kravView(settled, opts, { fraOgMed: '2023-01-01', tilOgMed: '2023-12-31' });
    expectValid('AlleKrav', krav);
    expect(krav.krav?.map((k) => [k.kravidentifikator, k.gjenstaaendeBeloep, 'stipulerteRenter' in k ? k.stipulerteRenter : 'none'])).toEqual([
      ['S', 0, 'none'],
      ['T', 0, 0],
    ]);
  });

  it('computes interest on the remaining amount only', () => {
    const part = ledger([
      claim('A', '2023-05-01', 10_000, '2023-06-15'),
      { type: 'paymentReceived', date: '2023-06-01', innbetalingsidentifikator: 'p', beloep: 5_000, betaler: { navn: 'x' } },
      { type: 'paymentPlaced', date: '2023-06-01', innbetalingsidentifikator: 'p', kravforfallsIdentifikator: 'A-1', beloep: 5_000 },
    ]);
    // 5000 × 3.9625 / 365 = 54.28 -> 54
    expect(aapneKravView(part, opts).aapentKravMedGjenstaaendeBeloep?.[0]?.stipulerteRenter).toBe(54);
  });

  it('computes the published 8424 for the fixture claim when the fixed number is removed', () => {
    const aug = aug2023Ledger();
    for (const e of aug.events) if (e.type === 'claimRaised' && e.kravidentifikator === 'KRAV-33712709') delete e.stipulerteRenter;
    const open = aapneKravView(aug, { clock: '2023-08-28', rettighetspakke: 'finans' });
    expect(open.aapentKravMedGjenstaaendeBeloep?.find((k) => k.kravidentifikator === 'KRAV-33712709')?.stipulerteRenter).toBe(8424);
  });
});
