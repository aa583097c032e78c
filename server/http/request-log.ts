// kravmock's log: pino, JSON lines by default, one readable line per entry on a terminal (pino-pretty
// as a synchronous stream, loaded only then). Every request gets one line when its response is
// finished or its connection closes: method, path, status, duration and what the mock learned about
// it (party, endpoint, session, correlation id). API requests log at info; kravmock's own routes
// (/__admin, /health, /ready, /docs, the contract documents) at debug, and cost nothing when debug is
// off.
import type { Writable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { pino, type Logger } from 'pino';
import { factsOf, type RequestFacts } from './request-context.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

/** The message of every request line. */
export const REQUEST_MESSAGE = 'request';

/** kravmock's own routes: logged at debug, not info. */
const OWN_ROUTE = /^\/(?:__admin(?:\/|$)|health$|ready$|docs(?:\/|$)|openapi\.(?:yaml|json)$|admin-openapi\.yaml$)/;

export interface LoggerOptions {
  level?: LogLevel;
  format?: LogFormat;
  /** Where lines go (default stdout). */
  destination?: Writable;
  /** Colours in the pretty format (default: whether stdout is a terminal). */
  colorize?: boolean;
}

/** The fields of a request line, in the order the pretty format prints them after the status. */
const REQUEST_DETAILS = ['partIdentifikator', 'endpoint', 'session', 'korrelasjonsid', 'outcome', 'fault', 'violations'] as const;

/** The logger `kravmock serve` writes with. */
export async function createLogger(options: LoggerOptions = {}): Promise<Logger> {
  const level = options.level ?? 'info';
  // Asynchronous: under load the lines written while one write is under way go out together in the
  // next (a write per request cost about a tenth of the server's CPU); idle, a line goes out at once.
  // pino flushes what is left synchronously when the process exits.
  if ((options.format ?? 'json') === 'json') return pino({ level }, options.destination ?? pino.destination({ dest: 1, sync: false }));
  const { default: pretty } = await import('pino-pretty');
  const stream = pretty({
    sync: true,
    colorize: options.colorize ?? Boolean(process.stdout.isTTY),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: ['pid', 'hostname', 'method', 'path', 'status', 'durationMs', ...REQUEST_DETAILS].join(','),
    // A request is one line: `GET /v1/finans/313367002/aapnekrav 200 2.1 ms partIdentifikator=313367002 …`.
    messageFormat: (log, messageKey) => {
      if (log[messageKey] !== REQUEST_MESSAGE) return String(log[messageKey] ?? '');
      let line = `${String(log.method)} ${String(log.path)} ${log.status === null ? '-' : String(log.status)} ${String(log.durationMs)} ms`;
      for (const key of REQUEST_DETAILS) if (log[key] !== undefined) line += ` ${key}=${String(log[key])}`;
      return line;
    },
    ...(options.destination ? { destination: options.destination } : {}),
  });
  return pino({ level }, stream);
}

const PATH_LIMIT = 500;
const clip = (path: string): string => (path.length > PATH_LIMIT ? `${path.slice(0, PATH_LIMIT)}…` : path);

/** The facts the scope middleware set; none when it refused the request or never ran (health, docs). */
function factsIfAny(res: Response): RequestFacts | undefined {
  try {
    return factsOf(res);
  } catch {
    return undefined;
  }
}

interface RequestLine {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  korrelasjonsid?: string;
  partIdentifikator?: string;
  endpoint?: string;
  session?: string;
  outcome?: 'connection-closed';
  fault?: string;
  violations?: number;
}

/**
 * Mount right after the correlation middleware. One listener per request (`close`, which follows
 * `finish` when the response was sent) and one object per line.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const own = OWN_ROUTE.test(req.path);
    const level = own ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return next();
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const finished = res.writableFinished;
      const line: RequestLine = {
        method: req.method,
        path: clip(req.originalUrl.split('?', 1)[0]!),
        status: finished || res.headersSent ? res.statusCode : null,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      const korrelasjonsid = res.locals.korrelasjonsid as string | undefined;
      if (korrelasjonsid !== undefined) line.korrelasjonsid = korrelasjonsid;
      const facts = factsIfAny(res);
      if (facts) {
        if (facts.partIdentifikator !== undefined) line.partIdentifikator = facts.partIdentifikator;
        if (facts.endpoint !== undefined) line.endpoint = facts.endpoint;
        if (facts.scope.id !== undefined) line.session = facts.scope.id;
        if (facts.fault !== undefined) line.fault = facts.fault;
        if (facts.violations?.length) line.violations = facts.violations.length;
      }
      if (!finished) line.outcome = 'connection-closed';
      logger[level](line, REQUEST_MESSAGE);
    });
    next();
  };
}
