// The `Utbetaling` object (a payout and what it paid out), for the utbetalinger view.
import type { InnbetalingPlassertMotUtbetaling, KreditKrav, Utbetaling } from '../generated/contract.js';
import type { ViewContext } from './context.js';
import { toKr } from './money.js';
import { betaltTil, innbetalingstype, innbetaltFra } from './payment-info.js';
import type { PayoutState } from './replay.js';
import { kravperiode, tekst } from './text.js';

/** Credit instalments paid out: amounts of the instalment, remaining as at the clock, part paid out here. */
function kreditKrav(payout: PayoutState): KreditKrav[] {
  return payout.fromCredit.map(({ instalment, amount }) => {
    const claim = instalment.claim.event;
    const k: KreditKrav = {
      kravforfallidentifikator: instalment.spec.kravforfallsIdentifikator,
      opprinneligBeloep: toKr(instalment.original),
      gjenstaaendeBeloep: toKr(instalment.remaining),
      utbetaltBeloep: toKr(amount),
      kravbeskrivelse: tekst(claim.kravbeskrivelse),
      kravtype: claim.kravtype,
    };
    if (claim.kravperiode) k.kravperiode = kravperiode(claim.kravperiode);
    return k;
  });
}

/** Payments paid back (unplaced money returned). */
function tilbakebetalingAv(payout: PayoutState, ctx: ViewContext): InnbetalingPlassertMotUtbetaling[] {
  return payout.repaid.map(({ payment, amount }) => ({
    innbetalingsIdentifikator: payment.event.innbetalingsidentifikator,
    innbetalingstype: innbetalingstype(payment),
    innbetalingsdato: payment.event.date,
    innbetaltBeloep: toKr(-payment.amount),
    innbetaltFra: innbetaltFra(payment, ctx),
    utbetaltBeloep: toKr(amount),
  }));
}

export function buildUtbetaling(payout: PayoutState, ctx: ViewContext): Utbetaling {
  const e = payout.event;
  const grunnlag: Utbetaling['grunnlagForUtbetaling'] = {};
  if (payout.fromCredit.length > 0) grunnlag.kreditKrav = kreditKrav(payout);
  if (payout.repaid.length > 0) grunnlag.tilbakebetalingAv = tilbakebetalingAv(payout, ctx);
  return {
    partIdentifikator: payout.partIdentifikator,
    utbetalingsidentifikator: e.utbetalingsidentifikator,
    utbetaltdato: e.date,
    utbetaltBeloep: toKr(payout.total),
    betaltTil: betaltTil(payout, ctx),
    grunnlagForUtbetaling: grunnlag,
    utbetalingstatus: e.status ?? 'bekreftet',
  };
}
