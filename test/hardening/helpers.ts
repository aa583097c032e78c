// Shared by the hardening tests: a kravmock listening with the server limits `kravmock serve` uses,
// and raw HTTP over a socket for what an HTTP client library would refuse to send (or would fix).
import { connect } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { expect } from 'vitest';
import { createLimitedServer, type ServerLimits } from '../../server/http/limits.js';
import { contract } from '../helpers/contract-response.js';

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** `app` on 127.0.0.1, a free port, behind the same limits (and option path) as `kravmock serve`. */
export async function listen(app: Express, limits: Partial<ServerLimits> = {}): Promise<Listening> {
  const server = createLimitedServer(app, limits);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  /** undefined when the connection closed without a status line. */
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the first byte written to the connection's close. */
  closedAfterMs: number;
}

/** Parses one HTTP/1.1 response (the connection is closed after it, so the body is what is left). */
export function parseRawResponse(text: string): Omit<RawResponse, 'closedAfterMs'> {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end === -1) return { headers: {}, body: text };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/**
 * Writes `chunks` to a fresh connection (`gapMs` apart), reads until the server closes it (or
 * `timeoutMs` passes: then the socket is destroyed and the result says so by its time).
 */
export function rawExchange(port: number, chunks: (string | Buffer)[], options: { gapMs?: number; timeoutMs?: number } = {}): Promise<RawResponse> {
  const { gapMs = 0, timeoutMs = 10_000 } = options;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    let next = 0;
    const writeNext = (): void => {
      if (socket.destroyed || next >= chunks.length) return;
      socket.write(chunks[next++]!, () => {
        if (next < chunks.length) timer = setTimeout(writeNext, gapMs);
      });
    };
    const deadline = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('connect', writeNext);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => undefined); // a reset after the answer: what was read counts
    socket.on('close', () => {
      clearTimeout(deadline);
      clearTimeout(timer);
      resolve({ ...parseRawResponse(Buffer.concat(received).toString('utf8')), closedAfterMs: Date.now() - started });
    });
  });
}

/** The answer is an API error with this status and kode, and a contract-valid Feil body in JSON. */
export function expectRawFeil(res: RawResponse, status: number, kode: string): { kode: string; melding: string; korrelasjonsid: string } {
  expect(res.status, `status of ${JSON.stringify(res.body.slice(0, 200))}`).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  const body = JSON.parse(res.body) as { kode: string; melding: string; korrelasjonsid: string };
  expect(contract.validateSchema('Feil', body)).toEqual([]);
  expect(body.kode).toBe(kode);
  expect(body.korrelasjonsid).toBe(res.headers['korrelasjonsid']);
  return body;
}
