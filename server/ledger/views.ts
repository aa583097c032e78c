// The public face of the ledger: the four API views of one party at a clock date.
// Implemented in the projection modules; HTTP code calls only these.
import type { AapneKrav, AlleKrav, Innbetalinger, Utbetalinger } from '../generated/contract.js';
import type { IsoDate, PartyLedger } from './events.js';

export type Rettighetspakke = 'finans' | 'regnskapssystem';

export interface ViewOptions {
  /** The mock's "today": everything dated after it has not happened yet. */
  clock: IsoDate;
  rettighetspakke: Rettighetspakke;
}

export interface Period {
  fraOgMed: IsoDate;
  tilOgMed: IsoDate;
}

export type { AapneKrav, AlleKrav, Innbetalinger, Utbetalinger, PartyLedger };
