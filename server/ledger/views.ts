// The public face of the ledger: the four API views of one party at a clock date, and the check a
// loader runs before it accepts a ledger. Implemented in the projection modules; HTTP code calls only
// these.
import type { AapneKrav, AlleKrav, Innbetalinger, Utbetalinger } from '../generated/contract.js';
import type { IsoDate, PartyLedger } from './events.js';
import type { InterestRate } from './interest.js';

export type Rettighetspakke = 'finans' | 'regnskapssystem';

export interface ViewOptions {
  /** The mock's "today": everything dated after it has not happened yet. */
  clock: IsoDate;
  rettighetspakke: Rettighetspakke;
  /** Late-interest rates; defaults to fixtures/interest-rates.json. */
  interestRates?: readonly InterestRate[];
}

export interface Period {
  fraOgMed: IsoDate;
  tilOgMed: IsoDate;
}

export type { AapneKrav, AlleKrav, Innbetalinger, Utbetalinger, PartyLedger };
export type { InterestRate } from './interest.js';
export type { LedgerProblem } from './problems.js';

export { aapneKravView } from './view-aapnekrav.js';
export { kravView } from './view-krav.js';
export { innbetalingerView } from './view-innbetalinger.js';
export { utbetalingerView } from './view-utbetalinger.js';
export { checkLedger, formatProblems } from './check.js';
export { INTEREST_RATES } from './interest.js';
