// The admin API under /__admin (described in contracts/admin-openapi.yaml). Every call works in the
// request's scope: the shared state, or the session named by X-Kravmock-Session.
import { Router } from 'express';
import type { Runtime } from '../app.js';
import { factsOf } from '../http/request-context.js';
import type { PartyLedger } from '../ledger/events.js';
import { scenarioClock } from '../runtime/world.js';
import { faultRoutes } from './fault-routes.js';
import { journalRoutes } from './journal-routes.js';

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

export function adminRoutes(runtime: Runtime): Router {
  const router = Router();
  router.get('/__admin/scenarios', (_req, res) => {
    const world = factsOf(res).scope.world;
    res.json({
      scenarios: world.scenarios.map((s) => ({
        name: s.name,
        description: s.description,
        source: s.source,
        clock: s.clock,
        ...(s.ownClock ? { ownClock: s.ownClock } : {}),
        answeredAt: scenarioClock(world, s, runtime.serverToday),
        // The current ledgers: admin actions show in the counts.
        parties: s.parties.map((p) => partySummary(world.parties.get(p.partIdentifikator)?.ledger ?? p)),
      })),
    });
  });
  router.use(journalRoutes(runtime.journal));
  router.use(faultRoutes(runtime));
  return router;
}
