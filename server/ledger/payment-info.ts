// The payer and payee sides of payment records (`Betalingsinformasjon`), shaped per ledger as the
// realistic August 2023 data shows them (FACTS.md §7.6, §7.7).
import type { Betalingsinformasjon, Bankkonto } from '../generated/contract.js';
import { maskAccountNumber } from './accounts.js';
import type { ViewContext } from './context.js';
import type { PaymentState, PayoutState } from './replay.js';

/**
 * `innbetalingstype`: the event's own text, else `Innbetalt OCR` for a KID payment to the MVA ledger
 * (`Bankoverføring` without KID - kravmock's choice), else `Innbetaling YYYY-MM-DD` with the payment date.
 */
export function innbetalingstype(payment: PaymentState): string {
  const e = payment.event;
  if (e.innbetalingstype !== undefined) return e.innbetalingstype;
  if (payment.reskontro === 'mva') return e.kidnummer !== undefined ? 'Innbetalt OCR' : 'Bankoverføring';
  return `Innbetaling ${e.date}`;
}

/**
 * `innbetaltFra`: KID, message (the event's `melding`, defaulting to the KID), the payer's account
 * (owner name, number masked) and - on the skatteinnkreving ledger only - `valutakode: NOK`.
 */
export function innbetaltFra(payment: PaymentState, ctx: ViewContext): Betalingsinformasjon {
  const e = payment.event;
  const info: Betalingsinformasjon = {};
  if (e.kidnummer !== undefined) info.kidnummer = e.kidnummer;
  const melding = e.melding ?? e.kidnummer;
  if (melding !== undefined) info.meldingSendtTilMottaker = melding;
  if (!ctx.hidePartyAccounts && e.betaler) {
    const konto: Bankkonto = { kontoeiersNavn: e.betaler.navn };
    if (e.betaler.kontonummer !== undefined) konto.kontonummer = maskAccountNumber(e.betaler.kontonummer);
    info.konto = konto;
  }
  if (payment.reskontro === 'skatteinnkreving') info.valutakode = 'NOK';
  return info;
}

/**
 * `betaltTil` of a payout: message, recipient account, `valutakode: NOK`. The account number is masked
 * in payout records (`Utbetaling`, a payment's `plassertUtbetaling`) but shown in full on the credit
 * instalment's `plassertUtbetaling`, as the published KRAV_UTBET_KRED example does (`mask: false`).
 */
export function betaltTil(payout: PayoutState, ctx: ViewContext, mask = true): Betalingsinformasjon {
  const e = payout.event;
  const info: Betalingsinformasjon = {};
  if (e.melding !== undefined) info.meldingSendtTilMottaker = e.melding;
  if (!ctx.hidePartyAccounts && e.mottaker) {
    const konto: Bankkonto = { kontoeiersNavn: e.mottaker.navn };
    if (e.mottaker.kontonummer !== undefined) {
      konto.kontonummer = mask ? maskAccountNumber(e.mottaker.kontonummer) : e.mottaker.kontonummer;
    }
    info.konto = konto;
  }
  info.valutakode = 'NOK';
  return info;
}
