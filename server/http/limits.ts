// What a request may cost before kravmock does any work for it, on the listening server: the size of
// the URL and of the header section, and how long a client may take to send its headers and its
// whole request. One set of values (DEFAULT_LIMITS), used by `kravmock serve`, `startKravmock` and
// the hardening tests alike through `createLimitedServer` and `urlLimit`.
//
// - URL longer than `maxUrlBytes` (8 KiB): 414 KRAVMOCK-414, answered right after the correlation id
//   and the log line, before the journal, sessions, access, routing or parsing.
// - Request line plus headers longer than `maxHeaderBytes` (16 KiB, Node's own default): Node's
//   parser stops reading and kravmock answers 431 KRAVMOCK-431 itself (Node's default 431 has no
//   body). A URL between 8 and 16 KiB is a 414; beyond, the header section as a whole is too large.
// - Headers not complete within `headersTimeoutMs` (10 s; slowloris) or the whole request not within
//   `requestTimeoutMs` (30 s; a trickled body): 408 KRAVMOCK-408 and the connection is closed. The
//   time kravmock takes to answer does not count (a `Prefer: delay=60000` is answered).
// - An idle keep-alive connection is closed after `keepAliveTimeoutMs` (5 s, Node's default).
// - Any other request Node's parser refuses (a bad method, a bad header character): 400 KB-006;
//   CONNECT (which Node keeps from the app): 404 KB-003, as any method the API does not have.
// Admin request bodies have their own limits where they are parsed (413 body-too-large).
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { correlationIdOf } from './correlation.js';
import { isExpressApp, messageConstructorsFor } from './express-messages.js';
import { MEDIA_TYPES, negotiateFormat, serializeError } from './format.js';
import { pipelineOf, sendResponse } from './respond.js';

export interface ServerLimits {
  /** Longest request target (path and query) in bytes; longer is 414 KRAVMOCK-414. */
  maxUrlBytes: number;
  /** Longest request line plus headers in bytes (Node's `maxHeaderSize`); longer is 431 KRAVMOCK-431. */
  maxHeaderBytes: number;
  /** Time from the connection (or the end of the previous request) to the end of the headers. */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
  maxUrlBytes: 8 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** The defaults with `given` on top; throws a RangeError naming a value that cannot work. */
export function resolveLimits(given: Partial<ServerLimits> = {}): ServerLimits {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`server limit ${name} must be a whole number, at least 1, got ${String(value)}`);
  }
  if (limits.maxUrlBytes >= limits.maxHeaderBytes) {
    throw new RangeError(`server limit maxUrlBytes (${limits.maxUrlBytes}) must be below maxHeaderBytes (${limits.maxHeaderBytes}): the URL counts towards the header section`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new RangeError(`server limit headersTimeoutMs (${limits.headersTimeoutMs}) must not be above requestTimeoutMs (${limits.requestTimeoutMs})`);
  }
  return limits;
}

function kib(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} byte`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s} ${s === 1 ? 'sekund' : 'sekunder'}`;
}

/** Express middleware: 414 KRAVMOCK-414 for a request target over `maxUrlBytes`, in JSON or XML. */
export function urlLimit(maxUrlBytes: number = DEFAULT_LIMITS.maxUrlBytes) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const length = Buffer.byteLength(req.url, 'latin1');
    if (length <= maxUrlBytes) return next();
    const body = {
      kode: 'KRAVMOCK-414',
      melding: `URL-en er for lang: ${length} byte, høyst ${maxUrlBytes} byte (${kib(maxUrlBytes)}) er tillatt. Send færre eller kortere parametere.`,
      korrelasjonsid: correlationIdOf(res),
    };
    // An Accept header that allows neither format still gets this answer, in JSON: the URL is refused first.
    const format = negotiateFormat(req) ?? 'json';
    res.setHeader('Connection', 'close');
    sendResponse(pipelineOf(req), req, res, { status: 414, format, mediaType: MEDIA_TYPES[format], body, text: serializeError(format, body) });
  };
}

/** The raw response for a request Node's parser refused: status, kode and melding. */
export function clientErrorAnswer(code: string | undefined, reason: string, limits: ServerLimits): { status: number; kode: string; melding: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        kode: 'KRAVMOCK-431',
        melding: `Forespørselen har for store headere: URL og headere kan til sammen være høyst ${limits.maxHeaderBytes} byte (${kib(limits.maxHeaderBytes)}).`,
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        kode: 'KRAVMOCK-408',
        melding: `Forespørselen kom ikke fram i tide: headerne må være mottatt innen ${seconds(limits.headersTimeoutMs)} og hele forespørselen innen ${seconds(limits.requestTimeoutMs)}.`,
      };
    default:
      return { status: 400, kode: 'KB-006', melding: `Ugyldig HTTP-forespørsel: ${reason}${code ? ` (${code})` : ''}.` };
  }
}

/** Writes an API error straight to a socket (the request never reached Express) and closes it. */
function writeRawError(socket: Duplex, status: number, kode: string, melding: string): void {
  const korrelasjonsid = randomUUID();
  const text = serializeError('json', { kode, melding, korrelasjonsid });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      `Content-Type: ${MEDIA_TYPES.json}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n` +
      `Korrelasjonsid: ${korrelasjonsid}\r\n` +
      'Connection: close\r\n\r\n' +
      text,
  );
  // end() flushes, then closes; a peer that never reads (or keeps sending) is cut after a second.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/**
 * Answers what Node's parser refused (too large, too slow, malformed) with the API's error body,
 * where Node alone would send a bare status line, then closes the connection. Nothing is sent on a
 * connection that has already had bytes written (an answer in progress) or cannot be written to.
 */
function onClientError(limits: ServerLimits) {
  return (error: Error & { code?: string }, socket: Duplex & { bytesWritten?: number }): void => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) {
      socket.destroy();
      return;
    }
    const { status, kode, melding } = clientErrorAnswer(error.code, error.message, limits);
    writeRawError(socket, status, kode, melding);
  };
}

/** An HTTP server for `handler` with `limits` (the defaults with the given values on top). */
export function createLimitedServer(handler: RequestListener, given: Partial<ServerLimits> = {}): Server {
  const limits = resolveLimits(given);
  const server = createServer(
    {
      // An express app's messages are made with its prototypes already in place (express-messages.ts).
      ...(isExpressApp(handler) ? messageConstructorsFor(handler) : {}),
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often Node looks for connections past headersTimeout/requestTimeout (default 30 s, which
      // would let a slowloris client hold on up to 30 s longer than the limit).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    handler,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', onClientError(limits));
  // Node hands CONNECT to this event, not to the app, and without a listener drops the connection
  // without a word: answer it as any method the API does not have.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    writeRawError(socket, 404, 'KB-003', `Ukjent URL: CONNECT ${req.url ?? ''}. API-et har GET /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.`);
  });
  return server;
}
