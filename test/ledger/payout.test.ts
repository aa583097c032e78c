import { describe, expect, it } from 'vitest';
import type { LedgerEvent, Payout } from '../../server/ledger/events.js';
import { aapneKravView, innbetalingerView, kravView, utbetalingerView } from '../../server/ledger/views.js';
import { claim, expectValid, ledger, payment } from './helpers.js';

const opts = { clock: '2023-12-31', rettighetspakke: 'regnskapssystem' as const };
const YEAR = { fraOgMed: '2023-01-01', tilOgMed: '2023-12-31' };
const tekst = (t: string) => ({ spraakTekst: [{ tekst: t, spraak: 'nb' }] });
const RECIPIENT = '54221361434';

const credit = claim('T', '2023-08-10', -1000, '2023-08-10', {
  kravtype: 'RESTERENDE_SKT_TILB',
  kravbeskrivelse: 'Tilbakebetaling restskatt - 2022',
  kravperiode: { beskrivelse: 'Inntektstår', aar: '2022' },
});
const payout = (extra: Partial<Payout> = {}): Payout => ({
  type: 'payout',
  date: '2023-08-21',
  utbetalingsidentifikator: 'U1',
  mottaker: { navn: 'TEST ENK', kontonummer: RECIPIENT },
  melding: 'Tilgode skatt 2022',
  fraKreditkrav: [{ kravforfallsIdentifikator: 'T-1', beloep: 600 }],
  ...extra,
});

describe('payouts', () => {
  it('from a credit claim: Utbetaling with kreditKrav, and plassertUtbetaling on the credit instalment', () => {
    const l = ledger([credit, payout()]);
    const ut = utbetalingerView(l, opts, YEAR);
    expectValid('Utbetalinger', ut);
    expect(ut.utbetaling).toEqual([
      {
        partIdentifikator: '313367002',
        utbetalingsidentifikator: 'U1',
        utbetaltdato: '2023-08-21',
        utbetaltBeloep: 600,
        betaltTil: { meldingSendtTilMottaker: 'Tilgode skatt 2022', konto: { kontoeiersNavn: 'TEST ENK', kontonummer: '******61434' }, valutakode: 'NOK' },
        grunnlagForUtbetaling: {
          kreditKrav: [
            {
              kravforfallidentifikator: 'T-1',
              opprinneligBeloep: -1000,
              gjenstaaendeBeloep: -400,
              utbetaltBeloep: 600,
              kravbeskrivelse: tekst('Tilbakebetaling restskatt - 2022'),
              kravtype: 'RESTERENDE_SKT_TILB',
              kravperiode: { periodeBeskrivelse: tekst('Inntektstår'), aar: '2022' },
            },
          ],
        },
        utbetalingstatus: 'bekreftet',
      },
    ]);
    const t = kravView(l, opts, YEAR).krav![0]!;
    expect(t.gjenstaaendeBeloep).toBe(-400);
    expect(t.kravforfall[0]!.plassertUtbetaling).toEqual([
      {
        utbetalingsidentifikator: 'U1',
        utbetaltBeloep: 600,
        utbetaltDato: '2023-08-21',
        // shown in full on the claim, as the published KRAV_UTBET_KRED example does
        betaltTil: { meldingSendtTilMottaker: 'Tilgode skatt 2022', konto: { kontoeiersNavn: 'TEST ENK', kontonummer: RECIPIENT }, valutakode: 'NOK' },
        plassertBeloep: 600,
        plassertDato: '2023-08-21',
      },
    ]);
  });

  it('from a credit and back from an unplaced payment: total of the parts, the payment shows its repayment', () => {
    const l = ledger([
      credit,
      payment('P', '2023-08-01', 300),
      payout({ status: 'underUtbetaling', tilbakebetalingAv: [{ innbetalingsidentifikator: 'P', beloep: 250 }] }),
    ]);
    const ut = utbetalingerView(l, opts, YEAR).utbetaling![0]!;
    expect(ut.utbetaltBeloep).toBe(850);
    expect(ut.utbetalingstatus).toBe('underUtbetaling');
    expect(ut.grunnlagForUtbetaling.tilbakebetalingAv).toEqual([
      {
        innbetalingsIdentifikator: 'P',
        innbetalingstype: 'Innbetaling 2023-08-01',
        innbetalingsdato: '2023-08-01',
        innbetaltBeloep: -300,
        innbetaltFra: { konto: { kontoeiersNavn: 'Betaler AS', kontonummer: '******11111' }, valutakode: 'NOK' },
        utbetaltBeloep: 250,
      },
    ]);
    const inn = innbetalingerView(l, opts, YEAR);
    expectValid('Innbetalinger', inn);
    const p = inn.innbetaling![0]!;
    expect(p.uplassertBeloep).toBe(-50);
    expect(p.plassertUtbetaling).toEqual([
      {
        utbetalingsidentifikator: 'U1',
        utbetaltdato: '2023-08-21',
        utbetaltBeloep: 250,
        betaltTil: { meldingSendtTilMottaker: 'Tilgode skatt 2022', konto: { kontoeiersNavn: 'TEST ENK', kontonummer: '******61434' }, valutakode: 'NOK' },
      },
    ]);
    // aapnekrav: credit −400 (forfalt) and the payment's −50 unplaced
    const open = aapneKravView(l, opts);
    expectValid('AapneKrav', open);
    expect(open.totalOversikt).toEqual({ sumStipulerteRenter: 0, sumForfalteKrav: -400, sumIkkeForfalteKrav: 0, sumUplasserteInnbetalinger: -50, saldo: -450 });
  });

  it('selects payouts by utbetaltdato in the period (inclusive) and not after the clock', () => {
    const events: LedgerEvent[] = [
      claim('T', '2023-01-01', -1000, '2023-01-01', { kravtype: 'RESTERENDE_SKT_TILB' }),
      payout({ utbetalingsidentifikator: 'FIRST', date: '2023-03-01', fraKreditkrav: [{ kravforfallsIdentifikator: 'T-1', beloep: 100 }] }),
      payout({ utbetalingsidentifikator: 'LAST', date: '2023-03-31', fraKreditkrav: [{ kravforfallsIdentifikator: 'T-1', beloep: 100 }] }),
      payout({ utbetalingsidentifikator: 'OUT', date: '2023-04-01', fraKreditkrav: [{ kravforfallsIdentifikator: 'T-1', beloep: 100 }] }),
    ];
    const march = { fraOgMed: '2023-03-01', tilOgMed: '2023-03-31' };
    expect(utbetalingerView(ledger(events), opts, march).utbetaling?.map((u) => u.utbetalingsidentifikator)).toEqual(['FIRST', 'LAST']);
    const early = utbetalingerView(ledger(events), { ...opts, clock: '2023-03-30' }, march);
    expect(early.utbetaling?.map((u) => u.utbetalingsidentifikator)).toEqual(['FIRST']);
    expect(early.utbetaling![0]!.grunnlagForUtbetaling.kreditKrav![0]!.gjenstaaendeBeloep).toBe(-900); // as at the clock
    const none = utbetalingerView(ledger(events), opts, { fraOgMed: '2022-01-01', tilOgMed: '2022-12-31' });
    expectValid('Utbetalinger', none);
    expect(none).toEqual({ partIdentifikator: '313367002', periode: { fraOgMed: '2022-01-01', tilOgMed: '2022-12-31' }, skjermet: false });
  });
});
