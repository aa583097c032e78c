// Property-based fuzzing (fast-check) of what a client can send: paths, query strings, headers,
// raw request targets and admin payloads, against the built-in parties at a fixed clock, on a
// server with the limits `kravmock serve` uses. The properties: no 5xx unless a 5xx was asked for
// (`Prefer`), every response valid against its contract (API errors a Feil body, admin errors an
// AdminError), the server keeps answering a known-good request the same way, a rejected admin
// payload changes nothing, and nothing pollutes Object.prototype.
//
// Seeded: FUZZ_SEED=<n> and FUZZ_RUNS=<n> vary the run; a failure prints its seed and path, and
// `fc.assert(..., { seed, path })` replays it.
import fc from 'fast-check';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createKravmock } from '../../server/app.js';
import { validateResponse, type CheckedResponse } from '../helpers/contract-response.js';
import { expectRawFeil, listen, rawExchange, type Listening } from './helpers.js';

const CLOCK = '2026-11-26';
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const ADMIN_RUNS = Math.ceil((RUNS * 3) / 4);
const PROPERTY_TIMEOUT = 180_000;
const KNOWN_GOOD = '/v1/regnskapssystem/313367002/aapnekrav';

// Printed so a CI log says how to replay.
console.log(`hardening fuzz: seed ${SEED}, ${RUNS} runs per API property, ${ADMIN_RUNS} for admin payloads (replay with FUZZ_SEED=${SEED}; more with FUZZ_RUNS)`);

let server: Listening;
let knownGood: CheckedResponse;

beforeAll(async () => {
  const { app } = createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK, faultSeed: 7 });
  server = await listen(app);
  knownGood = await call('get', KNOWN_GOOD);
  expect(knownGood.status).toBe(200);
});
afterAll(() => server.close());

type Method = 'get' | 'post' | 'put' | 'delete';

async function call(method: Method, path: string, headers: Record<string, string> = {}, body?: string): Promise<CheckedResponse> {
  let req = supertest(server.server)[method](path);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  if (body !== undefined) req = req.send(body);
  return validateResponse(path, await req, method);
}

/** The server still answers the known-good request exactly as at the start. */
async function stillHealthy(): Promise<void> {
  const now = await call('get', KNOWN_GOOD);
  expect(now.status).toBe(200);
  expect(now.body).toEqual(knownGood.body);
}

function expectPrototypeClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

const printable = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
const unicode = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((s) => encodeURIComponent(s));

// --- paths -------------------------------------------------------------------------------------

const PARTIES = ['313367002', '311851381', '314055403', '212201782', '871978433', '314961900', '974761076', '313367003', '123', '99999999999', '01010112345', '00000000000', '3133670020'];
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('v1', 'finans', 'regnskapssystem', 'aapnekrav', 'krav', 'innbetalinger', 'utbetalinger') },
  { weight: 4, arbitrary: fc.constantFrom(...PARTIES) },
  { weight: 1, arbitrary: fc.constantFrom('api', 'innkreving', 'kravogbetalinger', 'V1', 'FINANS', 'Krav') },
  { weight: 1, arbitrary: fc.constantFrom('__admin', 'journal', 'faults', 'clock', 'sessions', 'scenarios', 'parties') },
  { weight: 2, arbitrary: fc.constantFrom('..', '.', '%00', '%2e%2e', '%2F', '%252F', '%', '%zz', '%C0%AE', ';', '~', '%20', '%E2%80%AE') },
  { weight: 2, arbitrary: unicode },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 9000 }).map((n) => 'a'.repeat(n)) },
  { weight: 2, arbitrary: printable(12).map((s) => encodeURIComponent(s)) },
);
const pathArb = fc.array(segment, { minLength: 1, maxLength: 7 }).map((segments) => `/${segments.join('/')}`);
// Mostly well-formed API paths, so the fuzz gets past routing into the checks behind it.
const apiPathArb = fc
  .tuple(fc.constantFrom('', '/api/innkreving/kravogbetalinger'), fc.constantFrom('finans', 'regnskapssystem', 'bank'), fc.oneof(fc.constantFrom(...PARTIES), segment), fc.constantFrom('aapnekrav', 'krav', 'innbetalinger', 'utbetalinger', 'aapnekrav/', 'krav/x'))
  .map(([prefix, pakke, party, resource]) => `${prefix}/v1/${pakke}/${party}/${resource}`);

// --- query strings -----------------------------------------------------------------------------

const dateValue = fc.oneof(
  fc.constantFrom('2026-01-01', '2026-11-26', '2025-11-26', '2023-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-1-1', '26-01-01', '', '2026-01-01T00:00:00Z', '%00', '2026-01-01%00', '-2026-01-01', '+30d'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  printable(12).map((s) => encodeURIComponent(s)),
);
const queryKey = fc.constantFrom('fraOgMed', 'tilOgMed', 'fraOgMed[]', 'tilOgMed[0]', 'a[]', '__proto__', '__proto__[polluted]', 'constructor', 'constructor[prototype][polluted]', 'Korrelasjonsid', 'limit', 'since', 'party', 'status', 'endpoint', 'session', 'x');
const queryArb = fc
  .array(fc.tuple(queryKey, fc.oneof(dateValue, fc.constantFrom('1', 'all', '4xx', 'yes', 'a'.repeat(300)))), { maxLength: 6 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));

// --- headers -----------------------------------------------------------------------------------

const acceptArb = fc.constantFrom(
  undefined,
  'application/json',
  'application/xml',
  'text/xml',
  '*/*',
  'text/html',
  'application/*;q=0',
  'application/json;q=0, application/xml;q=0.1',
  'application/json;q=abc',
  'image/png, */*;q=0',
  ';;;',
  'application/xml;q=1, application/json;q=1',
  '',
);
const authorizationArb = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzY29wZSI6InNrYXR0ZWV0YXRlbjprcmF2b2diZXRhbGluZ2VyIn0.', 'bearer x'),
  printable(60).map((s) => `Bearer ${s}`),
  fc.base64String({ maxLength: 80 }).map((s) => `Bearer ${s}.${s}.${s}`),
);
const samtykkeArb = fc.oneof(fc.constant(undefined), printable(80), fc.base64String({ maxLength: 60 }).map((s) => `${s}.${s}.sig`));
const sessionArb = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('fuzz-a', 'fuzz-b', 'x'.repeat(129), 'bad id', '', 'ci:42.1_-') });

const preferItem = fc.oneof(
  fc.constantFrom('200', '400', '401', '403', '404', '406', '429', '418', '999', '-1', '', 'abc', '"404"', '"', '4O4').map((v) => `code=${v}`),
  fc.constantFrom('KB-003', 'KB-004', 'KB-005', 'KB-006', 'KB-007', 'KB-008', 'KB-009', 'KRAVMOCK-429', 'KB-010', 'kb-006', '"KB-006"', '').map((v) => `kode=${v}`),
  fc.constantFrom('0', '1', '5', '-1', 'abc', '60001', '1e3', '"3"', '').map((v) => `delay=${v}`),
  fc.constantFrom('return=minimal', 'respond-async', 'wait=1', 'cdoe=500', 'code', 'CODE=404', 'code=404;x=1', 'handling=strict'),
  printable(20),
);
/** A Prefer header; `fault=` is left out (it breaks the connection by design, test/faults covers it). */
const preferArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.array(preferItem, { minLength: 1, maxLength: 3 }).map((items) => items.join(', ')) },
).filter((p) => p === undefined || (!/fault/i.test(p) && !/delay\s*=\s*"?\s*\+?\d{3}/i.test(p)));

/** A Prefer that could ask for a 5xx: then a 5xx is the answer asked for. */
const asksFor5xx = (prefer: string | undefined): boolean => prefer !== undefined && /5\d\d|KB-00[12]|KRAVMOCK-503/i.test(prefer);

const headersArb = fc
  .record({ accept: acceptArb, authorization: authorizationArb, altinnsamtykke: samtykkeArb, 'x-kravmock-session': sessionArb, prefer: preferArb, korrelasjonsid: fc.oneof(fc.constant(undefined), printable(120)) })
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

describe('fuzzing the API', () => {
  it(
    'answers every path, query and header combination below 500 (unless Prefer asked for it) with a contract-valid body',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(pathArb, apiPathArb), queryArb, headersArb, async (path, query, headers) => {
          const res = await call('get', `${path}${query}`, headers);
          if (!asksFor5xx(headers.prefer)) expect(res.status, `${path}${query} ${JSON.stringify(headers)} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
          // A URL over the limit is refused before anything else.
          if (Buffer.byteLength(`${path}${query}`) > 8192) expect({ status: res.status, kode: res.body.kode }).toEqual({ status: 414, kode: 'KRAVMOCK-414' });
          expectPrototypeClean();
        }),
        { seed: SEED, numRuns: RUNS },
      );
      await stillHealthy();
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'answers Prefer 5xx requests with exactly the error asked for, and stays healthy',
    async () => {
      const asked = fc.oneof(
        fc.constantFrom(['code=500', 500, 'KB-001'], ['code=503', 503, 'KRAVMOCK-503'], ['kode=KB-001', 500, 'KB-001'], ['kode=KB-002', 500, 'KB-002'], ['kode=KRAVMOCK-503', 503, 'KRAVMOCK-503'], ['code=500, kode=KB-002', 500, 'KB-002']),
      ) as fc.Arbitrary<[string, number, string]>;
      await fc.assert(
        fc.asyncProperty(apiPathArb, queryArb, acceptArb, asked, async (path, query, accept, [prefer, status, kode]) => {
          const res = await call('get', `${path}${query}`, { prefer, ...(accept !== undefined ? { accept } : {}) });
          if (res.status >= 500) expect({ status: res.status, kode: res.body.kode }).toEqual({ status, kode });
          else expect(res.status, res.text).toBeGreaterThanOrEqual(400); // refused earlier: routing, Accept, the URL limit
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / 4) },
      );
      await stillHealthy();
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'answers raw request targets no HTTP client would send (bytes, spaces, absolute forms) with a Feil body or a normal answer, never a crash',
    async () => {
      const rawTarget = fc.oneof(
        fc.constantFrom('*', 'http://127.0.0.1/v1/finans/313367002/aapnekrav', '/v1/finans/313367002/aapnekrav#frag', '/v1/finans/313367002/../313367002/aapnekrav', '//v1//finans', '/v1/finans/313367002/aapnekrav?fraOgMed=2026-01-01&&&', '/\\..\\etc/passwd'),
        fc.array(fc.integer({ min: 0x21, max: 0xff }), { minLength: 1, maxLength: 40 }).map((bytes) => `/v1/${Buffer.from(bytes).toString('latin1')}`),
      );
      const method = fc.constantFrom('GET', 'GET', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'G3T', 'get', 'CONNECT');
      await fc.assert(
        fc.asyncProperty(method, rawTarget, async (verb, target) => {
          const res = await rawExchange(server.port, [Buffer.from(`${verb} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1')], { timeoutMs: 5000 });
          expect(res.status, `${verb} ${JSON.stringify(target)} → ${res.body.slice(0, 200)}`).toBeDefined();
          expect(res.status).toBeLessThan(500);
          if (verb !== 'HEAD' && res.status! >= 400) {
            const body = JSON.parse(res.body) as Record<string, unknown>;
            const isAdmin = typeof body.error === 'string';
            if (!isAdmin) expect(Object.keys(body).sort()).toEqual(['kode', 'korrelasjonsid', 'melding']);
          }
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
      );
      // A request line Node's parser refuses gets the API's error body, not a bare status line.
      expectRawFeil(await rawExchange(server.port, ['GET /v1 HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n']), 400, 'KB-006');
      await stillHealthy();
    },
    PROPERTY_TIMEOUT,
  );
});

// --- admin payloads ----------------------------------------------------------------------------

interface Target {
  method: Method;
  path: string;
  /** Plausible keys for this endpoint, mixed with prototype keys and junk. */
  keys: string[];
  yaml?: boolean;
}

const TARGETS: Target[] = [
  { method: 'post', path: '/__admin/faults', keys: ['id', 'partIdentifikator', 'endpoint', 'probability', 'latency', 'failure', 'seed', 'distribution', 'ms', 'type', 'kode'] },
  { method: 'post', path: '/__admin/parties/313367002/payments', keys: ['beloep', 'kidnummer', 'date', 'betaler', 'melding', 'reskontro', 'innbetalingsidentifikator', 'navn'] },
  { method: 'post', path: '/__admin/parties/313367002/payouts', keys: ['date', 'fraKreditkrav', 'tilbakebetalingAv', 'beloep', 'innbetalingsidentifikator', 'utbetalingsidentifikator', 'mottaker'] },
  { method: 'post', path: '/__admin/parties/313367002/claims', keys: ['reskontro', 'kravtype', 'kravgruppe', 'kravbeskrivelse', 'kravforfall', 'forfallsdato', 'beloep', 'kidnummer', 'date', 'kravidentifikator'] },
  { method: 'post', path: '/__admin/parties/313367002/events', keys: ['type', 'date', 'innbetalingsidentifikator', 'kravforfallsIdentifikator', 'beloep', 'claim', 'payment'] },
  { method: 'post', path: '/__admin/parties/974761076/payments', keys: ['beloep', 'kidnummer', 'date'] },
  { method: 'put', path: '/__admin/clock', keys: ['date', 'fixed', 'offsetDays'] },
  { method: 'post', path: '/__admin/clock/advance', keys: ['days', 'weeks', 'months'] },
  { method: 'post', path: '/__admin/scenarios', keys: ['name', 'description', 'clock', 'parties', 'partIdentifikator', 'navn', 'events', 'type'], yaml: true },
  { method: 'post', path: '/__admin/scenarios?replace=true', keys: ['name', 'clock', 'parties', 'events'], yaml: true },
  { method: 'post', path: '/__admin/tokens', keys: ['org', 'pakke', 'party', 'consent', 'validDays', 'scope'] },
  { method: 'post', path: '/__admin/clients', keys: ['clientId', 'orgnr', 'publicKey', 'scopes', 'kty', 'n', 'e'] },
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];

const scalar = fc.oneof(
  fc.constantFrom('today', '+30d', '-2w', '2027-01-15', '2026-02-30', '313367002', '0095755263306220219', 'KB-001', 'error', 'fixed', 'unavailable', 'reset', 'claimRaised', 'paymentReceived', 'finans', 'regnskapssystem', 'skatteinnkreving', 'merverdiavgift', ''),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.constantFrom(0, 1, 0.5, -0, 1e308, -1e308, 1.5, 36_601, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
  printable(20),
);

/** A JSON text with own keys as given, `__proto__` included (JSON.stringify of an object could not say `__proto__`). */
function objectText(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

function valueText(keys: string[], depth: number): fc.Arbitrary<string> {
  const leaf = scalar.map((v) => JSON.stringify(v));
  if (depth === 0) return leaf;
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(valueText(keys, depth - 1), { maxLength: 3 }).map((items) => `[${items.join(',')}]`) },
    { weight: 1, arbitrary: objectArb(keys, depth - 1) },
  );
}

function objectArb(keys: string[], depth: number): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...keys) }, { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) }, { weight: 1, arbitrary: printable(10) });
  return fc.array(fc.tuple(key, valueText(keys, depth)), { maxLength: 6 }).map(objectText);
}

/** The body text and its Content-Type for a target. */
function payloadArb(target: Target): fc.Arbitrary<{ text: string; type: string | undefined }> {
  const jsonType = fc.constantFrom<string | undefined>('application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', undefined, 'application/json; charset=latin1');
  const texts = fc.oneof(
    { weight: 6, arbitrary: objectArb(target.keys, 3) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: printable(40) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`) },
  );
  const json = fc.record({ text: texts, type: jsonType });
  if (!target.yaml) return json;
  const yamlText = fc.oneof(
    objectArb(target.keys, 3), // JSON is YAML too
    printable(60),
    fc.constantFrom('a: &a [1]\nb: [*a, *a]\n', 'name: x\nparties: []\n', '__proto__: {polluted: 1}\nname: p\n', '!!js/function "f"\n', 'name: [\n', 'a: *nope\n', '- - - - - - 1\n', '? [a]\n: b\n'),
  );
  return fc.oneof({ weight: 2, arbitrary: json }, { weight: 1, arbitrary: fc.record({ text: yamlText, type: fc.constantFrom<string | undefined>('application/yaml', 'text/yaml', 'application/x-yaml') }) });
}

const adminCase = fc.constantFrom(...TARGETS).chain((target) => payloadArb(target).map((payload) => ({ target, payload })));

let sessionCounter = 0;

/** What a session holds: its scenarios, clock and fault rules, and how many parties' ledgers differ from the baseline. */
async function snapshot(session: string) {
  const headers = { 'X-Kravmock-Session': session };
  const [scenarios, clock, faults] = await Promise.all(['/__admin/scenarios', '/__admin/clock', '/__admin/faults'].map((path) => call('get', path, headers)));
  const { changedParties, faults: faultCount, answeredAt } = (await call('get', `/__admin/sessions/${session}`)).body;
  return { scenarios: scenarios!.body, clock: clock!.body, faults: faults!.body, session: { changedParties, faultCount, answeredAt } };
}

describe('fuzzing the admin API', () => {
  it(
    'answers every payload below 500 with a contract-valid body; a refused one changes nothing and pollutes nothing',
    async () => {
      // A new session starts as a copy of the baseline: every case starts from this.
      const baseline = await snapshot('fuzz-admin-baseline');
      expect(baseline.faults).toEqual({ serverSeed: 7, rules: [] });
      await fc.assert(
        fc.asyncProperty(adminCase, async ({ target, payload }) => {
          // Each case in a fresh session (a copy of the baseline): what it may change is thrown away afterwards.
          const id = `fuzz-admin-${(sessionCounter += 1)}`;
          const session = { 'X-Kravmock-Session': id };
          const headers = { ...session, ...(payload.type !== undefined ? { 'Content-Type': payload.type } : {}) };
          const res = await call(target.method, target.path, headers, payload.text);
          const what = `${target.method} ${target.path} ${payload.type ?? '(no type)'} ${payload.text.slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) expect(await snapshot(id), `refused, yet the state changed: ${what}`).toEqual(baseline);
          expectPrototypeClean();
          expect((await call('delete', `/__admin/sessions/${session['X-Kravmock-Session']}`)).status).toBe(204);
        }),
        { seed: SEED, numRuns: ADMIN_RUNS },
      );
      await stillHealthy();
      // The shared state was never touched.
      expect((await call('get', '/__admin/faults')).body).toEqual({ serverSeed: 7, rules: [] });
    },
    PROPERTY_TIMEOUT,
  );
});
