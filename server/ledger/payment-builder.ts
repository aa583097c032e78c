// The `Innbetaling` object (a payment and the claims it covered), shared by the aapnekrav and
// innbetalinger views. Signs as in the realistic August 2023 data: `innbetaltBeloep` and
// `uplassertBeloep` negative, `plassertKrav[].plassertBeloep` positive.
import type { Innbetaling, KravPlassertMotInnbetaling, UtbetalingPlassertMotInnbetaling } from '../generated/contract.js';
import { SKATTEETATEN_ACCOUNTS } from './accounts.js';
import type { ViewContext } from './context.js';
import { referenceText } from './krav-builder.js';
import { toKr } from './money.js';
import { betaltTil, innbetalingstype, innbetaltFra } from './payment-info.js';
import type { PaymentState } from './replay.js';
import { tekst } from './text.js';

function plassertKrav(payment: PaymentState): KravPlassertMotInnbetaling[] {
  return payment.placements.map((p) => ({
    kravforfallIdentifikator: p.instalment.spec.kravforfallsIdentifikator,
    plassertBeloep: toKr(p.amount),
    plassertDato: p.date,
    kravbeskrivelse: tekst(referenceText(p.instalment.claim)),
    kravforfallsdato: p.instalment.forfallsdato,
    opprinneligKravforfallsbeloep: toKr(p.instalment.original),
    gjenstaaendeKravforfallsbeloep: toKr(p.instalment.remaining),
  }));
}

/** Payouts that paid (part of) this payment back; `utbetaltBeloep` is the part taken from this payment. */
function plassertUtbetaling(payment: PaymentState, ctx: ViewContext): UtbetalingPlassertMotInnbetaling[] {
  return payment.repayments.map(({ payout, amount }) => ({
    utbetalingsidentifikator: payout.event.utbetalingsidentifikator,
    utbetaltdato: payout.event.date,
    utbetaltBeloep: toKr(amount),
    betaltTil: betaltTil(payout, ctx),
  }));
}

/**
 * A payment record. Payments to the skatteinnkreving ledger name the receiving account
 * (`mottakersKontonummer`); MVA payments do not (example-2023-08-innbetalinger.json).
 */
export function buildInnbetaling(payment: PaymentState, ctx: ViewContext): Innbetaling {
  const e = payment.event;
  return {
    partIdentifikator: payment.partIdentifikator,
    innbetalingsidentifikator: e.innbetalingsidentifikator,
    innbetalingsdato: e.date,
    innbetaltBeloep: toKr(-payment.amount),
    ...(payment.placements.length > 0 ? { plassertKrav: plassertKrav(payment) } : {}),
    uplassertBeloep: toKr(-payment.unplaced),
    ...(payment.reskontro === 'skatteinnkreving'
      ? { mottakersKontonummer: { kontonummer: SKATTEETATEN_ACCOUNTS.skatteinnkreving.kontonummer } }
      : {}),
    innbetaltFra: innbetaltFra(payment, ctx),
    innbetalingstype: innbetalingstype(payment),
    ...(payment.repayments.length > 0 ? { plassertUtbetaling: plassertUtbetaling(payment, ctx) } : {}),
  };
}
