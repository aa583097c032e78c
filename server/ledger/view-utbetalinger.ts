// GET /utbetalinger: payouts made in the period (and on or before the clock).
import type { Utbetalinger } from '../generated/contract.js';
import { fullyScreened, viewContext } from './context.js';
import type { PartyLedger } from './events.js';
import { buildUtbetaling } from './payout-builder.js';
import { replay } from './replay.js';
import type { Period, ViewOptions } from './views.js';

export function utbetalingerView(ledger: PartyLedger, opts: ViewOptions, period: Period): Utbetalinger {
  const periode = { fraOgMed: period.fraOgMed, tilOgMed: period.tilOgMed };
  if (fullyScreened(ledger, opts)) return { partIdentifikator: ledger.partIdentifikator, periode, skjermet: true };
  const ctx = viewContext(ledger, opts);
  const state = replay(ledger, ctx.clock, { rates: ctx.rates });
  const utbetaling = state.payouts
    .filter((p) => p.event.date >= period.fraOgMed && p.event.date <= period.tilOgMed)
    .map((p) => buildUtbetaling(p, ctx));
  return {
    partIdentifikator: ledger.partIdentifikator,
    periode,
    skjermet: ctx.skjermet,
    ...(utbetaling.length > 0 ? { utbetaling } : {}),
  };
}
