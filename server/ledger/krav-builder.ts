// The `Krav` object (claim with its instalments), shared by the aapnekrav and krav views. Key order
// follows the official examples so JSON and XML read like the real thing.
import type {
  Betalingsinformasjon,
  DekketKrav,
  InnbetalingPlassertMotKrav,
  Krav,
  KravPlassertMotKrav,
  Kravforfall,
  MotregningAvKreditkrav,
  UtbetalingPlassertMotKrav,
} from '../generated/contract.js';
import { bankkontoFromSpec, receivingAccount } from './accounts.js';
import type { ViewContext } from './context.js';
import { stipulatedInterest } from './interest.js';
import { sumOre, toKr, toOre, type Ore } from './money.js';
import { betaltTil, innbetalingstype, innbetaltFra } from './payment-info.js';
import { isInterestClaim, type ClaimState, type InstalmentState, type SetOffRecord } from './replay.js';
import { kravperiode, SKATTEETATEN_TEKST, tekst } from './text.js';

export function claimRemaining(claim: ClaimState): Ore {
  return sumOre(claim.instalments.map((i) => i.remaining));
}

/** The text other records show for a claim (`kortBeskrivelse`, else `kravbeskrivelse`). */
export function referenceText(claim: ClaimState): string {
  return claim.event.kortBeskrivelse ?? claim.event.kravbeskrivelse;
}

/**
 * `stipulerteRenter` in øre, or undefined for no field:
 * - `null` in the event: never a field;
 * - a number in the event: that number, whether the claim is open or settled;
 * - omitted: computed (interest.ts) for an open debit claim that is not itself an interest claim
 *   (0 while nothing is overdue); no field on settled, credit and interest claims.
 */
export function claimInterest(claim: ClaimState, ctx: ViewContext): Ore | undefined {
  const fixed = claim.event.stipulerteRenter;
  if (fixed === null) return undefined;
  if (typeof fixed === 'number') return toOre(fixed);
  if (claim.original <= 0 || isInterestClaim(claim.event) || claimRemaining(claim) === 0) return undefined;
  return stipulatedInterest(claim.instalments, ctx.clock, ctx.rates);
}

/**
 * How to pay an instalment: KID (when it has one) and the receiving account of the claim's ledger, or
 * the claim's own `konto`. Without a KID the MVA ledger shows an empty object (as the published credit
 * `FORF-91396163` does) and the skatteinnkreving ledger the account alone.
 */
function betalingsinformasjon(instalment: InstalmentState): Betalingsinformasjon {
  const claim = instalment.claim.event;
  const kid = instalment.spec.kidnummer;
  const konto = claim.konto ? bankkontoFromSpec(claim.konto) : receivingAccount(claim.reskontro);
  if (kid !== undefined) return { kidnummer: kid, konto };
  if (claim.konto || claim.reskontro !== 'mva') return { konto };
  return {};
}

/** Payments placed on an instalment. The MVA ledger shows them negative, skatteinnkreving positive. */
function plassertInnbetaling(instalment: InstalmentState, ctx: ViewContext): InnbetalingPlassertMotKrav[] {
  const sign = instalment.claim.event.reskontro === 'mva' ? -1 : 1;
  return instalment.placements.map((p) => ({
    innbetalingsIdentifikator: p.payment.event.innbetalingsidentifikator,
    plassertBeloep: toKr(sign * p.amount),
    plassertDato: p.date,
    innbetalingsdato: p.payment.event.date,
    innbetaltBeloep: toKr(-p.payment.amount),
    innbetaltFra: innbetaltFra(p.payment, ctx),
    innbetalingstype: innbetalingstype(p.payment),
  }));
}

/**
 * Set-off entries on an instalment, naming the counterpart instalment. On the MVA ledger the debit
 * side shows −x and the credit side +x (KRAV-33243589 / FORF-91396163); on skatteinnkreving both +x.
 */
function plassertMotkrav(instalment: InstalmentState): KravPlassertMotKrav[] {
  return instalment.setOffs.map((s) => {
    const debitSide = s.debit === instalment;
    const other = debitSide ? s.credit : s.debit;
    const sign = debitSide && instalment.claim.event.reskontro === 'mva' ? -1 : 1;
    const entry: KravPlassertMotKrav = {
      kravforfallsIdentifikator: other.spec.kravforfallsIdentifikator,
      plassertBeloep: toKr(sign * s.amount),
      kravtype: other.claim.event.kravtype,
      plassertDato: s.date,
      kravbeskrivelse: tekst(referenceText(other.claim)),
      forfallsdato: other.forfallsdato,
    };
    if (other.claim.event.kravperiode) entry.kravperiode = kravperiode(other.claim.event.kravperiode);
    return entry;
  });
}

/** Payouts made from a credit instalment: the whole payout's amount, and the part from this one. */
function plassertUtbetaling(instalment: InstalmentState, ctx: ViewContext): UtbetalingPlassertMotKrav[] {
  return instalment.payouts.map(({ payout, amount }) => ({
    utbetalingsidentifikator: payout.event.utbetalingsidentifikator,
    utbetaltBeloep: toKr(payout.total),
    utbetaltDato: payout.event.date,
    betaltTil: betaltTil(payout, ctx, false),
    plassertBeloep: toKr(amount),
    plassertDato: payout.event.date,
  }));
}

export function buildKravforfall(instalment: InstalmentState, ctx: ViewContext): Kravforfall {
  const f: Kravforfall = {
    kravforfallsIdentifikator: instalment.spec.kravforfallsIdentifikator,
    forfallsdato: instalment.forfallsdato,
    opprinneligBeloep: toKr(instalment.original),
    gjenstaaendeBeloep: toKr(instalment.remaining),
    betalingsinformasjon: betalingsinformasjon(instalment),
  };
  if (instalment.placements.length > 0) f.plassertInnbetaling = plassertInnbetaling(instalment, ctx);
  if (instalment.setOffs.length > 0) f.plassertMotkrav = plassertMotkrav(instalment);
  if (instalment.payouts.length > 0) f.plassertUtbetaling = plassertUtbetaling(instalment, ctx);
  return f;
}

/**
 * `motregningAvKreditkrav` of a credit claim: its most recent set-off that has a
 * `motregningsidentifikator` (the contract allows one), with one `DekketKrav` per debt instalment covered.
 */
function motregningAvKreditkrav(claim: ClaimState): MotregningAvKreditkrav | undefined {
  const m = claim.motregninger.at(-1);
  if (!m) return undefined;
  const byDebt = new Map<InstalmentState, { amount: Ore; first: SetOffRecord }>();
  for (const s of m.setOffs) {
    const entry = byDebt.get(s.debit);
    if (entry) entry.amount += s.amount;
    else byDebt.set(s.debit, { amount: s.amount, first: s });
  }
  const dekketkrav: DekketKrav[] = [...byDebt.entries()].map(([debit, { amount, first }]) => ({
    motregnetBeloep: toKr(amount),
    dekketKravBeskrivelse: tekst(debit.claim.event.kravbeskrivelse),
    innkrevingsmyndighet: tekst(SKATTEETATEN_TEKST),
    forfallsdato: debit.forfallsdato,
    kreditorsnavn: tekst(SKATTEETATEN_TEKST),
    forsinkelsesrenter: toKr(first.forsinkelsesrenter),
  }));
  return {
    motregningsidentifikator: m.motregningsidentifikator,
    innkrevingsmyndighet: tekst(SKATTEETATEN_TEKST),
    dekketkrav,
    motregnetdato: m.date,
  };
}

export interface BuiltKrav {
  krav: Krav;
  remaining: Ore;
  interest: Ore | undefined;
}

export function buildKrav(claim: ClaimState, ctx: ViewContext): BuiltKrav {
  const e = claim.event;
  const remaining = claimRemaining(claim);
  const interest = claimInterest(claim, ctx);
  const krav: Krav = {
    partIdentifikator: claim.partIdentifikator,
    kravidentifikator: e.kravidentifikator,
    kravtype: e.kravtype,
    opprinneligBeloep: toKr(claim.original),
    gjenstaaendeBeloep: toKr(remaining),
    kravforfall: claim.instalments.map((i) => buildKravforfall(i, ctx)),
  };
  if (interest !== undefined) krav.stipulerteRenter = toKr(interest);
  krav.kravbeskrivelse = tekst(e.kravbeskrivelse);
  if (e.kravperiode) krav.kravperiode = kravperiode(e.kravperiode);
  krav.opprettelsesdatoForKrav = e.date;
  krav.kravgruppe = e.kravgruppe;
  if (e.hovedstolKravidentifikator !== undefined) krav.hovedstolKravidentifikator = e.hovedstolKravidentifikator;
  if (e.fastsettingsmaate !== undefined) krav.fastsettingsmaate = e.fastsettingsmaate;
  const motregning = motregningAvKreditkrav(claim);
  if (motregning) krav.motregningAvKreditkrav = motregning;
  return { krav, remaining, interest };
}
