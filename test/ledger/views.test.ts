import { describe, expect, it } from 'vitest';
import { aug2023Ledger } from '../../fixtures/aug2023-871978433.js';
import type { LedgerEvent, PartyLedger } from '../../server/ledger/events.js';
import { aapneKravView, checkLedger, innbetalingerView, kravView, utbetalingerView, type Rettighetspakke } from '../../server/ledger/views.js';
import { KID_A, OWNER, claim, expectValid, ledger, payment } from './helpers.js';

const YEAR = { fraOgMed: '2023-01-01', tilOgMed: '2023-12-31' };
const opts = (clock: string, rettighetspakke: Rettighetspakke = 'regnskapssystem') => ({ clock, rettighetspakke });

describe('krav: claims with a due date in the period', () => {
  const events: LedgerEvent[] = [
    claim('BEFORE', '2022-11-01', 100, '2022-12-31'),
    claim('FIRSTDAY', '2022-11-01', 100, '2023-01-01'),
    claim('LASTDAY', '2023-11-01', 100, '2023-12-31'),
    claim('AFTER', '2023-11-01', 100, '2024-01-01'),
    claim('SPANS', '2022-11-01', 0, '', {
      kravforfall: [
        { kravforfallsIdentifikator: 'SPANS-1', forfallsdato: '2022-06-15', beloep: 100 },
        { kravforfallsIdentifikator: 'SPANS-2', forfallsdato: '2024-02-15', beloep: 100 },
      ],
    }),
    claim('STRADDLE', '2022-11-01', 0, '', {
      kravforfall: [
        { kravforfallsIdentifikator: 'STRADDLE-1', forfallsdato: '2022-12-15', beloep: 100 },
        { kravforfallsIdentifikator: 'STRADDLE-2', forfallsdato: '2023-02-15', beloep: 100 },
      ],
    }),
  ];

  it('includes the bounds, and a claim whose instalments are partly outside', () => {
    const view = kravView(ledger(events), opts('2024-06-01'), YEAR);
    expectValid('AlleKrav', view);
    expect(view.krav?.map((k) => k.kravidentifikator)).toEqual(['FIRSTDAY', 'LASTDAY', 'STRADDLE']);
    expect(view.krav![2]!.kravforfall).toHaveLength(2);
    expect(view.periode).toEqual(YEAR);
  });

  it('includes settled claims and credit claims, and leaves out claims not yet raised at the clock', () => {
    const l = ledger([
      claim('PAID', '2023-01-01', 100, '2023-02-01', { kid: KID_A }),
      claim('CREDIT', '2023-01-01', -50, '2023-02-01'),
      claim('FUTURE', '2023-11-01', 100, '2023-12-01'),
      payment('P', '2023-01-15', 100, { kidnummer: KID_A }),
    ]);
    const view = kravView(l, opts('2023-10-31'), YEAR);
    expect(view.krav?.map((k) => [k.kravidentifikator, k.opprinneligBeloep, k.gjenstaaendeBeloep])).toEqual([
      ['PAID', 100, 0],
      ['CREDIT', -50, -50],
    ]);
  });
});

describe('the clock: events after it have not happened', () => {
  const l = ledger([
    claim('K', '2023-01-10', 1000, '2023-03-01', { kid: KID_A }),
    payment('P1', '2023-02-01', 400, { kidnummer: KID_A }),
    payment('P2', '2023-04-01', 600, { kidnummer: KID_A }),
    claim('LATER', '2023-05-01', 200, '2023-06-01'),
  ]);

  it('shows the state at the clock in every view', () => {
    const open = aapneKravView(l, opts('2023-03-15'));
    expect(open.aapentKravMedGjenstaaendeBeloep?.map((k) => [k.kravidentifikator, k.gjenstaaendeBeloep])).toEqual([['K', 600]]);
    // 600 kr × 10.75 % × 14 days / 365 = 2.47 -> 2
    expect(open.totalOversikt).toEqual({ sumStipulerteRenter: 2, sumForfalteKrav: 600, sumIkkeForfalteKrav: 0, sumUplasserteInnbetalinger: 0, saldo: 602 });
    expect(innbetalingerView(l, opts('2023-03-15'), YEAR).innbetaling?.map((p) => p.innbetalingsidentifikator)).toEqual(['P1']);

    const later = aapneKravView(l, opts('2023-05-15'));
    expect(later.aapentKravMedGjenstaaendeBeloep?.map((k) => [k.kravidentifikator, k.gjenstaaendeBeloep])).toEqual([['LATER', 200]]);
    expect(later.totalOversikt).toEqual({ sumStipulerteRenter: 0, sumForfalteKrav: 0, sumIkkeForfalteKrav: 200, sumUplasserteInnbetalinger: 0, saldo: 200 });
  });

  it('keeps payments in the period but dated after the clock out', () => {
    expect(innbetalingerView(l, opts('2023-03-31'), YEAR).innbetaling?.map((p) => p.innbetalingsidentifikator)).toEqual(['P1']);
    expect(innbetalingerView(l, opts('2023-04-01'), YEAR).innbetaling?.map((p) => p.innbetalingsidentifikator)).toEqual(['P1', 'P2']);
  });

  it('classifies instalments as forfalt strictly before the clock, per instalment', () => {
    const two = ledger([
      claim('F', '2023-01-01', 0, '', {
        kravforfall: [
          { kravforfallsIdentifikator: 'F-1', forfallsdato: '2023-03-14', beloep: 100 },
          { kravforfallsIdentifikator: 'F-2', forfallsdato: '2023-03-15', beloep: 250 },
        ],
        stipulerteRenter: null,
      }),
    ]);
    expect(aapneKravView(two, opts('2023-03-15')).totalOversikt).toMatchObject({ sumForfalteKrav: 100, sumIkkeForfalteKrav: 250, saldo: 350 });
  });
});

describe('aapnekrav shape', () => {
  it('always has totalOversikt; omits empty lists and oversiktPerKravgruppe when nothing is open', () => {
    const empty = aapneKravView(ledger([]), opts('2023-01-01'));
    expectValid('AapneKrav', empty);
    expect(empty).toEqual({
      partIdentifikator: '313367002',
      skjermet: false,
      totalOversikt: { sumStipulerteRenter: 0, sumForfalteKrav: 0, sumIkkeForfalteKrav: 0, sumUplasserteInnbetalinger: 0, saldo: 0 },
    });
    expect(Object.keys(empty)).toEqual(['partIdentifikator', 'skjermet', 'totalOversikt']);
  });

  it('gives items the owner partIdentifikator and groups in order of first appearance', () => {
    const open = aapneKravView(
      ledger([
        claim('A', '2023-01-01', 100, '2023-06-01', { kravgruppe: 'Merverdiavgift', stipulerteRenter: null }),
        claim('B', '2023-01-01', 200, '2023-06-01', { partIdentifikator: OWNER, stipulerteRenter: null }),
        claim('C', '2023-01-01', 300, '2023-06-01', { kravgruppe: 'Merverdiavgift', stipulerteRenter: null }),
        payment('P', '2023-02-01', 75, { partIdentifikator: OWNER }),
      ]),
      opts('2023-03-01'),
    );
    expectValid('AapneKrav', open);
    expect(open.aapentKravMedGjenstaaendeBeloep?.map((k) => k.partIdentifikator)).toEqual(['313367002', OWNER, '313367002']);
    expect(open.innbetalingMedUplassertBeloep?.[0]?.partIdentifikator).toBe(OWNER);
    expect(open.oversiktPerKravgruppe?.map((g) => [g.kravgruppe, g.sumIkkeForfalteKrav, g.saldo])).toEqual([
      ['Merverdiavgift', 400, 400],
      ['Skatt', 200, 200],
    ]);
    expect(open.totalOversikt?.saldo).toBe(525); // 600 − 75 unplaced
  });
});

describe('skjerming', () => {
  const events: LedgerEvent[] = [
    claim('K', '2023-01-10', 1000, '2023-03-01', { kid: KID_A }),
    payment('P', '2023-02-01', 1200, { kidnummer: KID_A }),
    claim('T', '2023-05-01', -300, '2023-05-01', { kravtype: 'RESTERENDE_SKT_TILB' }),
    { type: 'payout', date: '2023-06-01', utbetalingsidentifikator: 'U', mottaker: { navn: 'Skjermet Person', kontonummer: '54221361434' }, melding: 'Tilgode', fraKreditkrav: [{ kravforfallsIdentifikator: 'T-1', beloep: 300 }], tilbakebetalingAv: [{ innbetalingsidentifikator: 'P', beloep: 200 }] },
  ];
  const protectedParty: PartyLedger = ledger(events, { skjermet: true });

  it('finans: only the call parameters and skjermet: true', () => {
    const o = opts('2023-12-31', 'finans');
    expect(aapneKravView(protectedParty, o)).toEqual({ partIdentifikator: '313367002', skjermet: true });
    for (const [schema, view] of [
      ['AlleKrav', kravView(protectedParty, o, YEAR)],
      ['Innbetalinger', innbetalingerView(protectedParty, o, YEAR)],
      ['Utbetalinger', utbetalingerView(protectedParty, o, YEAR)],
    ] as const) {
      expectValid(schema, view);
      expect(view).toEqual({ partIdentifikator: '313367002', periode: YEAR, skjermet: true });
    }
    expectValid('AapneKrav', aapneKravView(protectedParty, o));
  });

  it('regnskapssystem: sums and lists stay, the party\'s own accounts go', () => {
    const o = opts('2023-12-31', 'regnskapssystem');
    const plain = ledger(events);
    const strip = (v: unknown): string => JSON.stringify(v).replace(/"konto":\{"kontoeiersNavn":"(Betaler AS|Skjermet Person)"(,"kontonummer":"[^"]*")?\},?/g, '').replace(/,\}/g, '}');
    const views = [
      ['AapneKrav', aapneKravView(protectedParty, o), aapneKravView(plain, o)],
      ['AlleKrav', kravView(protectedParty, o, YEAR), kravView(plain, o, YEAR)],
      ['Innbetalinger', innbetalingerView(protectedParty, o, YEAR), innbetalingerView(plain, o, YEAR)],
      ['Utbetalinger', utbetalingerView(protectedParty, o, YEAR), utbetalingerView(plain, o, YEAR)],
    ] as const;
    for (const [schema, screened, full] of views) {
      expectValid(schema, screened);
      expect(screened.skjermet).toBe(true);
      const text = JSON.stringify(screened);
      expect(text).not.toContain('Betaler AS');
      expect(text).not.toContain('Skjermet Person');
      expect(text).not.toContain('61434');
      expect(text).not.toContain('11111');
      expect(text).not.toContain('sjekkSendtTil');
      // identical to the unprotected view apart from the flag and the removed accounts
      expect(strip(screened).replace('"skjermet":true', '"skjermet":false')).toBe(strip(full));
    }
    const inn = innbetalingerView(protectedParty, o, YEAR).innbetaling![0]!;
    expect(inn.innbetaltFra).toEqual({ kidnummer: KID_A, meldingSendtTilMottaker: KID_A, valutakode: 'NOK' });
    expect(inn.uplassertBeloep).toBe(0); // 1200 − 1000 placed − 200 paid back
    expect(utbetalingerView(protectedParty, o, YEAR).utbetaling![0]!.betaltTil).toEqual({ meldingSendtTilMottaker: 'Tilgode', valutakode: 'NOK' });
    // Skatteetaten's own account on the claim stays
    expect(kravView(protectedParty, o, YEAR).krav![0]!.kravforfall[0]!.betalingsinformasjon.konto?.kontonummer).toBe('76940524802');
  });
});

describe('robustness and determinism', () => {
  it('gives identical output for the same ledger and options', () => {
    const a = JSON.stringify(aapneKravView(aug2023Ledger(), opts('2023-08-28')));
    const b = JSON.stringify(aapneKravView(aug2023Ledger(), opts('2023-08-28')));
    expect(a).toBe(b);
  });

  it('never crashes on a ledger that fails checkLedger, and skips what it cannot apply', () => {
    const bad = ledger([
      claim('K', '2023-02-30', 100, '2023-03-01'),
      claim('K2', '2023-01-01', 100, '2023-13-01'),
      claim('K3', '2023-01-01', 100, '2023-03-01'),
      claim('K3', '2023-01-01', 999, '2023-03-01'),
      payment('P', '2023-01-05', -5),
      payment('Q', '2023-01-05', 50),
      { type: 'paymentPlaced', date: '2023-01-06', innbetalingsidentifikator: 'Q', kravforfallsIdentifikator: 'NOPE', beloep: 10 },
      { type: 'paymentPlaced', date: '2023-01-06', innbetalingsidentifikator: 'Q', kravforfallsIdentifikator: 'K3-1', beloep: 500 },
      { type: 'setOff', date: '2023-01-07', kreditKravforfallsIdentifikator: 'K3-1', debetKravforfallsIdentifikator: 'K3-1', beloep: 1 },
      { type: 'setOffInLegalOrder', date: '2023-01-07', kreditKravforfallsIdentifikator: 'K3-1' },
      { type: 'payout', date: '2023-01-08', utbetalingsidentifikator: 'U', mottaker: { navn: 'x' }, tilbakebetalingAv: [{ innbetalingsidentifikator: 'Q', beloep: 60 }] },
      { type: 'bogus', date: '2023-01-08' } as unknown as LedgerEvent,
    ]);
    expect(checkLedger(bad).length).toBeGreaterThan(5);
    const o = opts('2023-12-31');
    const open = aapneKravView(bad, o);
    expectValid('AapneKrav', open);
    expect(open.aapentKravMedGjenstaaendeBeloep?.map((k) => [k.kravidentifikator, k.gjenstaaendeBeloep])).toEqual([['K3', 100]]);
    expect(open.innbetalingMedUplassertBeloep?.map((p) => [p.innbetalingsidentifikator, p.uplassertBeloep])).toEqual([['Q', -50]]);
    expectValid('AlleKrav', kravView(bad, o, YEAR));
    expectValid('Innbetalinger', innbetalingerView(bad, o, YEAR));
    expectValid('Utbetalinger', utbetalingerView(bad, o, YEAR));
  });

  it('never throws on randomly damaged copies of the August 2023 ledger (seeded, deterministic)', () => {
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const junk: unknown[] = [undefined, null, 'x', -1, 0, '2023-02-30', {}, [], 1e9, 'mva'];
    const o = opts('2023-08-28');
    const period = { fraOgMed: '2022-01-01', tilOgMed: '2022-12-31' };
    for (let n = 0; n < 600; n++) {
      const damaged = aug2023Ledger();
      const events = damaged.events as unknown as unknown[];
      for (let m = 0; m < 3; m++) {
        const i = rnd(events.length);
        const e = events[i];
        if (rnd(30) === 0 || !e || typeof e !== 'object') {
          events[i] = junk[rnd(junk.length)];
          continue;
        }
        let target = e as Record<string, unknown>;
        let keys = Object.keys(target);
        let key = keys[rnd(keys.length)]!;
        const v = target[key];
        if (Array.isArray(v) && v.length > 0 && rnd(6) === 0) {
          v[rnd(v.length)] = junk[rnd(junk.length)];
          continue;
        }
        const inner = Array.isArray(v) ? v[rnd(Math.max(v.length, 1))] : v;
        if (inner && typeof inner === 'object' && rnd(3) > 0) {
          target = inner as Record<string, unknown>;
          keys = Object.keys(target);
          key = keys[rnd(keys.length)]!;
        }
        target[key] = junk[rnd(junk.length)];
      }
      expect(() => {
        checkLedger(damaged);
        aapneKravView(damaged, o);
        kravView(damaged, o, period);
        innbetalingerView(damaged, o, period);
        utbetalingerView(damaged, o, period);
      }).not.toThrow();
    }
  });

  it('rejects an invalid clock with a clear error', () => {
    expect(() => aapneKravView(ledger([]), opts('2023-02-30'))).toThrow("clock '2023-02-30' is not a calendar date: expected YYYY-MM-DD");
  });

  it('projects a party with 8000 claims in linear time (smoke check, not a benchmark)', () => {
    const events: LedgerEvent[] = [];
    for (let i = 0; i < 8000; i++) {
      const due = `2023-${String((i % 12) + 1).padStart(2, '0')}-15`;
      events.push(claim(`K${i}`, '2023-01-01', 1000, due, { kid: KID_A }));
      if (i % 2 === 0) events.push(payment(`P${i}`, '2023-02-01', 500, { kidnummer: KID_A }));
    }
    const open = aapneKravView(ledger(events), opts('2023-08-01'));
    expect(open.aapentKravMedGjenstaaendeBeloep).toHaveLength(6000); // 4000 × 500 covers 2000 instalments
  });
});
