import { describe, expect, it } from 'vitest';
import type { ClaimRaised } from '../../server/ledger/events.js';
import { planKidPlacement } from '../../server/ledger/placement.js';
import { aapneKravView, innbetalingerView, kravView } from '../../server/ledger/views.js';
import { KID_A, KID_B, claim, expectValid, ledger, payment } from './helpers.js';

const opts = { clock: '2023-12-31', rettighetspakke: 'regnskapssystem' as const };
const YEAR = { fraOgMed: '2023-01-01', tilOgMed: '2023-12-31' };

/** Forskuddsskatt with three instalments of 1000 carrying KID_A, listed newest first on purpose. */
const forskudd: ClaimRaised = claim('F', '2023-01-10', 0, '', {
  kravtype: 'UTSKR_FORSKSKATT',
  kravforfall: [
    { kravforfallsIdentifikator: 'F-3', forfallsdato: '2023-09-15', beloep: 1000, kidnummer: KID_A },
    { kravforfallsIdentifikator: 'F-1', forfallsdato: '2023-03-15', beloep: 1000, kidnummer: KID_A },
    { kravforfallsIdentifikator: 'F-2', forfallsdato: '2023-06-15', beloep: 1000, kidnummer: KID_A },
  ],
});

function placementsOf(view: ReturnType<typeof innbetalingerView>, id: string): [string, number][] {
  const p = view.innbetaling?.find((i) => i.innbetalingsidentifikator === id);
  return (p?.plassertKrav ?? []).map((k) => [k.kravforfallIdentifikator, k.plassertBeloep]);
}

describe('automatic placement of a payment with a KID', () => {
  it('covers the instalments with that KID oldest due date first, partially at the end', () => {
    const l = ledger([forskudd, payment('P', '2023-04-01', 1500, { kidnummer: KID_A })]);
    const inn = innbetalingerView(l, opts, YEAR);
    expectValid('Innbetalinger', inn);
    expect(placementsOf(inn, 'P')).toEqual([
      ['F-1', 1000],
      ['F-2', 500],
    ]);
    const p = inn.innbetaling![0]!;
    expect(p.innbetaltBeloep).toBe(-1500);
    expect(p.uplassertBeloep).toBe(0);
    expect(p.plassertKrav![1]).toMatchObject({ plassertDato: '2023-04-01', kravforfallsdato: '2023-06-15', opprinneligKravforfallsbeloep: 1000, gjenstaaendeKravforfallsbeloep: 500 });
    const krav = kravView(l, opts, YEAR).krav![0]!;
    expect(krav.gjenstaaendeBeloep).toBe(1500); // 3000 − 1500
    expect(krav.kravforfall.map((f) => [f.kravforfallsIdentifikator, f.gjenstaaendeBeloep])).toEqual([
      ['F-3', 1000],
      ['F-1', 0],
      ['F-2', 500],
    ]);
  });

  it('leaves what is left over unplaced (negative uplassertBeloep) and lists it in aapnekrav', () => {
    const l = ledger([forskudd, payment('P', '2023-04-01', 3200.5, { kidnummer: KID_A })]);
    const inn = innbetalingerView(l, opts, YEAR);
    expect(placementsOf(inn, 'P')).toEqual([
      ['F-1', 1000],
      ['F-2', 1000],
      ['F-3', 1000],
    ]);
    expect(inn.innbetaling![0]!.uplassertBeloep).toBe(-200.5);
    const open = aapneKravView(l, opts);
    expectValid('AapneKrav', open);
    expect(open.aapentKravMedGjenstaaendeBeloep).toBeUndefined();
    expect(open.innbetalingMedUplassertBeloep?.map((i) => i.uplassertBeloep)).toEqual([-200.5]);
    expect(open.totalOversikt).toEqual({
      sumStipulerteRenter: 0,
      sumForfalteKrav: 0,
      sumIkkeForfalteKrav: 0,
      sumUplasserteInnbetalinger: -200.5,
      saldo: -200.5,
    });
    expect(open.oversiktPerKravgruppe).toBeUndefined();
  });

  it('places only on claims that exist on the payment date', () => {
    const later = claim('L', '2023-05-01', 700, '2023-04-01', { kid: KID_B });
    const l = ledger([later, payment('P', '2023-04-20', 700, { kidnummer: KID_B })]);
    const inn = innbetalingerView(l, opts, YEAR);
    expect(inn.innbetaling![0]!.plassertKrav).toBeUndefined();
    expect(inn.innbetaling![0]!.uplassertBeloep).toBe(-700);
  });

  it('does not place a payment without KID, or with autoPlace false', () => {
    const l = ledger([
      forskudd,
      payment('NOKID', '2023-04-01', 100),
      payment('MANUAL', '2023-04-01', 100, { kidnummer: KID_A, autoPlace: false }),
    ]);
    const inn = innbetalingerView(l, opts, YEAR);
    expect(inn.innbetaling!.map((i) => [i.innbetalingsidentifikator, i.plassertKrav, i.uplassertBeloep])).toEqual([
      ['NOKID', undefined, -100],
      ['MANUAL', undefined, -100],
    ]);
    expect(aapneKravView(l, opts).totalOversikt?.sumUplasserteInnbetalinger).toBe(-200);
  });

  it('places by hand on the given date, and a later KID payment covers what is still open', () => {
    const l = ledger([
      forskudd,
      payment('M', '2023-03-01', 400, { autoPlace: false }),
      { type: 'paymentPlaced', date: '2023-03-05', innbetalingsidentifikator: 'M', kravforfallsIdentifikator: 'F-1', beloep: 400 },
      payment('K', '2023-03-10', 800, { kidnummer: KID_A }),
    ]);
    const inn = innbetalingerView(l, opts, YEAR);
    expect(placementsOf(inn, 'M')).toEqual([['F-1', 400]]);
    expect(inn.innbetaling![0]!.plassertKrav![0]!.plassertDato).toBe('2023-03-05');
    expect(placementsOf(inn, 'K')).toEqual([
      ['F-1', 600],
      ['F-2', 200],
    ]);
  });

  it('plans placements as a pure function (ties by ledger order, credit and settled skipped)', () => {
    const c = (forfallsdato: string, remaining: number, order: number) => ({ forfallsdato, remaining, order });
    const list = [c('2023-02-01', 100, 2), c('2023-01-01', -50, 0), c('2023-02-01', 100, 1), c('2023-01-15', 0, 3)];
    expect(planKidPlacement(150, list).map((p) => [p.target.order, p.amount])).toEqual([
      [1, 100],
      [2, 50],
    ]);
  });
});

describe('placed payments on instalments, by ledger', () => {
  const build = (reskontro: 'mva' | 'skatteinnkreving') =>
    ledger([
      claim('K', '2023-01-10', 1000, '2023-02-10', { kid: KID_A, reskontro }),
      payment('P', '2023-02-01', 600, { kidnummer: KID_A, melding: 'Betaling termin 1' }),
    ]);

  it('mva: plassertBeloep negative, Innbetalt OCR, no valutakode, no mottakersKontonummer', () => {
    const l = build('mva');
    const f = kravView(l, opts, YEAR).krav![0]!.kravforfall[0]!;
    expect(f.plassertInnbetaling).toEqual([
      {
        innbetalingsIdentifikator: 'P',
        plassertBeloep: -600,
        plassertDato: '2023-02-01',
        innbetalingsdato: '2023-02-01',
        innbetaltBeloep: -600,
        innbetaltFra: { kidnummer: KID_A, meldingSendtTilMottaker: 'Betaling termin 1', konto: { kontoeiersNavn: 'Betaler AS', kontonummer: '******11111' } },
        innbetalingstype: 'Innbetalt OCR',
      },
    ]);
    expect(f.betalingsinformasjon).toEqual({
      kidnummer: KID_A,
      konto: { kontoeiersNavn: 'Skatteetaten', kontonummer: '76940518888', iban: 'NO5876940518888', swiftBIC: 'DNBANOKK' },
    });
    const p = innbetalingerView(l, opts, YEAR).innbetaling![0]!;
    expect(p.mottakersKontonummer).toBeUndefined();
    expect(p.innbetalingstype).toBe('Innbetalt OCR');
  });

  it('skatteinnkreving: plassertBeloep positive, "Innbetaling <date>", valutakode NOK, mottakersKontonummer', () => {
    const l = ledger([
      claim('K', '2023-01-10', 1000, '2023-02-10', { kid: KID_A }),
      payment('P', '2023-02-01', 600, { kidnummer: KID_A }),
    ]);
    const f = kravView(l, opts, YEAR).krav![0]!.kravforfall[0]!;
    expect(f.plassertInnbetaling![0]).toMatchObject({
      plassertBeloep: 600,
      innbetaltFra: { kidnummer: KID_A, meldingSendtTilMottaker: KID_A, konto: { kontoeiersNavn: 'Betaler AS', kontonummer: '******11111' }, valutakode: 'NOK' },
      innbetalingstype: 'Innbetaling 2023-02-01',
    });
    const inn = innbetalingerView(l, opts, YEAR);
    expectValid('Innbetalinger', inn);
    expect(inn.innbetaling![0]!.mottakersKontonummer).toEqual({ kontonummer: '76940524802' });
    expect(f.betalingsinformasjon.konto).toEqual({
      kontoeiersNavn: 'SKATTEETATEN - SKATTEINNKREVING',
      kontonummer: '76940524802',
      iban: 'NO42 7694 0524 802',
      swiftBIC: 'DNBANOKKXXX',
    });
  });
});
