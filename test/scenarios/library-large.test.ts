// scenarios/stor-part-fem-aar.yaml: the large party (over 2 000 claims in five years), for vendors'
// volume tests. Its figures at the reference clock 2026-11-26, and the same situation later.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AapneKrav } from '../../server/generated/contract.js';
import { addYears } from '../../server/ledger/dates.js';
import type { ClaimRaised, PartyLedger } from '../../server/ledger/events.js';
import { aapneKravView, innbetalingerView, kravView, type Period } from '../../server/ledger/views.js';
import { packageRoot } from '../../server/paths.js';
import { loadScenarioFiles } from '../../server/scenarios/load.js';
import { ScenarioLoadError, type LoadedScenario } from '../../server/scenarios/types.js';

const FILE = join(packageRoot, 'scenarios', 'stor-part-fem-aar.yaml');
const CLOCK = '2026-11-26';
const LATER_CLOCK = '2027-06-15';

function load(defaultClock: string): LoadedScenario {
  try {
    const [s] = loadScenarioFiles([FILE], { defaultClock });
    return s!;
  } catch (error) {
    if (error instanceof ScenarioLoadError) expect.fail(error.message);
    throw error;
  }
}

/** The import declarations of November 2026, not yet due (2026-12-18): one claim each. */
const NOVEMBER_DECLARATIONS = [
  35016, 90558, 2491, 42249, 93857, 45656, 46332, 92144, 28502, 7439, 73843, 8084, 62741, 84224, 32638, 11004, 42079, 3215, 21384, 58607,
  21637,
];
const ALCOHOL_OCTOBER = { id: '251975695', beloep: 313455 }; // due 2026-11-18, unpaid
const FORSKUDDSSKATT_2026 = { id: '252083660', beloep: 4709754 }; // 2 × 2 354 877, due 2027-02-15 and 2027-04-15
const MVA_TERM_5 = { id: 'KRAV-34345282', beloep: 1808830 }; // due 2026-12-10

const totals = (a: AapneKrav): number[] => {
  const t = a.totalOversikt!;
  return [t.sumStipulerteRenter, t.sumForfalteKrav, t.sumIkkeForfalteKrav, t.sumUplasserteInnbetalinger, t.saldo];
};

describe('stor-part-fem-aar', () => {
  let scenario: LoadedScenario;
  let party: PartyLedger;
  let claims: ClaimRaised[];
  beforeAll(() => {
    scenario = load(CLOCK);
    party = scenario.parties[0]!;
    claims = party.events.filter((e): e is ClaimRaised => e.type === 'claimRaised');
  });

  it('is a file of a few MB at most', () => {
    expect(statSync(FILE).size).toBeLessThan(8_000_000);
  });

  it('has over 2 000 claims spread over five years', () => {
    expect(claims).toHaveLength(2088);
    const created = claims.map((c) => c.date).sort();
    expect(created[0]! >= addYears(CLOCK, -5)).toBe(true);
    expect(created[0]! <= '2021-12-31').toBe(true);
    expect(created.at(-1)! <= CLOCK).toBe(true);
    const byKravtype: Record<string, number> = {};
    for (const c of claims) byKravtype[c.kravtype] = (byKravtype[c.kravtype] ?? 0) + 1;
    expect(byKravtype).toEqual({
      innførselTollkreditt: 1741,
      særavgift: 236, // four duties a month, December 2021 to October 2026 (59 months)
      'Mva-melding': 30,
      ARBGAVG: 30,
      FORSKTREKK: 30,
      Forsinkelsesrente: 12,
      UTSKR_FORSKSKATT: 5,
      RESTSKATT: 4,
    });
  });

  it("leaves open only this month's declarations, the claims not yet due and last month's alcohol duty", () => {
    const a = aapneKravView(party, { clock: scenario.clock, rettighetspakke: 'regnskapssystem' });
    const november = NOVEMBER_DECLARATIONS.reduce((s, x) => s + x, 0);
    expect(november).toBe(903700);
    // ikke forfalte: 903 700 + 4 709 754 + 1 808 830 = 7 422 284
    // renter: 313 455 × 0.12 × 8 / 365 = 824.43 (alcohol duty due 2026-11-18)
    expect(totals(a)).toEqual([824, 313455, 7422284, 0, 7736563]);
    const open = a.aapentKravMedGjenstaaendeBeloep ?? [];
    expect(open).toHaveLength(NOVEMBER_DECLARATIONS.length + 3);
    const toll = open.filter((k) => k.kravtype === 'innførselTollkreditt');
    expect(toll.map((k) => k.gjenstaaendeBeloep)).toEqual(NOVEMBER_DECLARATIONS);
    for (const k of toll) expect(k.kravforfall[0]!.forfallsdato).toBe('2026-12-18');
    for (const { id, beloep } of [ALCOHOL_OCTOBER, FORSKUDDSSKATT_2026, MVA_TERM_5]) {
      expect(open.find((k) => k.kravidentifikator === id)?.gjenstaaendeBeloep).toBe(beloep);
    }
    expect((a.oversiktPerKravgruppe ?? []).map((g) => [g.kravgruppe, g.sumForfalteKrav, g.sumIkkeForfalteKrav, g.sumStipulerteRenter, g.saldo])).toEqual([
      ['Særavgifter', 313455, 903700, 824, 1217979],
      ['Skatt', 0, 4709754, 0, 4709754],
      ['Merverdiavgift', 0, 1808830, 0, 1808830],
    ]);
    expect(a.innbetalingMedUplassertBeloep).toBeUndefined();
  });

  it('answers krav and innbetalinger for a year with hundreds of items, everything else settled', () => {
    const opts = { clock: scenario.clock, rettighetspakke: 'regnskapssystem' as const };
    const thisYear: Period = { fraOgMed: '2026-01-01', tilOgMed: CLOCK };
    const lastYear: Period = { fraOgMed: '2025-01-01', tilOgMed: '2025-12-31' };
    const krav = kravView(party, opts, thisYear).krav ?? [];
    expect(krav).toHaveLength(388);
    expect(kravView(party, opts, lastYear).krav).toHaveLength(420);
    const open = new Set([ALCOHOL_OCTOBER.id]); // the only claim due in this period that is not settled
    for (const k of krav) if (!open.has(k.kravidentifikator)) expect(k.gjenstaaendeBeloep, k.kravidentifikator).toBe(0);
    // one customs payment a month, four excise duties a month, MVA, A-melding, forskuddsskatt, restskatt, interest
    expect(innbetalingerView(party, opts, thisYear).innbetaling).toHaveLength(79);
  });

  it('shows the same situation at a later clock', () => {
    const later = load(LATER_CLOCK);
    const a = aapneKravView(later.parties[0]!, { clock: later.clock, rettighetspakke: 'regnskapssystem' });
    expect(totals(a)).toEqual([824, 313455, 7422284, 0, 7736563]);
    expect(a.aapentKravMedGjenstaaendeBeloep).toHaveLength(NOVEMBER_DECLARATIONS.length + 3);
  });
});
