// Errors of the admin API: `{error, message, problems?}` with an HTTP status, in JSON. `error` is a
// stable machine-readable code, `message` says what was wrong and what was expected, `problems`
// lists every problem of a rejected scenario or ledger action (the same lines `kravmock validate`
// prints). The token and client endpoints keep their OAuth-style errors.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

export interface AdminProblem {
  /** Where in the body (or file) the problem is, e.g. `beloep` or `parties[0].events[2].date`. */
  path: string;
  message: string;
  file?: string;
  line?: number;
  col?: number;
}

export class AdminError extends Error {
  override name = 'AdminError';
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly problems?: AdminProblem[],
  ) {
    super(message);
  }
}

export function sendAdminError(res: Response, error: AdminError): void {
  if (error.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="kravmock admin"');
  res.status(error.status).json({ error: error.error, message: error.message, ...(error.problems ? { problems: error.problems } : {}) });
}

/** The admin API's error handler: AdminErrors as they are, body-parser failures as 400/413, the rest 500. */
export function adminErrorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (error instanceof AdminError) return sendAdminError(res, error);
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendAdminError(res, new AdminError(413, 'body-too-large', `the request body is larger than the admin API accepts (${String((error as { limit?: number }).limit)} bytes)`));
    if (type === 'entity.parse.failed') return sendAdminError(res, new AdminError(400, 'invalid-json', `the request body is not valid JSON: ${(error as Error).message}`));
    if (typeof status === 'number' && status >= 400 && status < 500) return sendAdminError(res, new AdminError(status, 'invalid-request', (error as Error).message));
    if (!(error instanceof Error)) return next(error);
    logger.error({ err: error }, 'admin API failed');
    sendAdminError(res, new AdminError(500, 'internal', 'the admin API failed unexpectedly; the server log has the details'));
  };
}
