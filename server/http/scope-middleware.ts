// Picks the scope a request works in — the shared state, or the session named by X-Kravmock-Session —
// and starts the request's facts. An unusable session id is refused in the caller's language: the
// API's KB-006 on API paths, an admin error under /__admin.
import type { NextFunction, Request, Response } from 'express';
import { AdminError } from '../admin/admin-error.js';
import { SESSION_HEADER, SessionLimitError, sessionIdProblem, type Sessions } from '../runtime/sessions.js';
import { ApiError } from './errors.js';
import { setFacts } from './request-context.js';

export function scopeMiddleware(sessions: Sessions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const admin = req.path.startsWith('/__admin');
    const id = req.get(SESSION_HEADER);
    if (id !== undefined) {
      const problem = sessionIdProblem(id);
      if (problem) {
        throw admin
          ? new AdminError(400, 'invalid-session', `${SESSION_HEADER}: ${problem}`)
          : new ApiError('KB-006', `Ugyldig ${SESSION_HEADER}: ${problem}.`);
      }
    }
    try {
      setFacts(res, { scope: sessions.scopeFor(id) });
    } catch (error) {
      if (!(error instanceof SessionLimitError)) throw error;
      res.setHeader('Retry-After', '60');
      throw admin ? new AdminError(503, 'too-many-sessions', error.message) : new ApiError('KRAVMOCK-503', `For mange samtidige sesjoner: ${error.message}.`);
    }
    next();
  };
}
