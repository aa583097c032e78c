// Claims of an AS (aksjeselskap) that the built-in parties (all ENKs) do not have: the company's own
// forskuddsskatt (two instalments in the year after the income year, schedules.ts
// FORSKUDDSSKATT_AS), restskatt (one instalment three weeks after the assessment) and tilgodeskatt,
// and late interest on its restskatt. Same codes, texts and id/KID shapes as fixtures/builtin/claims.ts,
// on the organisation number instead of an owner's fødselsnummer.
import { type ClaimRef, type LedgerBuilder } from '../../fixtures/builtin/builder.js';
import { KID_CODE, MIN_INTEREST_CLAIM, incomeYearTaxClaim, instalmentIds, instalmentsWithKid, lateInterest, split, yy } from '../../fixtures/builtin/claims.js';
import { makeKid } from '../../fixtures/builtin/identifiers.js';
import { forskuddsskattAsDueDates, isoDate, nextWorkingDay } from '../../fixtures/builtin/schedules.js';
import { addDays } from '../ledger/dates.js';
import type { IsoDate } from '../ledger/events.js';

/** Id slots clear of the ones fixtures/builtin/claims.ts uses (1-5, 10). */
const SLOT = { UTSKR_FORSKSKATT: 6, RESTSKATT: 7, RESTERENDE_SKT_TILB: 8, rente: 11 } as const;

/** The day an AS's forskuddsskatt for `incomeYear` is issued: mid-January of the year after (choice). */
export function forskuddsskattAsIssued(incomeYear: number): IsoDate {
  return nextWorkingDay(isoDate(incomeYear + 1, 1, 15));
}

/** The due date of an AS's restskatt: three weeks after the assessment is sent (next working day). */
export function restskattAsDueDate(oppgjoer: IsoDate): IsoDate {
  return nextWorkingDay(addDays(oppgjoer, 21));
}

/** The company's forskuddsskatt for `incomeYear`: two equal instalments (15 Feb, 15 Apr the year after), one KID. */
export function raiseForskuddsskattAs(b: LedgerBuilder, incomeYear: number, annual: number): ClaimRef | undefined {
  const date = forskuddsskattAsIssued(incomeYear);
  if (!b.happened(date)) return undefined;
  const id = b.id('krav', date, SLOT.UTSKR_FORSKSKATT);
  const ids = instalmentIds(b, date, SLOT.UTSKR_FORSKSKATT, 2);
  const kid = makeKid(`${b.profile.orgnr}${KID_CODE.FORSKUDDSSKATT}${yy(incomeYear)}`, 'MOD10');
  const amounts = split(annual, 2);
  return b.raise(
    incomeYearTaxClaim({
      date,
      kravidentifikator: id,
      kravtype: 'UTSKR_FORSKSKATT',
      kravbeskrivelse: `Utskrevet forskuddsskatt - ${incomeYear}`,
      incomeYear,
      kravforfall: instalmentsWithKid(ids, forskuddsskattAsDueDates(incomeYear), amounts, kid),
    }),
  );
}

/** The company's restskatt for `incomeYear`, after the assessment sent on `oppgjoer`: one instalment. */
export function raiseRestskattAs(b: LedgerBuilder, incomeYear: number, oppgjoer: IsoDate, beloep: number): ClaimRef | undefined {
  if (!b.happened(oppgjoer)) return undefined;
  const id = b.id('krav', oppgjoer, SLOT.RESTSKATT);
  const [forfallId] = instalmentIds(b, oppgjoer, SLOT.RESTSKATT, 1) as [string];
  return b.raise(
    incomeYearTaxClaim({
      date: oppgjoer,
      kravidentifikator: id,
      kravtype: 'RESTSKATT',
      kravbeskrivelse: `Restskatt - ${incomeYear}`,
      incomeYear,
      kravforfall: [
        {
          kravforfallsIdentifikator: forfallId,
          forfallsdato: restskattAsDueDate(oppgjoer),
          beloep,
          kidnummer: makeKid(`${b.profile.orgnr}${KID_CODE.RESTSKATT}${yy(incomeYear)}`, 'MOD10'),
        },
      ],
    }),
  );
}

/** The company's tilgodeskatt (a credit) from the assessment sent on `oppgjoer`; `beloep` positive. */
export function raiseTilgodeskattAs(b: LedgerBuilder, incomeYear: number, oppgjoer: IsoDate, beloep: number): ClaimRef | undefined {
  if (!b.happened(oppgjoer)) return undefined;
  const id = b.id('krav', oppgjoer, SLOT.RESTERENDE_SKT_TILB);
  const [forfallId] = instalmentIds(b, oppgjoer, SLOT.RESTERENDE_SKT_TILB, 1) as [string];
  return b.raise(
    incomeYearTaxClaim({
      date: oppgjoer,
      kravidentifikator: id,
      kravtype: 'RESTERENDE_SKT_TILB',
      kravbeskrivelse: `Tilbakebetaling restskatt - ${incomeYear}`,
      incomeYear,
      kravforfall: [{ kravforfallsIdentifikator: forfallId, forfallsdato: oppgjoer, beloep: -beloep }],
    }),
  );
}

/**
 * Forsinkelsesrente on the company's restskatt paid late, as fixtures/builtin/claims.ts
 * `raiseLateInterest` does it for the other claim kinds (which would key this KID on an owner).
 */
export function raiseLateInterestOnRestskattAs(b: LedgerBuilder, principal: ClaimRef, settled: IsoDate, settledAmounts: readonly number[]): ClaimRef | undefined {
  const date = nextWorkingDay(addDays(settled, 1));
  if (!b.happened(date)) return undefined;
  const beloep = principal.instalments.reduce(
    (sum, f, i) => sum + (f.forfallsdato < settled ? lateInterest(settledAmounts[i] ?? 0, f.forfallsdato, settled) : 0),
    0,
  );
  if (beloep < MIN_INTEREST_CLAIM) return undefined;
  const p = principal.claim;
  const aar = Number(p.kravperiode?.aar);
  const id = b.id('krav', date, SLOT.rente);
  const [forfallId] = instalmentIds(b, date, SLOT.rente, 1) as [string];
  const claim: Parameters<LedgerBuilder['raise']>[0] = {
    type: 'claimRaised',
    date,
    kravidentifikator: id,
    reskontro: p.reskontro,
    kravtype: 'Forsinkelsesrente',
    kravgruppe: p.kravgruppe,
    kravbeskrivelse: `Forsinkelsesrente ${p.kravbeskrivelse}`,
    hovedstolKravidentifikator: p.kravidentifikator,
    kravforfall: [
      {
        kravforfallsIdentifikator: forfallId,
        forfallsdato: nextWorkingDay(addDays(date, 21)),
        beloep,
        kidnummer: makeKid(`${b.profile.orgnr}${KID_CODE.RENTE_RESTSKATT}${yy(aar)}`, 'MOD10'),
      },
    ],
  };
  if (p.kravperiode !== undefined) claim.kravperiode = p.kravperiode;
  return b.raise(claim);
}
