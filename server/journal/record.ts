// Records every request outside /__admin in the journal when its response is finished, or when the
// connection closes without one (a client that gave up, a fault that resets the socket). The entry
// is built from the request's facts (server/http/request-context.ts) at that moment, so whatever
// the access check, the fault injection and the traffic validation learned is in it.
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER } from '../http/correlation.js';
import { factsOf, type RequestFacts } from '../http/request-context.js';
import type { OutgoingResponse } from '../http/respond.js';
import type { Journal, JournalHeaders, NewEntry } from './journal.js';

/** Longest error message kept in an entry. */
export const MELDING_LIMIT = 2000;
/** Longest header, path or query value kept in an entry. */
const VALUE_LIMIT = 200;
const PATH_LIMIT = 500;
/** Most query parameters and violations kept in an entry. */
const QUERY_LIMIT = 20;
const VIOLATION_LIMIT = 20;

const NOTE = 'kravmockJournalNote';

interface ResponseNote {
  kode: string;
  melding: string;
}

const clip = (value: string, limit = VALUE_LIMIT): string => (value.length > limit ? `${value.slice(0, limit)}…` : value);

/**
 * Notes the error code and message of an API error response on its way out (called from the
 * response pipeline), so the journal can show them without keeping the body.
 */
export function noteResponse(res: Response, out: OutgoingResponse): void {
  const body = out.body as { kode?: unknown; melding?: unknown } | null;
  if (out.status < 400 || typeof body !== 'object' || body === null || typeof body.kode !== 'string') return;
  res.locals[NOTE] = { kode: body.kode, melding: clip(String(body.melding ?? ''), MELDING_LIMIT) } satisfies ResponseNote;
}

const SCHEMES = new Set(['basic', 'bearer', 'digest', 'dpop', 'negotiate', 'ntlm', 'hoba', 'mutual', 'aws4-hmac-sha256']);

/**
 * An Authorization header as the journal keeps it: the scheme and `…` with the credential's last six
 * characters, only when the credential is at least 20 characters long (so at most 30 % of it shows).
 */
export function redactAuthorization(value: string): string {
  const trimmed = value.trim();
  const parts = /^([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,31})\s+(\S.*)$/.exec(trimmed);
  let scheme: string | undefined;
  let credential: string;
  if (parts) [scheme, credential] = [parts[1]!, parts[2]!];
  else if (SCHEMES.has(trimmed.toLowerCase())) [scheme, credential] = [trimmed, ''];
  else credential = trimmed;
  const tail = credential.length >= 20 ? credential.slice(-6) : '';
  return `${scheme ? `${scheme} ` : ''}…${tail}`;
}

function selectedHeaders(req: Request): JournalHeaders {
  const headers: JournalHeaders = { altinnsamtykke: req.get('altinnsamtykke') === undefined ? 'absent' : 'present' };
  for (const name of ['accept', 'prefer', 'user-agent', 'korrelasjonsid', 'x-kravmock-session'] as const) {
    const value = req.get(name);
    if (value !== undefined) headers[name] = clip(value);
  }
  const authorization = req.get('authorization');
  if (authorization !== undefined) headers.authorization = redactAuthorization(authorization);
  return headers;
}

function queryOf(req: Request): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(req.query).slice(0, QUERY_LIMIT)) {
    if (typeof value === 'string') query[clip(key)] = clip(value);
    else if (Array.isArray(value)) query[clip(key)] = value.slice(0, QUERY_LIMIT).map((v) => clip(String(v)));
    else if (value !== undefined) query[clip(key)] = clip(JSON.stringify(value));
  }
  return query;
}

/** The request's facts, or none when the scope middleware refused the request (a bad session id). */
function factsOrNone(res: Response): Partial<RequestFacts> {
  try {
    return factsOf(res);
  } catch {
    return {};
  }
}

/** Mounted before the scope middleware: records every request outside /__admin, refused ones included. */
export function journalMiddleware(journal: Journal) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!journal.enabled || req.path.startsWith('/__admin')) return next();
    const started = process.hrtime.bigint();
    const time = new Date().toISOString();
    let recorded = false;
    const record = (closed: boolean) => {
      if (recorded) return;
      recorded = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const facts = factsOrNone(res);
      const note = res.locals[NOTE] as ResponseNote | undefined;
      const entry: NewEntry = {
        time,
        ...(facts.scope?.id !== undefined ? { session: facts.scope.id } : {}),
        method: req.method,
        path: clip(req.path, PATH_LIMIT),
        query: queryOf(req),
        headers: selectedHeaders(req),
        ...(facts.endpoint !== undefined ? { endpoint: facts.endpoint } : {}),
        ...(facts.rettighetspakke !== undefined ? { rettighetspakke: facts.rettighetspakke } : {}),
        ...(facts.partIdentifikator !== undefined ? { partIdentifikator: clip(facts.partIdentifikator) } : {}),
        status: closed && !res.headersSent ? null : res.statusCode,
        outcome: closed ? 'connection-closed' : 'answered',
        korrelasjonsid: String(res.locals.korrelasjonsid ?? res.getHeader(CORRELATION_HEADER) ?? ''),
        durationMs,
        ...(note ? { kode: note.kode, melding: note.melding } : {}),
        ...(facts.access ? { access: { ...facts.access, ...(facts.access.reason ? { reason: clip(facts.access.reason, MELDING_LIMIT) } : {}) } } : {}),
        ...(facts.fault !== undefined ? { fault: clip(facts.fault) } : {}),
        ...(facts.violations?.length
          ? {
              violations: facts.violations.slice(0, VIOLATION_LIMIT).map((v) => ({ instancePath: clip(v.instancePath), message: clip(v.message, 500) })),
              violationCount: facts.violations.length,
            }
          : {}),
      };
      journal.record(entry);
    };
    res.once('finish', () => record(false));
    res.once('close', () => record(!res.writableFinished));
    next();
  };
}
