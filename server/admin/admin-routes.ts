// The admin API under /__admin (described in contracts/admin-openapi.yaml). Every call works in the
// request's scope: the shared state, or the session named by X-Kravmock-Session.
import { Router } from 'express';
import type { Runtime } from '../app.js';
import { factsOf } from '../http/request-context.js';
import { clockRoutes } from './clock-routes.js';
import { faultRoutes } from './fault-routes.js';
import { journalRoutes } from './journal-routes.js';
import { ledgerActionRoutes } from './ledger-action-routes.js';
import { partyRoutes } from './party-routes.js';
import { scenarioRoutes } from './scenario-routes.js';
import { scenarioSummary } from './scenario-summary.js';

export function adminRoutes(runtime: Runtime): Router {
  const router = Router();
  router.get('/__admin/scenarios', (_req, res) => {
    const world = factsOf(res).scope.world;
    res.json({ scenarios: world.scenarios.map((s) => scenarioSummary(world, s, runtime.serverToday)) });
  });
  router.use(journalRoutes(runtime.journal));
  router.use(scenarioRoutes(runtime));
  router.use(clockRoutes(runtime));
  router.use(ledgerActionRoutes(runtime));
  router.use(partyRoutes(runtime));
  router.use(faultRoutes(runtime));
  return router;
}
