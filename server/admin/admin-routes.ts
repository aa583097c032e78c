// The admin API under /__admin (described in contracts/admin-openapi.yaml). Read-only for now.
import { Router } from 'express';
import type { PartyLedger } from '../ledger/events.js';
import type { PartyStore } from '../party-store.js';

function partySummary(ledger: PartyLedger) {
  const count = (type: string) => ledger.events.filter((e) => e.type === type).length;
  return {
    partIdentifikator: ledger.partIdentifikator,
    navn: ledger.navn,
    skjermet: ledger.skjermet ?? false,
    ...(ledger.tilknyttedeParter?.length ? { tilknyttedeParter: ledger.tilknyttedeParter } : {}),
    krav: count('claimRaised'),
    innbetalinger: count('paymentReceived'),
    utbetalinger: count('payout'),
  };
}

export function adminRoutes(parties: PartyStore): Router {
  const router = Router();
  router.get('/__admin/scenarios', (_req, res) => {
    res.json({
      scenarios: parties.scenarios().map((s) => ({
        name: s.name,
        description: s.description,
        source: s.source,
        clock: s.clock,
        ...(s.ownClock ? { ownClock: s.ownClock } : {}),
        parties: s.parties.map(partySummary),
      })),
    });
  });
  return router;
}
