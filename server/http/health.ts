// Liveness and readiness (contracts/admin-openapi.yaml): GET /health answers whenever the process
// does; GET /ready answers 200 with what is loaded while kravmock serves, and 503 once it drains
// (SIGTERM, server/cli/shutdown.ts). Both are mounted before the journal, the admin protection and
// the scope middleware: they need no admin token, make no session and are not journaled.
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Sessions } from '../runtime/sessions.js';

/**
 * Whether kravmock serves or drains (draining only ever starts), and the responses in flight, so
 * that those still to be answered when draining begins close their connection afterwards.
 */
export class Lifecycle {
  #draining = false;
  readonly #inFlight = new Set<Response>();
  /** One listener for every response: `this` is the response that closed. */
  readonly #untrack: (this: Response) => void;

  constructor() {
    const inFlight = this.#inFlight;
    this.#untrack = function (this: Response) {
      inFlight.delete(this);
    };
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** Responses not yet closed (for tests and the drain log). */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Called for every request while serving; a request that arrives while draining closes its connection instead. */
  track(res: Response): void {
    if (this.#draining) {
      res.setHeader('Connection', 'close');
      return;
    }
    this.#inFlight.add(res);
    res.once('close', this.#untrack);
  }

  beginDrain(): void {
    if (this.#draining) return;
    this.#draining = true;
    for (const res of this.#inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  }
}

/** Every request is tracked: once draining, every response closes its connection (those in flight then too), so keep-alive clients move on and the server can close. */
export function trackInFlight(lifecycle: Lifecycle): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    lifecycle.track(res);
    next();
  };
}

/** The paths healthRoutes answers (their first segment). */
export const HEALTH_SEGMENTS = ['health', 'ready'] as const;

export function healthRoutes(lifecycle: Lifecycle, sessions: Sessions): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/ready', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (lifecycle.draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    // The shared state (sessions are copies of it): what `kravmock serve` loaded, plus admin changes.
    const { scenarios } = sessions.shared.world;
    let parties = 0;
    for (const scenario of scenarios) parties += scenario.parties.length;
    res.json({ status: 'ready', scenarios: scenarios.length, parties });
  });
  return router;
}
