// GET /aapnekrav: open claims (remaining ≠ 0), payments with an unplaced amount, and the totals of
// FACTS.md §9.1 at the clock.
import type { AapneKrav, OversiktPerKravgruppe } from '../generated/contract.js';
import { fullyScreened, viewContext } from './context.js';
import type { PartyLedger } from './events.js';
import { buildKrav } from './krav-builder.js';
import { toKr, type Ore } from './money.js';
import { buildInnbetaling } from './payment-builder.js';
import { replay } from './replay.js';
import type { ViewOptions } from './views.js';

interface Sums {
  renter: Ore;
  forfalte: Ore;
  ikkeForfalte: Ore;
}

export function aapneKravView(ledger: PartyLedger, opts: ViewOptions): AapneKrav {
  if (fullyScreened(ledger, opts)) return { partIdentifikator: ledger.partIdentifikator, skjermet: true };
  const ctx = viewContext(ledger, opts);
  const state = replay(ledger, ctx.clock, { rates: ctx.rates });

  const krav: AapneKrav['aapentKravMedGjenstaaendeBeloep'] = [];
  // Groups in order of first appearance among the open claims.
  const groups = new Map<string, Sums>();
  for (const claim of state.claims) {
    const built = buildKrav(claim, ctx);
    if (built.remaining === 0) continue;
    krav.push(built.krav);
    let sums = groups.get(claim.event.kravgruppe);
    if (!sums) {
      sums = { renter: 0, forfalte: 0, ikkeForfalte: 0 };
      groups.set(claim.event.kravgruppe, sums);
    }
    sums.renter += built.interest ?? 0;
    // Per instalment, not per claim: due before the clock = forfalt; on or after it = ikke forfalt.
    for (const f of claim.instalments) {
      if (f.forfallsdato < ctx.clock) sums.forfalte += f.remaining;
      else sums.ikkeForfalte += f.remaining;
    }
  }

  const open = state.payments.filter((p) => p.unplaced !== 0);
  const innbetalinger = open.map((p) => buildInnbetaling(p, ctx));
  const uplasserte = -open.reduce((s, p) => s + p.unplaced, 0); // payments carry a negative sign

  const total: Sums = { renter: 0, forfalte: 0, ikkeForfalte: 0 };
  const perGruppe: OversiktPerKravgruppe[] = [];
  for (const [kravgruppe, s] of groups) {
    total.renter += s.renter;
    total.forfalte += s.forfalte;
    total.ikkeForfalte += s.ikkeForfalte;
    perGruppe.push({
      kravgruppe,
      sumStipulerteRenter: toKr(s.renter),
      sumForfalteKrav: toKr(s.forfalte),
      sumIkkeForfalteKrav: toKr(s.ikkeForfalte),
      saldo: toKr(s.forfalte + s.ikkeForfalte + s.renter), // a group's saldo has no payments
    });
  }

  return {
    partIdentifikator: ledger.partIdentifikator,
    skjermet: ctx.skjermet,
    ...(krav.length > 0 ? { aapentKravMedGjenstaaendeBeloep: krav } : {}),
    ...(innbetalinger.length > 0 ? { innbetalingMedUplassertBeloep: innbetalinger } : {}),
    totalOversikt: {
      sumStipulerteRenter: toKr(total.renter),
      sumForfalteKrav: toKr(total.forfalte),
      sumIkkeForfalteKrav: toKr(total.ikkeForfalte),
      sumUplasserteInnbetalinger: toKr(uplasserte),
      saldo: toKr(total.forfalte + total.ikkeForfalte + total.renter + uplasserte),
    },
    ...(perGruppe.length > 0 ? { oversiktPerKravgruppe: perGruppe } : {}),
  };
}
