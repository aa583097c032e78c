// How the admin API shows a loaded scenario (contracts/admin-openapi.yaml `Scenario`): its clocks and
// its parties' current ledgers, so admin actions show in the counts.
import type { IsoDate, PartyLedger } from '../ledger/events.js';
import { scenarioClock, type World } from '../runtime/world.js';
import type { LoadedScenario } from '../scenarios/types.js';

function partySummary(ledger: PartyLedger) {
  let krav = 0;
  let innbetalinger = 0;
  let utbetalinger = 0;
  for (const e of ledger.events) {
    if (e.type === 'claimRaised') krav += 1;
    else if (e.type === 'paymentReceived') innbetalinger += 1;
    else if (e.type === 'payout') utbetalinger += 1;
  }
  return {
    partIdentifikator: ledger.partIdentifikator,
    navn: ledger.navn,
    skjermet: ledger.skjermet ?? false,
    ...(ledger.tilknyttedeParter?.length ? { tilknyttedeParter: ledger.tilknyttedeParter } : {}),
    krav,
    innbetalinger,
    utbetalinger,
  };
}

export function scenarioSummary(world: World, s: LoadedScenario, serverToday: () => IsoDate) {
  return {
    name: s.name,
    description: s.description,
    source: s.source,
    clock: s.clock,
    ...(s.ownClock ? { ownClock: s.ownClock } : {}),
    answeredAt: scenarioClock(world, s, serverToday),
    parties: s.parties.map((p) => partySummary(world.parties.get(p.partIdentifikator)?.ledger ?? p)),
  };
}
