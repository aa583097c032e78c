// The key figures of every scenario in scenarios/, checked by hand. The scenarios are written relative
// to the clock and their dates were chosen on the real calendar at 2026-11-26, so that is the clock
// the exact figures are asserted at; at a later clock each scenario must still show its situation.
//
// Interest (stipulerteRenter, DekketKrav.forsinkelsesrenter) is simple interest on the remaining
// amount from the day after forfallsdato to the clock, actual days / 365, truncated to whole kroner
// per claim. Every interest window below lies in 2026, where fixtures/interest-rates.json has
// 12.0 % in both half-years, so each figure is `amount × 0.12 × days / 365`, truncated.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AapneKrav, AlleKrav, Innbetalinger, Krav, Utbetalinger } from '../../server/generated/contract.js';
import { addDays } from '../../server/ledger/dates.js';
import { aapneKravView, innbetalingerView, kravView, utbetalingerView, type Period, type Rettighetspakke } from '../../server/ledger/views.js';
import { packageRoot } from '../../server/paths.js';
import { loadScenarioFiles } from '../../server/scenarios/load.js';
import { ScenarioLoadError, type LoadedScenario } from '../../server/scenarios/types.js';

const SCENARIOS_DIR = join(packageRoot, 'scenarios');
const CLOCK = '2026-11-26';
const LATER_CLOCK = '2027-06-15';

function load(defaultClock: string): Map<string, LoadedScenario> {
  try {
    return new Map(loadScenarioFiles([SCENARIOS_DIR], { defaultClock }).map((s) => [s.name, s]));
  } catch (error) {
    if (error instanceof ScenarioLoadError) expect.fail(error.message);
    throw error;
  }
}

let atClock: Map<string, LoadedScenario>;
let atLater: Map<string, LoadedScenario>;
beforeAll(() => {
  atClock = load(CLOCK);
  atLater = load(LATER_CLOCK);
});

/** The four views of a scenario's (only) party. */
function scenario(name: string, at: 'clock' | 'later' = 'clock', rettighetspakke: Rettighetspakke = 'regnskapssystem') {
  const s = (at === 'clock' ? atClock : atLater).get(name);
  if (!s) throw new Error(`no scenario '${name}'`);
  const party = s.parties[0]!;
  const opts = { clock: s.clock, rettighetspakke };
  const year = Number(s.clock.slice(0, 4));
  const thisYear: Period = { fraOgMed: `${year}-01-01`, tilOgMed: s.clock };
  const lastYear: Period = { fraOgMed: `${year - 1}-01-01`, tilOgMed: `${year - 1}-12-31` };
  return {
    clock: s.clock,
    party,
    aapne: (): AapneKrav => aapneKravView(party, opts),
    krav: (period: Period = thisYear): AlleKrav => kravView(party, opts, period),
    innbetalinger: (period: Period = thisYear): Innbetalinger => innbetalingerView(party, opts, period),
    utbetalinger: (period: Period = thisYear): Utbetalinger => utbetalingerView(party, opts, period),
    thisYear,
    lastYear,
  };
}

function totals(a: AapneKrav): number[] {
  const t = a.totalOversikt!;
  return [t.sumStipulerteRenter, t.sumForfalteKrav, t.sumIkkeForfalteKrav, t.sumUplasserteInnbetalinger, t.saldo];
}
const openIds = (a: AapneKrav): string[] => (a.aapentKravMedGjenstaaendeBeloep ?? []).map((k) => k.kravidentifikator);
const groups = (a: AapneKrav): string[] => (a.oversiktPerKravgruppe ?? []).map((g) => g.kravgruppe);

function find(krav: Krav[] | undefined, id: string): Krav {
  const k = (krav ?? []).find((x) => x.kravidentifikator === id);
  if (!k) throw new Error(`no claim ${id}`);
  return k;
}
const day = (clock: string, offset: number): string => addDays(clock, offset);

// ------------------------------------------------------------------------------------------------

describe('enk-restskatt-forfalt', () => {
  it("shows the owner's unpaid restskatt as overdue, with computed interest", () => {
    const v = scenario('enk-restskatt-forfalt');
    const a = v.aapne();
    // renter: 24 365 × 0.12 × (79 + 44) / 365 = 985.27 (instalments due 2026-09-08 and 2026-10-13)
    expect(totals(a)).toEqual([985, 48730, 0, 0, 49715]);
    expect(openIds(a)).toEqual(['250965392']);
    expect(groups(a)).toEqual(['Skatt']);
    const k = find(a.aapentKravMedGjenstaaendeBeloep, '250965392');
    expect(k.partIdentifikator).toBe('14827731111'); // the owner's fødselsnummer
    expect(k.kravtype).toBe('RESTSKATT');
    expect(k.stipulerteRenter).toBe(985);
    expect(k.kravforfall.map((f) => [f.forfallsdato, f.gjenstaaendeBeloep])).toEqual([
      ['2026-09-08', 24365],
      ['2026-10-13', 24365],
    ]);
  });

  it("shows last year's restskatt, paid on time, only in krav", () => {
    const v = scenario('enk-restskatt-forfalt');
    const old = find(v.krav(v.lastYear).krav, '246597798');
    expect([old.opprinneligBeloep, old.gjenstaaendeBeloep]).toEqual([20830, 0]);
    expect(old.kravforfall.map((f) => f.plassertInnbetaling?.[0]?.innbetalingsdato)).toEqual(['2025-09-08', '2025-10-13']);
    expect(openIds(v.aapne())).not.toContain('246597798');
  });
});

describe('as-mva-seks-terminer', () => {
  it('has one open, overdue MVA term with interest', () => {
    const a = scenario('as-mva-seks-terminer').aapne();
    // renter: 58 940 × 0.12 × 45 / 365 = 871.99 (term 4, due 2026-10-12)
    expect(totals(a)).toEqual([871, 58940, 0, 0, 59811]);
    expect(openIds(a)).toEqual(['KRAV-34297607']);
    expect(groups(a)).toEqual(['Merverdiavgift']);
  });

  it('has six terms: four paid on time, one late with its linked Forsinkelsesrente, one open', () => {
    const v = scenario('as-mva-seks-terminer');
    const all = [...(v.krav(v.lastYear).krav ?? []), ...(v.krav().krav ?? [])];
    const terms = all.filter((k) => k.kravtype === 'Mva-melding');
    expect(terms.map((k) => k.kravperiode?.terminTekniskNavn)).toEqual(['05', '06', '01', '02', '03', '04']);
    const paidLate = terms.filter((k) => k.kravforfall[0]!.plassertInnbetaling?.some((p) => p.innbetalingsdato! > k.kravforfall[0]!.forfallsdato));
    expect(paidLate.map((k) => k.kravidentifikator)).toEqual(['KRAV-34173845']);
    const onTime = terms.filter((k) => k.gjenstaaendeBeloep === 0 && !paidLate.includes(k));
    expect(onTime).toHaveLength(4);
    expect(terms.filter((k) => k.gjenstaaendeBeloep > 0).map((k) => k.kravidentifikator)).toEqual(['KRAV-34297607']);

    const rente = find(all, 'KRAV-34201034');
    expect(rente.kravtype).toBe('Forsinkelsesrente');
    expect(rente.hovedstolKravidentifikator).toBe('KRAV-34173845');
    // 84 210 × 0.12 × 22 / 365 = 609.08: paid 2026-07-02, due 2026-06-10
    expect([rente.opprinneligBeloep, rente.gjenstaaendeBeloep]).toEqual([609, 0]);
    expect(rente.stipulerteRenter).toBeUndefined();
  });
});

describe('enk-forskuddsskatt-fire-terminer', () => {
  it('splits one claim between forfalt and ikke forfalt', () => {
    const a = scenario('enk-forskuddsskatt-fire-terminer').aapne();
    // renter: 12 500 × 0.12 × 72 / 365 = 295.89 (third instalment, due 2026-09-15)
    expect(totals(a)).toEqual([295, 12500, 22500, 0, 35295]);
    expect(openIds(a)).toEqual(['247870102']);
    expect(groups(a)).toEqual(['Skatt']);
    const k = find(a.aapentKravMedGjenstaaendeBeloep, '247870102');
    expect(k.partIdentifikator).toBe('02868440387');
    expect(k.kravforfall.map((f) => [f.forfallsdato, f.opprinneligBeloep, f.gjenstaaendeBeloep])).toEqual([
      ['2026-03-16', 22500, 0],
      ['2026-06-15', 22500, 0],
      ['2026-09-15', 22500, 12500],
      ['2026-12-15', 22500, 22500],
    ]);
    expect(k.kravforfall[2]!.plassertInnbetaling?.map((p) => p.plassertBeloep)).toEqual([10000]);
    expect(k.kravforfall[3]!.plassertInnbetaling).toBeUndefined();
    expect(new Set(k.kravforfall.map((f) => f.betalingsinformasjon.kidnummer)).size).toBe(1);
  });
});

describe('uplassert-innbetaling-uten-kid', () => {
  it('leaves a payment without KID unplaced while the claim stays open', () => {
    const v = scenario('uplassert-innbetaling-uten-kid');
    const a = v.aapne();
    // renter: 37 450 × 0.12 × 45 / 365 = 554.05; saldo 37 450 + 554 − 37 450 = 554
    expect(totals(a)).toEqual([554, 37450, 0, -37450, 554]);
    expect(openIds(a)).toEqual(['KRAV-34297261']);
    expect(groups(a)).toEqual(['Merverdiavgift']);
    expect(a.innbetalingMedUplassertBeloep).toHaveLength(1);
    const p = a.innbetalingMedUplassertBeloep![0]!;
    expect(p.innbetalingsidentifikator).toBe('FORF-94299960');
    expect([p.innbetaltBeloep, p.uplassertBeloep]).toEqual([-37450, -37450]);
    expect(p.plassertKrav).toBeUndefined();
    expect(p.innbetaltFra?.kidnummer).toBeUndefined();
    expect(p.innbetaltFra?.meldingSendtTilMottaker).toBe('MVA 4. termin 2026');
    expect(p.innbetalingstype).toBe('Bankoverføring');
    expect(p.innbetalingsdato! < find(a.aapentKravMedGjenstaaendeBeloep, 'KRAV-34297261').kravforfall[0]!.forfallsdato).toBe(true);
  });
});

describe('overbetaling-tilbakebetalt', () => {
  it('has nothing open: zero totals and no lists', () => {
    const a = scenario('overbetaling-tilbakebetalt').aapne();
    expect(totals(a)).toEqual([0, 0, 0, 0, 0]);
    expect(a.aapentKravMedGjenstaaendeBeloep).toBeUndefined();
    expect(a.innbetalingMedUplassertBeloep).toBeUndefined();
    expect(a.oversiktPerKravgruppe).toBeUndefined();
  });

  it('pays the overpaid 4 224 back: tilbakebetalingAv on the payout, plassertUtbetaling on the payment', () => {
    const v = scenario('overbetaling-tilbakebetalt');
    const u = v.utbetalinger().utbetaling ?? [];
    expect(u).toHaveLength(1);
    expect(u[0]!.utbetalingsidentifikator).toBe('64274755');
    expect(u[0]!.utbetaltBeloep).toBe(4224);
    expect(u[0]!.utbetalingstatus).toBe('bekreftet');
    expect(u[0]!.betaltTil.konto?.kontonummer).toMatch(/^\*{6}\d{5}$/);
    expect(u[0]!.grunnlagForUtbetaling.kreditKrav).toBeUndefined();
    // 32 864 paid with the KID of a 28 640 term: 32 864 − 28 640 = 4 224 left over
    expect(u[0]!.grunnlagForUtbetaling.tilbakebetalingAv?.map((t) => [t.innbetalingsIdentifikator, t.innbetaltBeloep, t.utbetaltBeloep])).toEqual([
      ['FORF-94257350', -32864, 4224],
    ]);
    const p = (v.innbetalinger().innbetaling ?? []).find((i) => i.innbetalingsidentifikator === 'FORF-94257350')!;
    expect(p.plassertKrav?.map((k) => [k.kravforfallIdentifikator, k.plassertBeloep])).toEqual([['KRAV-34255259', 28640]]);
    expect(p.uplassertBeloep).toBe(0);
    expect(p.plassertUtbetaling?.map((x) => [x.utbetalingsidentifikator, x.utbetaltBeloep])).toEqual([['64274755', 4224]]);
  });
});

describe('tilgodeskatt-motregnet-lovens-rekkefolge', () => {
  const CREDIT = '469314061';

  it('leaves MVA and the rest of arbeidsgiveravgift open after the set-off', () => {
    const a = scenario('tilgodeskatt-motregnet-lovens-rekkefolge').aapne();
    // forfalte: ARBGAVG 14 120 − 1 870 = 12 250, MVA 33 900; ikke forfalte: forskuddsskatt instalment 4, 18 000
    // renter: ARBGAVG 12 250 × 0.12 × 72 / 365 = 289.97, MVA 33 900 × 0.12 × 87 / 365 = 969.63; 289 + 969 = 1 258
    expect(totals(a)).toEqual([1258, 46150, 18000, 0, 65408]);
    expect(openIds(a)).toEqual(['247870488', 'KRAV-34255278', '251254285']);
    expect(groups(a)).toEqual(['Skatt', 'Merverdiavgift', 'Arbeidsgiveravgift']);
    expect(find(a.aapentKravMedGjenstaaendeBeloep, 'KRAV-34255278').kravforfall[0]!.plassertMotkrav).toBeUndefined();
  });

  it('covers the debts in the legal order, shown on both sides', () => {
    const v = scenario('tilgodeskatt-motregnet-lovens-rekkefolge');
    const krav = v.krav().krav;
    const credit = find(krav, '251722320');
    expect(credit.kravtype).toBe('RESTERENDE_SKT_TILB');
    expect(credit.partIdentifikator).toBe('27896920559');
    expect([credit.opprinneligBeloep, credit.gjenstaaendeBeloep]).toEqual([-41250, 0]);
    // 41 250 = forskuddsskatt (class c) 18 000 + forskuddstrekk (e) 21 380 + arbeidsgiveravgift (g) 1 870
    expect(credit.kravforfall[0]!.plassertMotkrav?.map((m) => [m.kravforfallsIdentifikator, m.plassertBeloep, m.kravtype])).toEqual([
      ['459684012', 18000, 'UTSKR_FORSKSKATT'],
      ['468144453', 21380, 'FORSKTREKK'],
      ['468143914', 1870, 'ARBGAVG'],
    ]);
    const m = credit.motregningAvKreditkrav!;
    expect(m.motregningsidentifikator).toBe('504310886');
    expect(m.motregnetdato).toBe('2026-10-20');
    // forsinkelsesrenter at the set-off, 35 days after 2026-09-15: 18 000 × 0.12 × 35 / 365 = 207.12,
    // 21 380 × … = 246.02, 14 120 (all that was left) × … = 162.48
    expect(m.dekketkrav.map((d) => [d.motregnetBeloep, d.forfallsdato, d.forsinkelsesrenter])).toEqual([
      [18000, '2026-09-15', 207],
      [21380, '2026-09-15', 246],
      [1870, '2026-09-15', 162],
    ]);
    // the mirror entries on the debts (skatteinnkreving: positive on both sides)
    const debts: [string, string, number, number][] = [
      ['247870488', '459684012', 18000, 18000],
      ['251254138', '468144453', 21380, 0],
      ['251254285', '468143914', 1870, 12250],
    ];
    for (const [claimId, forfallId, amount, left] of debts) {
      const f = find(krav, claimId).kravforfall.find((x) => x.kravforfallsIdentifikator === forfallId)!;
      expect(f.plassertMotkrav?.map((x) => [x.kravforfallsIdentifikator, x.plassertBeloep, x.kravtype, x.plassertDato])).toEqual([
        [CREDIT, amount, 'RESTERENDE_SKT_TILB', '2026-10-20'],
      ]);
      expect(f.gjenstaaendeBeloep).toBe(claimId === '247870488' ? 0 : left);
    }
  });
});

describe('a-melding-terminer', () => {
  it('has the newest term open and overdue, both kravtyper', () => {
    const a = scenario('a-melding-terminer').aapne();
    // renter: 23 655 × 0.12 × 10 / 365 = 77.77 and 47 545 × 0.12 × 10 / 365 = 156.31 (due 2026-11-16)
    expect(totals(a)).toEqual([233, 71200, 0, 0, 71433]);
    expect(openIds(a)).toEqual(['251998598', '251998122']);
    expect(groups(a)).toEqual(['Arbeidsgiveravgift', 'Forskuddstrekk']);
  });

  it('has one ARBGAVG and one FORSKTREKK claim per term, due the 15th of the month after (next working day)', () => {
    const v = scenario('a-melding-terminer');
    const thisYear = v.krav().krav ?? [];
    const lastYear = v.krav(v.lastYear).krav ?? [];
    expect(thisYear).toHaveLength(12); // 2025/6 (due in January) and 2026/1-5, two kravtyper each
    expect(lastYear).toHaveLength(10); // 2025/1-5
    for (const k of [...lastYear, ...thisYear]) {
      const p = k.kravperiode!;
      expect(p.periodeBeskrivelse.spraakTekst[0]!.tekst).toBe('Termin');
      expect(k.kravbeskrivelse?.spraakTekst[0]!.tekst).toBe(`${k.kravgruppe} - ${p.aar}/${p.terminTekniskNavn}`);
      expect(['ARBGAVG', 'FORSKTREKK']).toContain(k.kravtype);
    }
    const due = (list: Krav[]): string[] => [...new Set(list.map((k) => k.kravforfall[0]!.forfallsdato))];
    // 15 March and 15 November 2025 were Saturdays, 15 March and 15 November 2026 Sundays
    expect(due(lastYear)).toEqual(['2025-03-17', '2025-05-15', '2025-07-15', '2025-09-15', '2025-11-17']);
    expect(due(thisYear)).toEqual(['2026-01-15', '2026-03-16', '2026-05-15', '2026-07-15', '2026-09-15', '2026-11-16']);
  });
});

describe('kun-ikke-forfalte-krav', () => {
  it('has only claims not yet due', () => {
    const a = scenario('kun-ikke-forfalte-krav').aapne();
    // 2 × 61 500 (forskuddsskatt) + 41 980 (MVA term 5) = 164 980
    expect(totals(a)).toEqual([0, 0, 164980, 0, 164980]);
    expect(openIds(a)).toEqual(['252082218', 'KRAV-34344190']);
    expect(groups(a)).toEqual(['Skatt', 'Merverdiavgift']);
    for (const k of a.aapentKravMedGjenstaaendeBeloep!) {
      expect(k.stipulerteRenter).toBe(0);
      for (const f of k.kravforfall) expect(f.forfallsdato > CLOCK).toBe(true);
    }
  });
});

describe('ingen-krav-i-perioden', () => {
  it('finds nothing two years back (KB-007 over HTTP)', () => {
    const v = scenario('ingen-krav-i-perioden');
    const twoYearsBack: Period = { fraOgMed: '2024-01-01', tilOgMed: '2024-12-31' };
    for (const period of [twoYearsBack, v.lastYear]) {
      expect(v.krav(period).krav).toBeUndefined();
      expect(v.innbetalinger(period).innbetaling).toBeUndefined();
    }
    expect(v.utbetalinger().utbetaling).toBeUndefined();
    const first = (v.krav().krav ?? []).flatMap((k) => k.kravforfall.map((f) => f.forfallsdato)).sort()[0];
    expect(first).toBe(day(CLOCK, -134)); // 2026-07-15
  });

  it('still answers aapnekrav', () => {
    const a = scenario('ingen-krav-i-perioden').aapne();
    expect(totals(a)).toEqual([0, 0, 17640, 0, 17640]);
    expect(openIds(a)).toEqual(['KRAV-34345769']);
    expect(groups(a)).toEqual(['Merverdiavgift']);
  });
});

describe('skjermet-enk', () => {
  it('answers finans with nothing but the call parameters', () => {
    const v = scenario('skjermet-enk', 'clock', 'finans');
    expect(v.aapne()).toEqual({ partIdentifikator: '315900018', skjermet: true });
    expect(v.krav()).toEqual({ partIdentifikator: '315900018', periode: v.thisYear, skjermet: true });
    expect(v.innbetalinger()).toEqual({ partIdentifikator: '315900018', periode: v.thisYear, skjermet: true });
    expect(v.utbetalinger()).toEqual({ partIdentifikator: '315900018', periode: v.thisYear, skjermet: true });
  });

  it('answers regnskapssystem with amounts but without the party accounts', () => {
    const v = scenario('skjermet-enk');
    const a = v.aapne();
    expect(a.skjermet).toBe(true);
    // renter: 32 180 × 0.12 × 45 / 365 = 476.09 (MVA term 4); 9 000: forskuddsskatt instalment 4
    expect(totals(a)).toEqual([476, 32180, 9000, 0, 41656]);
    expect(openIds(a)).toEqual(['247870823', 'KRAV-34297760']);
    expect(groups(a)).toEqual(['Skatt', 'Merverdiavgift']);
    const payments = v.innbetalinger().innbetaling ?? [];
    expect(payments).toHaveLength(4);
    for (const p of payments) expect(p.innbetaltFra?.konto).toBeUndefined();
  });
});

describe('enk-eier-fodselsnummer', () => {
  const ORG = '315910005';
  const OWNER = '19847237700';

  it("mixes the owner's claims (fødselsnummer) with the business's (organisasjonsnummer)", () => {
    const a = scenario('enk-eier-fodselsnummer').aapne();
    // renter: 8 215 × 0.12 × 9 / 365 = 24.30 (restskatt instalment 2, due 2026-11-17)
    // ikke forfalte: forskuddsskatt instalment 4, 15 750 + MVA term 5, 30 110 = 45 860
    expect(totals(a)).toEqual([24, 8215, 45860, 0, 54099]);
    expect(a.partIdentifikator).toBe(ORG);
    expect(a.aapentKravMedGjenstaaendeBeloep!.map((k) => [k.kravidentifikator, k.partIdentifikator])).toEqual([
      ['247871192', OWNER],
      ['251386884', OWNER],
      ['KRAV-34346884', ORG],
    ]);
    expect(groups(a)).toEqual(['Skatt', 'Merverdiavgift']);
  });

  it("shows the owner's payments with the owner's identifier", () => {
    const v = scenario('enk-eier-fodselsnummer');
    const byParty = (v.innbetalinger().innbetaling ?? []).map((p) => [p.innbetalingsidentifikator, p.partIdentifikator]);
    expect(byParty).toEqual([
      ['90269779', OWNER],
      ['90540101', OWNER],
      ['90824940', OWNER],
      ['FORF-94302681', ORG],
      ['90911926', OWNER],
    ]);
  });
});

describe('kreditert-mva-termin', () => {
  it('shows an open credit claim that lowers sumForfalteKrav below zero', () => {
    const a = scenario('kreditert-mva-termin').aapne();
    // forfalte: the corrected term 1, −6 450; ikke forfalte: term 5, 44 350; saldo 37 900
    expect(totals(a)).toEqual([0, -6450, 44350, 0, 37900]);
    expect(openIds(a)).toEqual(['KRAV-34339980', 'KRAV-34345679']);
    expect(groups(a)).toEqual(['Merverdiavgift']);
    const credit = find(a.aapentKravMedGjenstaaendeBeloep, 'KRAV-34339980');
    expect([credit.opprinneligBeloep, credit.gjenstaaendeBeloep]).toEqual([-6450, -6450]);
    expect(credit.stipulerteRenter).toBeUndefined();
    expect(credit.kravforfall[0]!.betalingsinformasjon).toEqual({});
    expect(credit.kravperiode?.terminTekniskNavn).toBe('01');
  });

  it('pays the refund term out from the credit claim', () => {
    const v = scenario('kreditert-mva-termin');
    const u = v.utbetalinger().utbetaling ?? [];
    expect(u.map((x) => [x.utbetalingsidentifikator, x.utbetaltBeloep, x.utbetalingstatus])).toEqual([['64275672', 12780, 'bekreftet']]);
    expect(u[0]!.grunnlagForUtbetaling.tilbakebetalingAv).toBeUndefined();
    expect(u[0]!.grunnlagForUtbetaling.kreditKrav?.map((k) => [k.kravforfallidentifikator, k.opprinneligBeloep, k.gjenstaaendeBeloep, k.utbetaltBeloep])).toEqual([
      ['KRAV-34255078', -12780, 0, 12780],
    ]);
    const refund = find(v.krav().krav, 'KRAV-34255078');
    expect(refund.kravforfall[0]!.plassertUtbetaling?.map((p) => [p.utbetalingsidentifikator, p.plassertBeloep])).toEqual([['64275672', 12780]]);
  });
});

describe('forsinkelsesrenter-koblet', () => {
  it('has two open interest claims without interest of their own', () => {
    const a = scenario('forsinkelsesrenter-koblet').aapne();
    // 917 (MVA interest 966 − 49 credited) + 242 (arbeidsgiveravgift interest) = 1 159
    expect(totals(a)).toEqual([0, 1159, 0, 0, 1159]);
    expect(openIds(a)).toEqual(['KRAV-34219153', '251051097']);
    expect(groups(a)).toEqual(['Merverdiavgift', 'Arbeidsgiveravgift']);
    for (const k of a.aapentKravMedGjenstaaendeBeloep!) expect(k.stipulerteRenter).toBeUndefined();
  });

  it('links each interest claim (and the interest credit) to its principal', () => {
    const v = scenario('forsinkelsesrenter-koblet');
    const krav = v.krav().krav;
    const mva = find(krav, 'KRAV-34219153');
    // 73 480 × 0.12 × 40 / 365 = 966.31 (due 2026-06-10, paid 2026-07-20)
    expect([mva.kravtype, mva.hovedstolKravidentifikator, mva.opprinneligBeloep, mva.gjenstaaendeBeloep]).toEqual([
      'Forsinkelsesrente',
      'KRAV-34173496',
      966,
      917,
    ]);
    // MVA ledger: the debit side shows the set-off negative, the credit side positive
    expect(mva.kravforfall[0]!.plassertMotkrav?.map((m) => [m.kravforfallsIdentifikator, m.plassertBeloep, m.kravtype])).toEqual([
      ['FORF-94234803', -49, 'Fors.rente kredit'],
    ]);
    const kredit = find(krav, 'FORF-94234803');
    expect([kredit.hovedstolKravidentifikator, kredit.opprinneligBeloep, kredit.gjenstaaendeBeloep]).toEqual(['KRAV-34173496', -49, 0]);
    expect(kredit.kravforfall[0]!.plassertMotkrav?.map((m) => [m.kravforfallsIdentifikator, m.plassertBeloep])).toEqual([['KRAV-34219153', 49]]);
    const aga = find(krav, '251051097');
    // 18 460 × 0.12 × 40 / 365 = 242.76 (due 2026-07-15, paid 2026-08-24)
    expect([aga.kravtype, aga.kravgruppe, aga.hovedstolKravidentifikator, aga.opprinneligBeloep]).toEqual([
      'Forsinkelsesrente',
      'Arbeidsgiveravgift',
      '250499230',
      242,
    ]);
    for (const principal of ['KRAV-34173496', '250499230']) expect(find(krav, principal).gjenstaaendeBeloep).toBe(0);
  });
});

describe('alle-kravgrupper', () => {
  it('has one open claim in each of the seven kravgrupper', () => {
    const a = scenario('alle-kravgrupper').aapne();
    // forfalte: 5 580 + 46 210 + 12 340 + 27 930 + 19 870 + 38 420 = 150 350; ikke forfalte: tvangsmulkt 4 250
    // renter: 95 + 349 + 64 + 73 + 65 + 126 = 772 (per group below)
    expect(totals(a)).toEqual([772, 150350, 4250, 0, 155372]);
    expect(openIds(a)).toHaveLength(7);
    const perGroup = Object.fromEntries(
      (a.oversiktPerKravgruppe ?? []).map((g) => [g.kravgruppe, [g.sumForfalteKrav, g.sumIkkeForfalteKrav, g.sumStipulerteRenter, g.saldo]]),
    );
    expect(perGroup).toEqual({
      'Øvrige offentlige krav': [5580, 0, 95, 5675], // 5 580 × 0.12 × 52 / 365 = 95.39
      Merverdiavgift: [46210, 0, 349, 46559], // 46 210 × 0.12 × 23 / 365 = 349.42
      Skatt: [12340, 0, 64, 12404], // 12 340 × 0.12 × 16 / 365 = 64.91
      Særavgifter: [27930, 0, 73, 28003], // 27 930 × 0.12 × 8 / 365 = 73.46
      Arbeidsgiveravgift: [19870, 0, 65, 19935], // 19 870 × 0.12 × 10 / 365 = 65.32
      Forskuddstrekk: [38420, 0, 126, 38546], // 38 420 × 0.12 × 10 / 365 = 126.31
      'Andre krav': [0, 4250, 0, 4250],
    });
    expect(a.aapentKravMedGjenstaaendeBeloep!.map((k) => k.kravtype)).toEqual([
      'forsinkelsesgebyrRegnskapsloven',
      'Fasts § 12-1 (1) 1. pkt.',
      'RESTSKATT',
      'særavgift',
      'ARBGAVG',
      'FORSKTREKK',
      'tvangsmulktAopplysningsloven',
    ]);
  });
});

describe('innbetaling-plassert-manuelt', () => {
  it('places a payment without KID by hand, leaving the rest unplaced', () => {
    const v = scenario('innbetaling-plassert-manuelt');
    const a = v.aapne();
    // 60 000 − 21 340 − 36 910 = 1 750 unplaced
    expect(totals(a)).toEqual([0, 0, 0, -1750, -1750]);
    expect(a.aapentKravMedGjenstaaendeBeloep).toBeUndefined();
    const p = a.innbetalingMedUplassertBeloep ?? [];
    expect(p).toHaveLength(1);
    expect([p[0]!.innbetalingsidentifikator, p[0]!.innbetalingsdato, p[0]!.innbetaltBeloep, p[0]!.uplassertBeloep]).toEqual([
      '91002777',
      day(CLOCK, -13),
      -60000,
      -1750,
    ]);
    expect(p[0]!.plassertKrav?.map((k) => [k.kravforfallIdentifikator, k.plassertBeloep, k.plassertDato, k.kravforfallsdato])).toEqual([
      ['470005532', 21340, day(CLOCK, -6), day(CLOCK, -10)],
      ['470005588', 36910, day(CLOCK, -6), day(CLOCK, -10)],
    ]);
    for (const id of ['251999791', '251999595']) expect(find(v.krav().krav, id).gjenstaaendeBeloep).toBe(0);
  });
});

describe('mva-tilgode-under-utbetaling', () => {
  it('sets part of a refund off and pays the rest out, still under way', () => {
    const v = scenario('mva-tilgode-under-utbetaling');
    expect(totals(v.aapne())).toEqual([0, 0, 0, 0, 0]);
    const u = v.utbetalinger().utbetaling ?? [];
    // 23 760 refund = 6 120 set off + 17 640 paid out
    expect(u.map((x) => [x.utbetalingsidentifikator, x.utbetaltBeloep, x.utbetalingstatus])).toEqual([['64345327', 17640, 'underUtbetaling']]);
    expect(u[0]!.grunnlagForUtbetaling.kreditKrav?.map((k) => [k.kravforfallidentifikator, k.opprinneligBeloep, k.gjenstaaendeBeloep, k.utbetaltBeloep])).toEqual([
      ['KRAV-34297481', -23760, 0, 17640],
    ]);
    const krav = v.krav().krav;
    const refund = find(krav, 'KRAV-34297481');
    expect(refund.kravforfall[0]!.plassertMotkrav?.map((m) => [m.kravforfallsIdentifikator, m.plassertBeloep])).toEqual([['470005684', 6120]]);
    expect(refund.kravforfall[0]!.plassertUtbetaling?.map((p) => [p.utbetalingsidentifikator, p.plassertBeloep])).toEqual([['64345327', 17640]]);
    // forsinkelsesrenter at the set-off: 6 120 × 0.12 × 4 / 365 = 8.05
    expect(refund.motregningAvKreditkrav?.motregningsidentifikator).toBe('504341327');
    expect(refund.motregningAvKreditkrav?.dekketkrav.map((d) => [d.motregnetBeloep, d.forsinkelsesrenter])).toEqual([[6120, 8]]);
    const aga = find(krav, '251999775');
    expect(aga.gjenstaaendeBeloep).toBe(0);
    expect(aga.kravforfall[0]!.plassertMotkrav?.map((m) => [m.kravforfallsIdentifikator, m.plassertBeloep])).toEqual([['KRAV-34297481', 6120]]);
  });
});

// ------------------------------------------------------------------------------------------------

describe(`at a later clock (${LATER_CLOCK})`, () => {
  it('loads every scenario at that clock', () => {
    for (const s of atLater.values()) expect(s.clock).toBe(LATER_CLOCK);
    expect([...atLater.keys()]).toEqual([...atClock.keys()]);
  });

  it('shows every scenario in the same situation: the same open claims, sums and groups', () => {
    for (const name of atClock.keys()) {
      const now = scenario(name).aapne();
      const later = scenario(name, 'later').aapne();
      expect(openIds(later), name).toEqual(openIds(now));
      expect(groups(later), name).toEqual(groups(now));
      const [renterNow, ...restNow] = totals(now);
      const [renterLater, ...restLater] = totals(later);
      expect(restLater.slice(0, 3), name).toEqual(restNow.slice(0, 3)); // forfalte, ikke forfalte, uplasserte
      expect(renterLater! > 0, `${name}: interest accrues at both clocks or at neither`).toBe(renterNow! > 0);
    }
  });

  it('keeps the overdue overdue and the not-yet-due not due', () => {
    const restskatt = scenario('enk-restskatt-forfalt', 'later').aapne();
    expect(restskatt.totalOversikt!.sumForfalteKrav).toBe(48730);
    expect(restskatt.totalOversikt!.sumStipulerteRenter).toBeGreaterThan(0);
    for (const f of restskatt.aapentKravMedGjenstaaendeBeloep![0]!.kravforfall) expect(f.forfallsdato < LATER_CLOCK).toBe(true);

    const notDue = scenario('kun-ikke-forfalte-krav', 'later').aapne();
    expect(notDue.totalOversikt!.sumForfalteKrav).toBe(0);
    for (const k of notDue.aapentKravMedGjenstaaendeBeloep!) for (const f of k.kravforfall) expect(f.forfallsdato > LATER_CLOCK).toBe(true);

    const split = scenario('enk-forskuddsskatt-fire-terminer', 'later').aapne();
    expect([split.totalOversikt!.sumForfalteKrav, split.totalOversikt!.sumIkkeForfalteKrav]).toEqual([12500, 22500]);
  });

  it('still finds nothing two years back for ingen-krav-i-perioden', () => {
    const v = scenario('ingen-krav-i-perioden', 'later');
    expect(v.krav({ fraOgMed: '2025-01-01', tilOgMed: '2025-12-31' }).krav).toBeUndefined();
    expect(v.krav(v.lastYear).krav).toBeUndefined(); // everything moved: the first claim fell due 2027-02-01
    expect(v.krav().krav).toHaveLength(8); // all nine but MVA term 5, due after the clock
  });

  it('still shows the payouts and set-offs in the year up to the clock', () => {
    const payout = scenario('overbetaling-tilbakebetalt', 'later').utbetalinger().utbetaling ?? [];
    expect(payout.map((u) => u.utbetaltBeloep)).toEqual([4224]);
    const unplaced = scenario('uplassert-innbetaling-uten-kid', 'later').aapne();
    expect(unplaced.innbetalingMedUplassertBeloep?.map((p) => p.uplassertBeloep)).toEqual([-37450]);
    const credit = find(scenario('tilgodeskatt-motregnet-lovens-rekkefolge', 'later').krav().krav, '251722320');
    expect(credit.kravforfall[0]!.plassertMotkrav?.map((m) => m.plassertBeloep)).toEqual([18000, 21380, 1870]);
  });
});
