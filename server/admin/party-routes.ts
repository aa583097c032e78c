// GET /__admin/parties/{partIdentifikator}: one party's ledger in the caller's scope as the dashboard
// shows it — claims with instalments, payments and where they were placed, payouts, the API's totals
// and the balance at month ends — read from the ledger's replay at the party's clock
// (server/dashboard/party-view.ts).
import { Router } from 'express';
import type { Runtime } from '../app.js';
import { dashboardParty } from '../dashboard/party-view.js';
import { factsOf } from '../http/request-context.js';
import { clockFor } from '../runtime/world.js';
import { AdminError } from './admin-error.js';

export function partyRoutes(runtime: Runtime): Router {
  const router = Router();
  router.get('/__admin/parties/:partIdentifikator', (req, res) => {
    const names = Object.keys(req.query);
    if (names.length > 0) {
      throw new AdminError(400, 'invalid-parameter', `unknown parameter '${names[0]!}': GET /__admin/parties/{partIdentifikator} takes no query parameters`);
    }
    const world = factsOf(res).scope.world;
    const id = req.params.partIdentifikator;
    const entry = world.parties.get(id);
    if (!entry) {
      throw new AdminError(404, 'unknown-party', `no party ${id} in this scope: GET /__admin/scenarios lists the parties of the loaded scenarios`);
    }
    res.json(dashboardParty(entry.ledger, entry.scenario, clockFor(world, entry, runtime.serverToday)));
  });
  return router;
}
