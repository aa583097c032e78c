// GET /krav: every claim that exists at the clock and has at least one due date in the period
// (bounds inclusive), settled and credit claims included; amounts as at the clock.
import type { AlleKrav } from '../generated/contract.js';
import { fullyScreened, viewContext } from './context.js';
import type { PartyLedger } from './events.js';
import { buildKrav } from './krav-builder.js';
import { replay } from './replay.js';
import type { Period, ViewOptions } from './views.js';

export function kravView(ledger: PartyLedger, opts: ViewOptions, period: Period): AlleKrav {
  const periode = { fraOgMed: period.fraOgMed, tilOgMed: period.tilOgMed };
  if (fullyScreened(ledger, opts)) return { partIdentifikator: ledger.partIdentifikator, periode, skjermet: true };
  const ctx = viewContext(ledger, opts);
  const state = replay(ledger, ctx.clock, { rates: ctx.rates });
  const krav = state.claims
    .filter((c) => c.instalments.some((f) => f.forfallsdato >= period.fraOgMed && f.forfallsdato <= period.tilOgMed))
    .map((c) => buildKrav(c, ctx).krav);
  return {
    partIdentifikator: ledger.partIdentifikator,
    periode,
    skjermet: ctx.skjermet,
    ...(krav.length > 0 ? { krav } : {}),
  };
}
