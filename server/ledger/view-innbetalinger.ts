// GET /innbetalinger: payments received in the period (and on or before the clock), with what they
// covered as at the clock.
import type { Innbetalinger } from '../generated/contract.js';
import { fullyScreened, viewContext } from './context.js';
import type { PartyLedger } from './events.js';
import { buildInnbetaling } from './payment-builder.js';
import { replay } from './replay.js';
import type { Period, ViewOptions } from './views.js';

export function innbetalingerView(ledger: PartyLedger, opts: ViewOptions, period: Period): Innbetalinger {
  const periode = { fraOgMed: period.fraOgMed, tilOgMed: period.tilOgMed };
  if (fullyScreened(ledger, opts)) return { partIdentifikator: ledger.partIdentifikator, periode, skjermet: true };
  const ctx = viewContext(ledger, opts);
  const state = replay(ledger, ctx.clock, { rates: ctx.rates });
  const innbetaling = state.payments
    .filter((p) => p.event.date >= period.fraOgMed && p.event.date <= period.tilOgMed)
    .map((p) => buildInnbetaling(p, ctx));
  return {
    partIdentifikator: ledger.partIdentifikator,
    periode,
    skjermet: ctx.skjermet,
    ...(innbetaling.length > 0 ? { innbetaling } : {}),
  };
}
