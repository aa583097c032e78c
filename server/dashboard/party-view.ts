// One party's ledger as the dashboard shows it (GET /__admin/parties/{partIdentifikator}): every
// claim raised by the clock with its instalments, every payment with where it was placed and what is
// left unplaced, every payout, the API's own totals, and the balance at month ends. Nothing is worked
// out here: the values are read from the same replay and the same builders the four API endpoints
// use (as `regnskapssystem` sees them), so a number on the dashboard is the number the API answers.
// Field names are the API's where the API has the thing (`gjenstaaendeBeloep`, `plassertDato`, …);
// kravmock's own additions have English names (`answeredAt`, `pendingEvents`, `balanceOverTime`).
import type { TotalOversikt } from '../generated/contract.js';
import { viewContext, type ViewContext } from '../ledger/context.js';
import { addMonths, daysInMonth } from '../ledger/dates.js';
import type { IsoDate, LedgerEvent, PartyLedger, Reskontro } from '../ledger/events.js';
import { buildKrav } from '../ledger/krav-builder.js';
import { toKr } from '../ledger/money.js';
import { buildInnbetaling } from '../ledger/payment-builder.js';
import { buildUtbetaling } from '../ledger/payout-builder.js';
import { replay } from '../ledger/replay.js';
import { aapneKravView } from '../ledger/views.js';

/** Most points of `balanceOverTime`: month ends are thinned to every n-th month beyond this. */
export const MAX_BALANCE_POINTS = 60;

export interface DashboardKravforfall {
  kravforfallsIdentifikator: string;
  forfallsdato: IsoDate;
  opprinneligBeloep: number;
  gjenstaaendeBeloep: number;
  kidnummer?: string;
  kontonummer?: string;
  plassertInnbetaling: { innbetalingsIdentifikator: string; plassertBeloep: number; plassertDato?: IsoDate }[];
  plassertMotkrav: { kravforfallsIdentifikator: string; plassertBeloep: number; plassertDato?: IsoDate }[];
  plassertUtbetaling: { utbetalingsidentifikator: string; plassertBeloep: number; plassertDato: IsoDate }[];
}

export interface DashboardKrav {
  kravidentifikator: string;
  partIdentifikator: string;
  reskontro: Reskontro;
  kravtype: string;
  kravgruppe: string;
  kravbeskrivelse: string;
  opprettelsesdatoForKrav: IsoDate;
  opprinneligBeloep: number;
  gjenstaaendeBeloep: number;
  stipulerteRenter?: number;
  hovedstolKravidentifikator?: string;
  kravforfall: DashboardKravforfall[];
}

export interface DashboardInnbetaling {
  innbetalingsidentifikator: string;
  innbetalingsdato: IsoDate;
  innbetaltBeloep: number;
  uplassertBeloep: number;
  innbetalingstype?: string;
  kidnummer?: string;
  kontoeiersNavn?: string;
  plassertKrav: { kravidentifikator: string; kravforfallIdentifikator: string; kravforfallsdato?: IsoDate; plassertBeloep: number; plassertDato?: IsoDate }[];
  plassertUtbetaling: { utbetalingsidentifikator: string; utbetaltdato: IsoDate; utbetaltBeloep: number }[];
}

export interface DashboardUtbetaling {
  utbetalingsidentifikator: string;
  utbetaltdato: IsoDate;
  utbetaltBeloep: number;
  utbetalingstatus?: string;
  kontoeiersNavn?: string;
  kreditKrav: { kravforfallidentifikator: string; utbetaltBeloep: number }[];
  tilbakebetalingAv: { innbetalingsIdentifikator: string; utbetaltBeloep: number }[];
}

export interface BalancePoint extends TotalOversikt {
  dato: IsoDate;
}

export interface PendingEvent {
  type: LedgerEvent['type'];
  date: IsoDate;
  id?: string;
}

export interface DashboardParty {
  partIdentifikator: string;
  navn: string;
  scenario: string;
  answeredAt: IsoDate;
  skjermet: boolean;
  tilknyttedeParter?: string[];
  totalOversikt: TotalOversikt;
  krav: DashboardKrav[];
  innbetalinger: DashboardInnbetaling[];
  utbetalinger: DashboardUtbetaling[];
  pendingEvents: PendingEvent[];
  balanceOverTime: { stepMonths: number; points: BalancePoint[] };
}

const ZERO_TOTALS: TotalOversikt = { sumStipulerteRenter: 0, sumForfalteKrav: 0, sumIkkeForfalteKrav: 0, sumUplasserteInnbetalinger: 0, saldo: 0 };

/** The API's `totalOversikt` at a date (aapnekrav as `regnskapssystem` sees it). */
function totalsAt(ledger: PartyLedger, clock: IsoDate): TotalOversikt {
  return aapneKravView(ledger, { clock, rettighetspakke: 'regnskapssystem' }).totalOversikt ?? ZERO_TOTALS;
}

const monthEnd = (date: IsoDate): IsoDate => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${date.slice(0, 8)}${String(daysInMonth(y, m)).padStart(2, '0')}`;
};

/**
 * The dates of the balance chart: the month ends from the month of the first event to the clock,
 * and the clock itself. Beyond MAX_BALANCE_POINTS the months are thinned to every n-th one, counted
 * back from the clock so the newest month ends are always there.
 */
export function balanceDates(first: IsoDate | undefined, clock: IsoDate): { stepMonths: number; dates: IsoDate[] } {
  if (first === undefined || first > clock) return { stepMonths: 1, dates: [clock] };
  const ends: IsoDate[] = [];
  // Month ends before the clock's own month end (the clock stands for its month).
  for (let d = monthEnd(first); d < clock; d = monthEnd(addMonths(`${d.slice(0, 8)}01`, 1))) ends.push(d);
  const room = MAX_BALANCE_POINTS - 1;
  const stepMonths = Math.max(1, Math.ceil(ends.length / room));
  const kept = ends.filter((_, i) => (ends.length - 1 - i) % stepMonths === 0).slice(-room);
  return { stepMonths, dates: [...kept, clock] };
}

function eventId(e: LedgerEvent): string | undefined {
  switch (e.type) {
    case 'claimRaised':
      return e.kravidentifikator;
    case 'paymentReceived':
    case 'paymentPlaced':
      return e.innbetalingsidentifikator;
    case 'payout':
      return e.utbetalingsidentifikator;
    case 'setOff':
    case 'setOffInLegalOrder':
      return e.motregningsidentifikator ?? e.kreditKravforfallsIdentifikator;
  }
}

function claimsOf(ledger: PartyLedger, ctx: ViewContext, state: ReturnType<typeof replay>): DashboardKrav[] {
  return state.claims.map((claim) => {
    const built = buildKrav(claim, ctx);
    const k = built.krav;
    return {
      kravidentifikator: k.kravidentifikator,
      partIdentifikator: k.partIdentifikator,
      reskontro: claim.event.reskontro,
      kravtype: k.kravtype,
      kravgruppe: claim.event.kravgruppe,
      kravbeskrivelse: claim.event.kravbeskrivelse,
      opprettelsesdatoForKrav: claim.event.date,
      opprinneligBeloep: k.opprinneligBeloep,
      gjenstaaendeBeloep: k.gjenstaaendeBeloep,
      ...(k.stipulerteRenter !== undefined ? { stipulerteRenter: k.stipulerteRenter } : {}),
      ...(k.hovedstolKravidentifikator !== undefined ? { hovedstolKravidentifikator: k.hovedstolKravidentifikator } : {}),
      kravforfall: k.kravforfall.map((f) => ({
        kravforfallsIdentifikator: f.kravforfallsIdentifikator,
        forfallsdato: f.forfallsdato,
        opprinneligBeloep: f.opprinneligBeloep,
        gjenstaaendeBeloep: f.gjenstaaendeBeloep,
        ...(f.betalingsinformasjon.kidnummer !== undefined ? { kidnummer: f.betalingsinformasjon.kidnummer } : {}),
        ...(f.betalingsinformasjon.konto?.kontonummer !== undefined ? { kontonummer: f.betalingsinformasjon.konto.kontonummer } : {}),
        plassertInnbetaling: (f.plassertInnbetaling ?? []).map((p) => ({
          innbetalingsIdentifikator: p.innbetalingsIdentifikator,
          plassertBeloep: p.plassertBeloep,
          ...(p.plassertDato !== undefined ? { plassertDato: p.plassertDato } : {}),
        })),
        plassertMotkrav: (f.plassertMotkrav ?? []).map((p) => ({
          kravforfallsIdentifikator: p.kravforfallsIdentifikator,
          plassertBeloep: p.plassertBeloep,
          ...(p.plassertDato !== undefined ? { plassertDato: p.plassertDato } : {}),
        })),
        plassertUtbetaling: (f.plassertUtbetaling ?? []).map((p) => ({
          utbetalingsidentifikator: p.utbetalingsidentifikator,
          plassertBeloep: p.plassertBeloep,
          plassertDato: p.plassertDato,
        })),
      })),
    };
  });
}

function paymentsOf(ctx: ViewContext, state: ReturnType<typeof replay>): DashboardInnbetaling[] {
  return state.payments.map((payment) => {
    const i = buildInnbetaling(payment, ctx);
    // The API's plassertKrav names the instalment only; the claim it belongs to comes from the same replay record.
    const claimOf = new Map(payment.placements.map((p) => [p.instalment.spec.kravforfallsIdentifikator, p.instalment.claim.event.kravidentifikator]));
    return {
      innbetalingsidentifikator: i.innbetalingsidentifikator,
      innbetalingsdato: i.innbetalingsdato,
      innbetaltBeloep: i.innbetaltBeloep,
      uplassertBeloep: i.uplassertBeloep,
      ...(i.innbetalingstype !== undefined ? { innbetalingstype: i.innbetalingstype } : {}),
      ...(i.innbetaltFra?.kidnummer !== undefined ? { kidnummer: i.innbetaltFra.kidnummer } : {}),
      ...(i.innbetaltFra?.konto?.kontoeiersNavn !== undefined ? { kontoeiersNavn: i.innbetaltFra.konto.kontoeiersNavn } : {}),
      plassertKrav: (i.plassertKrav ?? []).map((p) => ({
        kravidentifikator: claimOf.get(p.kravforfallIdentifikator) ?? '',
        kravforfallIdentifikator: p.kravforfallIdentifikator,
        ...(p.kravforfallsdato !== undefined ? { kravforfallsdato: p.kravforfallsdato } : {}),
        plassertBeloep: p.plassertBeloep,
        ...(p.plassertDato !== undefined ? { plassertDato: p.plassertDato } : {}),
      })),
      plassertUtbetaling: (i.plassertUtbetaling ?? []).map((p) => ({
        utbetalingsidentifikator: p.utbetalingsidentifikator,
        utbetaltdato: p.utbetaltdato,
        utbetaltBeloep: p.utbetaltBeloep,
      })),
    };
  });
}

function payoutsOf(ctx: ViewContext, state: ReturnType<typeof replay>): DashboardUtbetaling[] {
  return state.payouts.map((payout) => {
    const u = buildUtbetaling(payout, ctx);
    return {
      utbetalingsidentifikator: u.utbetalingsidentifikator,
      utbetaltdato: u.utbetaltdato,
      utbetaltBeloep: u.utbetaltBeloep,
      ...(u.utbetalingstatus !== undefined ? { utbetalingstatus: u.utbetalingstatus } : {}),
      ...(u.betaltTil.konto?.kontoeiersNavn !== undefined ? { kontoeiersNavn: u.betaltTil.konto.kontoeiersNavn } : {}),
      kreditKrav: (u.grunnlagForUtbetaling.kreditKrav ?? []).map((k) => ({ kravforfallidentifikator: k.kravforfallidentifikator, utbetaltBeloep: k.utbetaltBeloep })),
      // The part taken from each payment, from the replay record the API's `tilbakebetalingAv` is built from.
      tilbakebetalingAv: payout.repaid.map(({ payment, amount }) => ({ innbetalingsIdentifikator: payment.event.innbetalingsidentifikator, utbetaltBeloep: toKr(amount) })),
    };
  });
}

/** The party's ledger at its clock, as the dashboard shows it. */
export function dashboardParty(ledger: PartyLedger, scenario: string, clock: IsoDate): DashboardParty {
  const ctx = viewContext(ledger, { clock, rettighetspakke: 'regnskapssystem' });
  const state = replay(ledger, clock, { rates: ctx.rates });
  const happened = ledger.events.filter((e) => e.date <= clock);
  const first = happened.reduce<IsoDate | undefined>((min, e) => (min === undefined || e.date < min ? e.date : min), undefined);
  const { stepMonths, dates } = balanceDates(first, clock);
  return {
    partIdentifikator: ledger.partIdentifikator,
    navn: ledger.navn,
    scenario,
    answeredAt: clock,
    skjermet: ledger.skjermet ?? false,
    ...(ledger.tilknyttedeParter?.length ? { tilknyttedeParter: [...ledger.tilknyttedeParter] } : {}),
    totalOversikt: totalsAt(ledger, clock),
    krav: claimsOf(ledger, ctx, state),
    innbetalinger: paymentsOf(ctx, state),
    utbetalinger: payoutsOf(ctx, state),
    pendingEvents: ledger.events
      .filter((e) => e.date > clock)
      .map((e) => {
        const id = eventId(e);
        return { type: e.type, date: e.date, ...(id !== undefined ? { id } : {}) };
      }),
    balanceOverTime: { stepMonths, points: dates.map((dato) => ({ dato, ...totalsAt(ledger, dato) })) },
  };
}
