import { describe, expect, it } from 'vitest';
import type { ClaimRaised, LedgerEvent } from '../../server/ledger/events.js';
import { legalClass, sortInLegalOrder } from '../../server/ledger/legal-order.js';
import { aapneKravView, kravView } from '../../server/ledger/views.js';
import { claim, expectValid, ledger } from './helpers.js';

const opts = { clock: '2023-12-31', rettighetspakke: 'regnskapssystem' as const };
const ALL = { fraOgMed: '2020-01-01', tilOgMed: '2023-12-31' };
const tekst = (t: string) => ({ spraakTekst: [{ tekst: t, spraak: 'nb' }] });

function kravById(events: LedgerEvent[], clock = opts.clock) {
  const view = kravView(ledger(events), { ...opts, clock }, ALL);
  expectValid('AlleKrav', view);
  return new Map((view.krav ?? []).map((k) => [k.kravidentifikator, k]));
}

describe('set-off (motregning) shows on both sides', () => {
  it('skatteinnkreving: both sides +x, each naming the counterpart; motregningAvKreditkrav on the credit', () => {
    const credit = claim('C', '2023-02-20', -500, '2023-02-20', {
      kravtype: 'RESTERENDE_SKT_TILB',
      kravbeskrivelse: 'Tilbakebetaling restskatt - 2022',
      kravperiode: { beskrivelse: 'Inntektstår', aar: '2022' },
    });
    const debit = claim('D', '2023-01-10', 800, '2023-01-15', { kravtype: 'ARBGAVG', kravgruppe: 'Arbeidsgiveravgift', kravbeskrivelse: 'Arbeidsgiveravgift - 2022/6' });
    const k = kravById([
      credit,
      debit,
      { type: 'setOff', date: '2023-03-01', kreditKravforfallsIdentifikator: 'C-1', debetKravforfallsIdentifikator: 'D-1', beloep: 300, motregningsidentifikator: 'M1' },
    ]);
    const d = k.get('D')!;
    expect(d.gjenstaaendeBeloep).toBe(500);
    expect(d.kravforfall[0]!.plassertMotkrav).toEqual([
      {
        kravforfallsIdentifikator: 'C-1',
        plassertBeloep: 300,
        kravtype: 'RESTERENDE_SKT_TILB',
        plassertDato: '2023-03-01',
        kravbeskrivelse: tekst('Tilbakebetaling restskatt - 2022'),
        forfallsdato: '2023-02-20',
        kravperiode: { periodeBeskrivelse: tekst('Inntektstår'), aar: '2022' },
      },
    ]);
    const c = k.get('C')!;
    expect(c.gjenstaaendeBeloep).toBe(-200);
    expect(c.kravforfall[0]!.plassertMotkrav).toEqual([
      {
        kravforfallsIdentifikator: 'D-1',
        plassertBeloep: 300,
        kravtype: 'ARBGAVG',
        plassertDato: '2023-03-01',
        kravbeskrivelse: tekst('Arbeidsgiveravgift - 2022/6'),
        forfallsdato: '2023-01-15',
      },
    ]);
    // Interest of the debt at the set-off date: 800 kr × 10.75 % × 45 days (16 Jan - 1 Mar) / 365 = 10.60 -> 10
    expect(c.motregningAvKreditkrav).toEqual({
      motregningsidentifikator: 'M1',
      innkrevingsmyndighet: tekst('Skatteetaten'),
      dekketkrav: [
        {
          motregnetBeloep: 300,
          dekketKravBeskrivelse: tekst('Arbeidsgiveravgift - 2022/6'),
          innkrevingsmyndighet: tekst('Skatteetaten'),
          forfallsdato: '2023-01-15',
          kreditorsnavn: tekst('Skatteetaten'),
          forsinkelsesrenter: 10,
        },
      ],
      motregnetdato: '2023-03-01',
    });
    expect(d.motregningAvKreditkrav).toBeUndefined();
  });

  it('mva: the debit side shows −x with the credit claim kravtype and short text, the credit side +x', () => {
    const credit: ClaimRaised = {
      ...claim('K', '2022-02-01', -10, '2022-02-01', { reskontro: 'mva', kravtype: 'Fors.rente kredit', kravgruppe: 'Merverdiavgift' }),
      kravbeskrivelse: 'Korrigert forsinkelsesrente - Mva-melding september - oktober',
      kortBeskrivelse: 'Korrigert forsinkelsesrente',
    };
    const debit: ClaimRaised = {
      ...claim('R', '2022-01-17', 439, '2022-01-17', { reskontro: 'mva', kravtype: 'Forsinkelsesrente', kravgruppe: 'Merverdiavgift' }),
      kortBeskrivelse: 'Forsinkelsesrenter',
    };
    const k = kravById([credit, debit, { type: 'setOff', date: '2022-02-01', kreditKravforfallsIdentifikator: 'K-1', debetKravforfallsIdentifikator: 'R-1', beloep: 10 }]);
    expect(k.get('R')!.kravforfall[0]!.plassertMotkrav![0]).toMatchObject({
      kravforfallsIdentifikator: 'K-1',
      plassertBeloep: -10,
      kravtype: 'Fors.rente kredit',
      kravbeskrivelse: tekst('Korrigert forsinkelsesrente'),
    });
    expect(k.get('K')!.kravforfall[0]!.plassertMotkrav![0]).toMatchObject({
      kravforfallsIdentifikator: 'R-1',
      plassertBeloep: 10,
      kravtype: 'Forsinkelsesrente',
      kravbeskrivelse: tekst('Forsinkelsesrenter'),
    });
    expect(k.get('K')!.gjenstaaendeBeloep).toBe(0);
    expect(k.get('R')!.gjenstaaendeBeloep).toBe(429);
    // An MVA credit without KID shows an empty betalingsinformasjon, as the published FORF-91396163.
    expect(k.get('K')!.kravforfall[0]!.betalingsinformasjon).toEqual({});
    expect(k.get('K')!.motregningAvKreditkrav).toBeUndefined(); // no motregningsidentifikator
  });

  it('counts an open credit claim negative in the aapnekrav sums', () => {
    const open = aapneKravView(
      ledger([
        claim('C', '2023-02-20', -500, '2023-02-20', { kravtype: 'RESTERENDE_SKT_TILB' }),
        claim('D', '2023-01-10', 800, '2023-12-31', { kravtype: 'ARBGAVG', kravgruppe: 'Arbeidsgiveravgift', stipulerteRenter: null }),
        { type: 'setOff', date: '2023-03-01', kreditKravforfallsIdentifikator: 'C-1', debetKravforfallsIdentifikator: 'D-1', beloep: 300 },
      ]),
      opts,
    );
    expectValid('AapneKrav', open);
    expect(open.totalOversikt).toEqual({ sumStipulerteRenter: 0, sumForfalteKrav: -200, sumIkkeForfalteKrav: 500, sumUplasserteInnbetalinger: 0, saldo: 300 });
    expect(open.oversiktPerKravgruppe).toEqual([
      { kravgruppe: 'Skatt', sumStipulerteRenter: 0, sumForfalteKrav: -200, sumIkkeForfalteKrav: 0, saldo: -200 },
      { kravgruppe: 'Arbeidsgiveravgift', sumStipulerteRenter: 0, sumForfalteKrav: 0, sumIkkeForfalteKrav: 500, saldo: 500 },
    ]);
  });
});

describe('set-off in legal order (skattebetalingsforskriften § 13-6-1)', () => {
  const debt = (id: string, kravtype: string, kravgruppe: string, beloep: number, due: string, extra: Partial<ClaimRaised> = {}): ClaimRaised => ({
    ...claim(id, '2023-01-02', beloep, due, { kravtype, kravgruppe, stipulerteRenter: null }),
    ...extra,
  });
  const events: LedgerEvent[] = [
    debt('MVA', 'Mva-melding', 'Merverdiavgift', 4000, '2023-04-10', { reskontro: 'mva' }),
    debt('REST', 'RESTSKATT', 'Skatt', 3000, '2023-08-20'),
    debt('AGA', 'ARBGAVG', 'Arbeidsgiveravgift', 2000, '2023-07-15'),
    debt('TREKK', 'FORSKTREKK', 'Forskuddstrekk', 1500, '2023-07-15'),
    debt('RENTE', 'Forsinkelsesrente', 'Arbeidsgiveravgift', 100, '2023-08-01', { hovedstolKravidentifikator: 'AGA' }),
    debt('FS22', 'UTSKR_FORSKSKATT', 'Skatt', 500, '2022-12-15', { kravperiode: { beskrivelse: 'Inntektstår', aar: '2022' } }),
    debt('FS23', 'UTSKR_FORSKSKATT', 'Skatt', 0, '', {
      kravperiode: { beskrivelse: 'Inntektstår', aar: '2023' },
      kravforfall: [
        { kravforfallsIdentifikator: 'FS23-1', forfallsdato: '2023-06-15', beloep: 1000 },
        { kravforfallsIdentifikator: 'FS23-2', forfallsdato: '2023-09-15', beloep: 1000 }, // not due yet: untouched
      ],
    }),
    debt('LATER', 'RESTSKATT', 'Skatt', 700, '2023-10-01'), // not due yet: untouched
    claim('TILGODE', '2023-09-01', -10_000, '2023-09-01', { kravtype: 'RESTERENDE_SKT_TILB' }),
    { type: 'setOffInLegalOrder', date: '2023-09-01', kreditKravforfallsIdentifikator: 'TILGODE-1', motregningsidentifikator: 'MOT-1' },
  ];

  it('covers a) old forskuddsskatt, b) restskatt, c) this year\'s forskuddsskatt, e) trekk, g) AGA, i) interest, then m) MVA', () => {
    const k = kravById(events);
    const tilgode = k.get('TILGODE')!;
    // 500 + 3000 + 1000 + 1500 + 2000 + 100 = 8100; MVA gets the last 1900 of 10 000
    expect(tilgode.kravforfall[0]!.plassertMotkrav!.map((m) => [m.kravforfallsIdentifikator, m.plassertBeloep])).toEqual([
      ['FS22-1', 500],
      ['REST-1', 3000],
      ['FS23-1', 1000],
      ['TREKK-1', 1500],
      ['AGA-1', 2000],
      ['RENTE-1', 100],
      ['MVA-1', 1900],
    ]);
    expect(tilgode.gjenstaaendeBeloep).toBe(0);
    expect(k.get('MVA')!.gjenstaaendeBeloep).toBe(2100);
    expect(k.get('MVA')!.kravforfall[0]!.plassertMotkrav![0]!.plassertBeloep).toBe(-1900); // mva debit side
    expect(k.get('FS23')!.kravforfall.map((f) => f.gjenstaaendeBeloep)).toEqual([0, 1000]);
    expect(k.get('LATER')!.gjenstaaendeBeloep).toBe(700);
    expect(tilgode.motregningAvKreditkrav!.dekketkrav.map((d) => d.motregnetBeloep)).toEqual([500, 3000, 1000, 1500, 2000, 100, 1900]);
  });

  it('stops when the credit is used up: a tilgodeskatt covers restskatt before MVA', () => {
    const k = kravById([
      debt('MVA', 'Mva-melding', 'Merverdiavgift', 4000, '2023-04-10', { reskontro: 'mva' }),
      debt('REST', 'RESTSKATT', 'Skatt', 3000, '2023-08-20'),
      claim('TILGODE', '2023-09-01', -3500, '2023-09-01', { kravtype: 'RESTERENDE_SKT_TILB' }),
      { type: 'setOffInLegalOrder', date: '2023-09-01', kreditKravforfallsIdentifikator: 'TILGODE-1' },
    ]);
    expect(k.get('REST')!.gjenstaaendeBeloep).toBe(0);
    expect(k.get('MVA')!.gjenstaaendeBeloep).toBe(3500);
  });

  it('maps kravtype codes to classes, with a kravgruppe fallback and interest following its principal', () => {
    const at = '2023-09-01';
    expect(legalClass({ kravtype: 'UTSKR_FORSKSKATT', kravgruppe: 'Skatt', aar: '2022' }, at)).toBe('a');
    expect(legalClass({ kravtype: 'UTSKR_FORSKSKATT', kravgruppe: 'Skatt', aar: '2023' }, at)).toBe('c');
    expect(legalClass({ kravtype: 'RESTSKATT', kravgruppe: 'Skatt' }, at)).toBe('b');
    expect(legalClass({ kravtype: 'FORSKTREKK', kravgruppe: 'Forskuddstrekk' }, at)).toBe('e');
    expect(legalClass({ kravtype: 'ARBGAVG', kravgruppe: 'Arbeidsgiveravgift' }, at)).toBe('g');
    expect(legalClass({ kravtype: 'Fasts § 12-1 (1) 1. pkt.', kravgruppe: 'Merverdiavgift' }, at)).toBe('m');
    expect(legalClass({ kravtype: 'UKJENT_KODE', kravgruppe: 'Forskuddstrekk' }, at)).toBe('e');
    expect(legalClass({ kravtype: 'UKJENT_KODE', kravgruppe: 'Særavgift' }, at)).toBe('n');
    const aga = { kravtype: 'ARBGAVG', kravgruppe: 'Arbeidsgiveravgift' };
    const mva = { kravtype: 'Mva-melding', kravgruppe: 'Merverdiavgift' };
    expect(legalClass({ kravtype: 'Forsinkelsesrente', kravgruppe: 'Arbeidsgiveravgift', principal: aga }, at)).toBe('i');
    expect(legalClass({ kravtype: 'Forsinkelsesrente', kravgruppe: 'Merverdiavgift', principal: mva }, at)).toBe('m');
    expect(legalClass({ kravtype: 'Forsinkelsesrente', kravgruppe: 'Merverdiavgift' }, at)).toBe('m');
  });

  it('sorts within a class by oldest due date, then ledger order', () => {
    const c = { kravtype: 'RESTSKATT', kravgruppe: 'Skatt' };
    const sorted = sortInLegalOrder(
      [
        { claim: c, forfallsdato: '2023-05-01', order: 1 },
        { claim: c, forfallsdato: '2023-04-01', order: 3 },
        { claim: c, forfallsdato: '2023-05-01', order: 0 },
      ],
      '2023-09-01',
    );
    expect(sorted.map((d) => d.order)).toEqual([3, 0, 1]);
  });
});
