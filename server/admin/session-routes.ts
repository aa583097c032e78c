// The sessions themselves, under /__admin/sessions: list them, look at one, end one. These are meta
// endpoints: they see every session whatever X-Kravmock-Session the caller sends (the header still
// picks the caller's own scope, as on every request, but the answer is about all of them).
import { Router } from 'express';
import type { Runtime } from '../app.js';
import type { Scope, Sessions } from '../runtime/sessions.js';
import { clockFor } from '../runtime/world.js';
import { AdminError } from './admin-error.js';

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastUsed: string;
  expiresAt: string;
  /** The session's "today": its clock setting applied to the server's date. */
  answeredAt: string;
  /** Parties whose ledger differs from what the session's reset returns to. */
  changedParties: number;
  /** Fault rules set in the session. */
  faults: number;
}

export function sessionSummary(sessions: Sessions, scope: Scope, serverToday: () => string): SessionSummary {
  return {
    id: scope.id!,
    createdAt: new Date(scope.createdAt).toISOString(),
    lastUsed: new Date(scope.lastUsed).toISOString(),
    expiresAt: new Date(sessions.expiresAt(scope)!).toISOString(),
    answeredAt: clockFor(scope.world, undefined, serverToday),
    changedParties: scope.world.parties.countDifferences(scope.baseline.parties),
    faults: scope.world.faults.length,
  };
}

function unknownSession(id: string): AdminError {
  return new AdminError(404, 'unknown-session', `no session '${id}' is alive: it was never used, was ended, or expired after being idle; GET /__admin/sessions lists the live ones`);
}

export function sessionRoutes(runtime: Runtime): Router {
  const { sessions, serverToday } = runtime;
  const router = Router();

  router.get('/__admin/sessions', (_req, res) => {
    res.json({
      ttlSeconds: sessions.ttlMs / 1000,
      maxSessions: sessions.maxSessions,
      sessions: sessions.list().map((scope) => sessionSummary(sessions, scope, serverToday)),
    });
  });

  router.get('/__admin/sessions/:id', (req, res) => {
    const scope = sessions.find(req.params.id);
    if (!scope) throw unknownSession(req.params.id);
    res.json(sessionSummary(sessions, scope, serverToday));
  });

  router.delete('/__admin/sessions/:id', (req, res) => {
    if (!sessions.find(req.params.id)) throw unknownSession(req.params.id);
    sessions.delete(req.params.id);
    res.status(204).end();
  });

  return router;
}
