// Routers mounted only where their paths are. An express Router that matches nothing still walks its
// stack and then leaves through setImmediate: one more event-loop turn, for every request that passes
// it. Behind a check of the path's first segment, a request for /v1/… never enters the routers of
// /health, /docs, /maskinporten or /__admin.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * `handler` for requests whose path starts with one of these segments (`''` is the root `/`), compared
 * without case as express routes are; every other request goes straight on.
 */
export function forSegments(segments: readonly string[], handler: RequestHandler): RequestHandler {
  const wanted = new Set(segments.map((s) => s.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction) => (wanted.has(firstSegment(req.path)) ? handler(req, res, next) : next());
}

export function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return (end === -1 ? path.slice(1) : path.slice(1, end)).toLowerCase();
}
