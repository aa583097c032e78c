// GET and DELETE /__admin/journal: read and clear the request journal of the caller's scope (the
// shared one, or the session named by X-Kravmock-Session; `?session=all` for every scope). Filters
// are checked strictly: a typo in a filter name or value is a 400 naming what was expected, never a
// silently unfiltered answer.
import { Router, type Request, type Response } from 'express';
import { RESOURCES } from '../http/request-validation.js';
import { factsOf } from '../http/request-context.js';
import type { Journal, JournalQuery, JournalScope } from '../journal/journal.js';
import { isIsoDate } from '../ledger/dates.js';
import { AdminError } from './admin-error.js';

export const DEFAULT_JOURNAL_LIMIT = 100;

const GET_PARAMETERS = ['party', 'endpoint', 'status', 'since', 'limit', 'session'] as const;
const DELETE_PARAMETERS = ['session'] as const;

const invalid = (message: string) => new AdminError(400, 'invalid-filter', message);

/** The query's single string values, or a 400 for an unknown or repeated parameter. */
function parameters<K extends string>(req: Request, known: readonly K[]): Partial<Record<K, string>> {
  const values: Partial<Record<K, string>> = {};
  for (const [name, value] of Object.entries(req.query)) {
    if (!(known as readonly string[]).includes(name)) {
      throw invalid(`unknown parameter '${name}': expected ${known.length > 1 ? `${known.slice(0, -1).join(', ')} or ${known.at(-1)!}` : known[0]!}`);
    }
    if (typeof value !== 'string') throw invalid(`${name} is given more than once: expected one value`);
    values[name as K] = value;
  }
  return values;
}

function scopeOf(session: string | undefined, res: Response): JournalScope {
  if (session === undefined) return { session: factsOf(res).scope.id };
  if (session !== 'all') {
    throw invalid(`session must be 'all' (the entries of every scope), got '${session}'; for one session's entries send the X-Kravmock-Session header`);
  }
  return { all: true };
}

const STATUS = /^([1-5])(?:xx|\d\d)$/i;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function parseStatus(value: string): NonNullable<JournalQuery['status']> {
  const match = STATUS.exec(value);
  if (!match) throw invalid(`status must be a status code from 100 to 599 (e.g. 404) or a class 1xx to 5xx (e.g. 4xx), got '${value}'`);
  return /x/i.test(value) ? { class: Number(match[1]) } : { exact: Number(value) };
}

function parseSince(value: string): NonNullable<JournalQuery['since']> {
  if (/^\d{1,15}$/.test(value)) return { id: Number(value) };
  const match = TIMESTAMP.exec(value);
  const time = match && isIsoDate(match[1]!) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw invalid(`since must be an entry id (a whole number) or an ISO 8601 time with a zone, e.g. 2026-11-26T10:15:00Z (or a date, 2026-11-26), got '${value}'`);
  }
  return { time };
}

function parseLimit(value: string | undefined, capacity: number): number {
  const max = Math.max(capacity, 1);
  if (value === undefined) return Math.min(DEFAULT_JOURNAL_LIMIT, max);
  const limit = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(limit >= 1 && limit <= max)) throw invalid(`limit must be a whole number from 1 to ${max} (the journal's capacity), got '${value}'`);
  return limit;
}

export function journalRoutes(journal: Journal): Router {
  const router = Router();

  router.get('/__admin/journal', (req, res) => {
    const p = parameters(req, GET_PARAMETERS);
    const query: JournalQuery = { scope: scopeOf(p.session, res), limit: parseLimit(p.limit, journal.capacity) };
    if (p.party !== undefined) {
      if (!/^(\d{9}|\d{11})$/.test(p.party)) throw invalid(`party must be a partIdentifikator of 9 or 11 digits, got '${p.party}'`);
      query.party = p.party;
    }
    if (p.endpoint !== undefined) {
      if (!(RESOURCES as readonly string[]).includes(p.endpoint)) throw invalid(`endpoint must be one of ${RESOURCES.join(', ')}, got '${p.endpoint}'`);
      query.endpoint = p.endpoint;
    }
    if (p.status !== undefined) query.status = parseStatus(p.status);
    if (p.since !== undefined) query.since = parseSince(p.since);
    res.json(journal.query(query));
  });

  router.delete('/__admin/journal', (req, res) => {
    const p = parameters(req, DELETE_PARAMETERS);
    journal.clear(scopeOf(p.session, res));
    res.status(204).end();
  });

  return router;
}
