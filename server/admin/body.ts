// Request bodies of the admin API's state endpoints: parsed only on these routes, with a size limit,
// and every parse or size failure turned into an AdminError (400 invalid-json, 413 body-too-large,
// 415 unsupported-media-type) instead of the API's KB-001.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { formatPath, type PathSegment } from '../scenarios/path.js';
import { AdminError, type AdminProblem } from './admin-error.js';

export const JSON_TYPES = ['application/json'];
export const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml'];

function bodyError(error: unknown, limit: string): AdminError {
  if (error instanceof AdminError) return error;
  const type = (error as { type?: string } | undefined)?.type;
  const message = error instanceof Error ? error.message : String(error);
  if (type === 'entity.too.large') return new AdminError(413, 'body-too-large', `the request body is larger than this endpoint accepts (${limit})`);
  if (type === 'entity.parse.failed') return new AdminError(400, 'invalid-json', `the request body is not valid JSON: ${message}; expected a JSON object`);
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new AdminError(415, 'unsupported-media-type', `${message}: expected UTF-8`);
  const status = (error as { status?: number } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return new AdminError(status, 'invalid-request', `the request body could not be read: ${message}`);
  return new AdminError(400, 'invalid-request', `the request body could not be read: ${message}`);
}

/** Runs a body-parser middleware and turns its failures into AdminErrors. */
function guarded(parser: RequestHandler, limit: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void parser(req, res, (error?: unknown) => next(error === undefined ? undefined : bodyError(error, limit)));
  };
}

/** A JSON body (objects and arrays only) of at most `limit`. */
export function jsonBody(limit: string): RequestHandler {
  return guarded(express.json({ limit, strict: true, type: JSON_TYPES }), limit);
}

/** The body as text, for the given media types, of at most `limit`. */
export function textBody(limit: string, types: string[]): RequestHandler {
  return guarded(express.text({ limit, type: types, defaultCharset: 'utf-8' }), limit);
}

/** True when the request carries a body (Content-Length > 0 or chunked). */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * The parsed JSON object of a request, or an AdminError: 415 for a body in another media type, 400
 * (with `error`) for no body or a body that is not an object. `example` shows what is expected.
 */
export function objectBody(req: Request, error: string, example: string): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined || (!req.is(JSON_TYPES) && hasBody(req))) {
    if (hasBody(req)) {
      throw new AdminError(415, 'unsupported-media-type', `the request body is ${req.get('Content-Type') ?? 'without a Content-Type'}: expected Content-Type: application/json with a JSON object such as ${example}`);
    }
    throw new AdminError(400, error, `the request has no body: expected a JSON object such as ${example}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AdminError(400, error, `the request body is ${Array.isArray(body) ? 'a list' : typeof body}: expected a JSON object such as ${example}`);
  }
  return body as Record<string, unknown>;
}

/** Problems for keys of `body` outside `allowed` (own keys only, so `__proto__` and `constructor` are keys like any other). */
export function unknownKeys(body: Record<string, unknown>, allowed: readonly string[], at: readonly PathSegment[] = []): AdminProblem[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path: formatPath([...at, key]), message: `unknown property '${key}' (allowed: ${allowed.join(', ')})` }));
}

/** Reads an own property (never one inherited from Object.prototype). */
export function own(body: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(body, key) ? body[key] : undefined;
}
