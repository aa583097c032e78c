// Turns every failure into the API's error body {kode, melding, korrelasjonsid} in the format the
// client asked for. Unexpected exceptions become KB-001 without a stack trace in the body; the
// stack goes to the log with the correlation id.
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AdminError, sendAdminError } from '../admin/admin-error.js';
import { correlationIdOf } from './correlation.js';
import { ApiError, UNEXPECTED_MESSAGE } from './errors.js';
import { MEDIA_TYPES, negotiateFormat, serializeError } from './format.js';
import { pipelineOf, sendResponse } from './respond.js';

export function sendError(req: Request, res: Response, error: ApiError): void {
  const format = negotiateFormat(req) ?? 'json';
  const body = { kode: error.kode, melding: error.message, korrelasjonsid: correlationIdOf(res) };
  const operationId = res.locals.operationId as string | undefined;
  sendResponse(pipelineOf(req), req, res, {
    status: error.status,
    format,
    mediaType: MEDIA_TYPES[format],
    body,
    text: serializeError(format, body),
    ...(operationId ? { operationId } : {}),
  });
}

/** The catch-all route: any path or method the API does not have. */
export function unknownRoute(req: Request, res: Response): void {
  sendError(
    req,
    res,
    new ApiError(
      'KB-003',
      `Ukjent URL: ${req.method} ${req.path}. API-et har GET /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.`,
    ),
  );
}

export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const korrelasjonsid = correlationIdOf(res);
    if (error instanceof AdminError) return sendAdminError(res, error);
    if (error instanceof ApiError) {
      if (error.status >= 500) logger.error({ err: error.cause ?? error, korrelasjonsid }, error.message);
      sendError(req, res, error);
      return;
    }
    // The router cannot decode a path segment with broken percent-encoding (`%`, `%zz`, `%C0`).
    if (error instanceof URIError) {
      const value = /^Failed to decode param '(.*)'$/s.exec(error.message)?.[1];
      const what = value === undefined ? 'URL-en' : `'${value.length > 100 ? `${value.slice(0, 100)}…` : value}' i URL-en`;
      sendError(req, res, new ApiError('KB-006', `Ugyldig prosentkoding: ${what} kan ikke dekodes, forventet %XX med to heksadesimale sifre for gyldig UTF-8 (regel: prosentkoding; peker: /path).`));
      return;
    }
    logger.error({ err: error, korrelasjonsid }, 'unexpected error');
    sendError(req, res, new ApiError('KB-001', UNEXPECTED_MESSAGE));
  };
}
