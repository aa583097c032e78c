// Faults below HTTP, seen from a real client: the app listens on a loopback port and node:http
// calls it without keep-alive. A reset is a TCP RST (read ECONNRESET), an empty response a close
// without a byte (socket hang up), a truncated body a full Content-Length with half the bytes.
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createApp } from '../../server/app.js';
import { contract, get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const AAPNEKRAV = '/v1/regnskapssystem/313367002/aapnekrav';
const KRAV = '/v1/finans/313367002/krav?fraOgMed=2026-01-01';
const SESSION = { 'X-Kravmock-Session': 'socket-faults' };

type Outcome =
  | { kind: 'error'; code: string | undefined; message: string }
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: Buffer; complete: boolean };

const app = createApp({ parties: builtinParties(CLOCK), clock: CLOCK, faultSeed: 1, contract });
let server: Server;
let port: number;

beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One GET on a fresh connection; what the client saw, whether it ended well or not. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => {}); // 'aborted' on a cut body; `complete` tells
      res.on('close', () => resolve({ kind: 'response', status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'error', code: error.code, message: error.message }));
    req.end();
  });
}

function expectReset(outcome: Outcome) {
  expect(outcome).toEqual({ kind: 'error', code: 'ECONNRESET', message: 'read ECONNRESET' });
}

function expectEmpty(outcome: Outcome) {
  expect(outcome).toEqual({ kind: 'error', code: 'ECONNRESET', message: 'socket hang up' });
}

function expectTruncated(outcome: Outcome, status: number) {
  expect(outcome.kind).toBe('response');
  const res = outcome as Extract<Outcome, { kind: 'response' }>;
  expect(res.status).toBe(status);
  const length = Number(res.headers['content-length']);
  expect(length).toBeGreaterThan(0);
  expect(res.complete).toBe(false);
  expect(res.body.length).toBe(Math.floor(length / 2));
  return res;
}

describe('Prefer: fault=…', () => {
  it('a plain request over the same path is answered whole (the baseline)', async () => {
    const outcome = await rawGet(AAPNEKRAV);
    expect(outcome.kind).toBe('response');
    const res = outcome as Extract<Outcome, { kind: 'response' }>;
    expect(res.complete).toBe(true);
    expect(res.body.length).toBe(Number(res.headers['content-length']));
  });

  it('fault=reset resets the connection', async () => {
    expectReset(await rawGet(AAPNEKRAV, { Prefer: 'fault=reset' }));
  });

  it('fault=empty closes the connection without a byte', async () => {
    expectEmpty(await rawGet(AAPNEKRAV, { Prefer: 'fault=empty' }));
  });

  it('fault=truncated sends status, headers and half of the body it announced', async () => {
    const res = expectTruncated(await rawGet(AAPNEKRAV, { Prefer: 'fault=truncated' }), 200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const whole = await get(app, AAPNEKRAV);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(whole.text));
    expect(whole.text.startsWith(res.body.toString('utf8'))).toBe(true);
  });

  it('fault=truncated with code=500 cuts the error body; in XML too', async () => {
    const json = expectTruncated(await rawGet(AAPNEKRAV, { Prefer: 'code=500, fault=truncated' }), 500);
    expect(json.body.toString('utf8')).toMatch(/^\{"kode":"KB-001"/);
    const xml = expectTruncated(await rawGet(AAPNEKRAV, { Prefer: 'kode=KRAVMOCK-503, fault=truncated', Accept: 'application/xml' }), 503);
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.headers['retry-after']).toBe('1');
  });

  it('delay with a socket fault: waits, then resets', async () => {
    const start = performance.now();
    expectReset(await rawGet(AAPNEKRAV, { Prefer: 'delay=150, fault=reset' }));
    expect(performance.now() - start).toBeGreaterThanOrEqual(149);
  });

  it('the journal records the cut connection and the preference that cut it', async () => {
    const headers = { 'X-Kravmock-Session': 'journal-of-reset', Prefer: 'fault=reset' };
    expectReset(await rawGet(AAPNEKRAV, headers));
    let entries: { fault?: string; outcome: string; status: number | null }[] = [];
    for (let i = 0; i < 50 && entries.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      entries = (await request(app, 'get', '/__admin/journal', { headers: { 'X-Kravmock-Session': 'journal-of-reset' } })).body.entries as typeof entries;
    }
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ fault: 'Prefer: fault=reset', outcome: 'connection-closed' });
  });

  it('the server keeps answering after each fault', async () => {
    expect((await get(app, AAPNEKRAV)).status).toBe(200);
  });
});

describe('socket faults from fault rules', () => {
  it.each([
    ['reset', expectReset],
    ['empty', expectEmpty],
    ['truncated', (o: Outcome) => expectTruncated(o, 200)],
  ] as const)('failure %s with probability 1', async (type, expectFault) => {
    await request(app, 'delete', '/__admin/faults', { headers: SESSION });
    const added = await request(app, 'post', '/__admin/faults', { headers: SESSION, body: { id: type, endpoint: 'krav', probability: 1, failure: { type } } });
    expect(added.status).toBe(201);
    expectFault(await rawGet(KRAV, SESSION));
    // Only krav in that session: aapnekrav and the shared scope answer whole.
    expect((await rawGet(AAPNEKRAV, SESSION)).kind).toBe('response');
    expect((await rawGet(KRAV)).kind).toBe('response');
    expect((await request(app, 'get', `/__admin/faults/${type}`, { headers: SESSION })).body).toMatchObject({ matched: 1, fired: 1 });
  });
});
