// What every view builder needs to know besides the state: the clock, the rate table and how much
// the rettighetspakke may see of a protected (skjermet) party.
import type { IsoDate, PartyLedger } from './events.js';
import { INTEREST_RATES, type InterestRate } from './interest.js';
import { isIsoDate } from './dates.js';
import type { ViewOptions } from './views.js';

export interface ViewContext {
  clock: IsoDate;
  rates: readonly InterestRate[];
  skjermet: boolean;
  /**
   * Skjerming for `regnskapssystem`: sums and lists stay ("summer og tall vil være riktige"), but the
   * party's own payer/payee accounts and addresses are removed (innbetaltFra.konto, betaltTil.konto,
   * sjekkSendtTil, utbetalingskortSendtTil).
   */
  hidePartyAccounts: boolean;
}

export function viewContext(ledger: PartyLedger, opts: ViewOptions): ViewContext {
  if (!isIsoDate(opts.clock)) throw new RangeError(`clock '${opts.clock}' is not a calendar date: expected YYYY-MM-DD`);
  const skjermet = ledger.skjermet === true;
  return {
    clock: opts.clock,
    rates: opts.interestRates ?? INTEREST_RATES,
    skjermet,
    hidePartyAccounts: skjermet,
  };
}

/**
 * Skjerming for `finans`: all content is removed; only the call parameters and `skjermet: true` remain.
 */
export function fullyScreened(ledger: PartyLedger, opts: ViewOptions): boolean {
  return ledger.skjermet === true && opts.rettighetspakke === 'finans';
}
