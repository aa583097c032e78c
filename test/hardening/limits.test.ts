// Limits on the real listening server, started the way `kravmock serve` starts (startServe with a
// ServeConfig from readServeConfig): oversized URLs (414) and headers (431), slow clients (408 and
// cut), oversized admin bodies (413), JSON/YAML bombs and `__proto__` keys in admin payloads and
// scenario files, each refused without effect and without taking the server down.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServeConfig, runServe, startServe, type StartedServer } from '../../server/cli/serve-command.js';
import { DEFAULT_LIMITS, resolveLimits, type ServerLimits } from '../../server/http/limits.js';
import { MAX_ALIAS_COUNT, MAX_YAML_FLOW_DEPTH } from '../../server/scenarios/parse.js';
import { validateResponse, type CheckedResponse } from '../helpers/contract-response.js';
import { expectRawFeil, rawExchange } from './helpers.js';

const CLOCK = '2026-11-26';
const KNOWN_GOOD = '/v1/regnskapssystem/313367002/aapnekrav';
const silent = pino({ level: 'silent' });

async function start(limits?: Partial<ServerLimits>, argv: string[] = []): Promise<StartedServer> {
  const config = readServeConfig(['--port', '0', '--host', '127.0.0.1', '--clock', CLOCK, ...argv], {});
  return startServe(limits ? { ...config, limits } : config, silent);
}

const portOf = (running: StartedServer): number => Number(new URL(running.url).port);

async function call(running: StartedServer, method: 'get' | 'post' | 'put', path: string, options: { headers?: Record<string, string>; body?: string; type?: string } = {}): Promise<CheckedResponse> {
  let req = supertest(running.url)[method](path);
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  if (options.type) req = req.set('Content-Type', options.type);
  if (options.body !== undefined) req = req.send(options.body);
  return validateResponse(path, await req, method);
}

/** What the shared scope holds, to compare before and after a refused request. */
async function state(running: StartedServer) {
  const [scenarios, clock, faults, ledger] = await Promise.all(['/__admin/scenarios', '/__admin/clock', '/__admin/faults', '/__admin/parties/313367002'].map((path) => call(running, 'get', path)));
  return { scenarios: scenarios!.body, clock: clock!.body, faults: faults!.body, ledger: ledger!.body };
}

function expectPrototypeClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('the limits', () => {
  it('default to 8 KiB URLs, 16 KiB headers, 10 s for headers, 30 s for a request, 5 s idle keep-alive', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxUrlBytes: 8192, maxHeaderBytes: 16384, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 });
    expect(resolveLimits({ headersTimeoutMs: 1000 })).toEqual({ ...DEFAULT_LIMITS, headersTimeoutMs: 1000 });
  });

  it('refuse values that cannot work', () => {
    expect(() => resolveLimits({ maxUrlBytes: 16384 })).toThrow(new RangeError('server limit maxUrlBytes (16384) must be below maxHeaderBytes (16384): the URL counts towards the header section'));
    expect(() => resolveLimits({ headersTimeoutMs: 40_000 })).toThrow(new RangeError('server limit headersTimeoutMs (40000) must not be above requestTimeoutMs (30000)'));
    expect(() => resolveLimits({ keepAliveTimeoutMs: 0 })).toThrow(new RangeError('server limit keepAliveTimeoutMs must be a whole number, at least 1, got 0'));
    expect(() => resolveLimits({ requestTimeoutMs: 1.5 })).toThrow(new RangeError('server limit requestTimeoutMs must be a whole number, at least 1, got 1.5'));
  });
});

describe('kravmock serve with its default limits', () => {
  let running: StartedServer;
  beforeAll(async () => {
    running = await start();
  }, 60_000);
  afterAll(() => running.close());

  it('has them on its listening server', () => {
    const { server } = running;
    expect({ headers: server.headersTimeout, request: server.requestTimeout, keepAlive: server.keepAliveTimeout, maxHeaderSize: (server as typeof server & { maxHeaderSize?: number }).maxHeaderSize }).toEqual({ headers: 10_000, request: 30_000, keepAlive: 5_000, maxHeaderSize: 16_384 });
  });

  it('serves a URL of exactly 8 KiB and refuses one byte more with 414 KRAVMOCK-414, before the journal, sessions or fault rules see it', async () => {
    const base = `${KNOWN_GOOD}?ignored=`;
    const atLimit = base + 'x'.repeat(8192 - base.length);
    expect(atLimit.length).toBe(8192);
    expect((await call(running, 'get', atLimit)).status).toBe(200);

    // A rule that would fail every request for the party: a refused URL never reaches it.
    expect((await call(running, 'post', '/__admin/faults', { type: 'application/json', body: JSON.stringify({ id: 'all-down', partIdentifikator: '313367002', failure: { type: 'unavailable' } }) })).status).toBe(201);
    const journalBefore = (await call(running, 'get', '/__admin/journal')).body;
    const tooLong = `${atLimit}y`;
    for (const [accept, mediaType] of [['application/json', 'application/json'], ['application/xml', 'application/xml']] as const) {
      const res = await call(running, 'get', tooLong, { headers: { Accept: accept, 'X-Kravmock-Session': `too-long-${mediaType.length}` } });
      expect({ status: res.status, mediaType: res.mediaType, kode: res.body.kode, melding: res.body.melding }).toEqual({
        status: 414,
        mediaType,
        kode: 'KRAVMOCK-414',
        melding: 'URL-en er for lang: 8193 byte, høyst 8192 byte (8 KiB) er tillatt. Send færre eller kortere parametere.',
      });
      expect(res.headers.connection).toBe('close');
    }
    const journalAfter = (await call(running, 'get', '/__admin/journal')).body;
    expect(journalAfter.size).toBe(journalBefore.size);
    expect((await call(running, 'get', '/__admin/sessions')).body.sessions).toEqual([]);
    const rule = (await call(running, 'get', '/__admin/faults/all-down')).body;
    expect({ matched: rule.matched, fired: rule.fired }).toEqual({ matched: 0, fired: 0 });
    await supertest(running.url).delete('/__admin/faults/all-down').expect(204);
  });

  it('answers a header section over 16 KiB (a long URL or long headers) with 431 KRAVMOCK-431 and a Feil body, where Node alone sends none', async () => {
    const melding = 'Forespørselen har for store headere: URL og headere kan til sammen være høyst 16384 byte (16 KiB).';
    const longUrl = await rawExchange(portOf(running), [`GET ${KNOWN_GOOD}?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`]);
    expect(expectRawFeil(longUrl, 431, 'KRAVMOCK-431').melding).toBe(melding);
    expect(longUrl.headers.connection).toBe('close');
    const longHeaders = await rawExchange(portOf(running), [`GET ${KNOWN_GOOD} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Array.from({ length: 20 }, (_, i) => `X-Pad-${i}: ${'p'.repeat(1000)}\r\n`).join('')}\r\n`]);
    expect(expectRawFeil(longHeaders, 431, 'KRAVMOCK-431').melding).toBe(melding);
    // 15 headers of 1000 bytes fit.
    const fits = await call(running, 'get', KNOWN_GOOD, { headers: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`X-Pad-${i}`, 'p'.repeat(1000)])) });
    expect(fits.status).toBe(200);
  });

  it('answers CONNECT (which Node keeps from the app) with 404 KB-003 instead of dropping the connection', async () => {
    const res = await rawExchange(portOf(running), ['CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n']);
    expect(expectRawFeil(res, 404, 'KB-003').melding).toBe('Ukjent URL: CONNECT 127.0.0.1:22. API-et har GET /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.');
  });

  it('answers broken percent-encoding in the path with 400 KB-006, not 500', async () => {
    for (const [party, shown] of [['%', '%'], ['31336700%zz', '31336700%zz'], ['%C0%AE', '%C0%AE']]) {
      const res = await call(running, 'get', `/v1/finans/${party}/aapnekrav`);
      expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({
        status: 400,
        kode: 'KB-006',
        melding: `Ugyldig prosentkoding: '${shown}' i URL-en kan ikke dekodes, forventet %XX med to heksadesimale sifre for gyldig UTF-8 (regel: prosentkoding; peker: /path).`,
      });
    }
  });

  it('refuses admin bodies over their limits with 413 body-too-large and changes nothing', async () => {
    const before = await state(running);
    const over64k = JSON.stringify({ beloep: 1, melding: 'x'.repeat(64 * 1024) });
    const cases: [string, 'post' | 'put', string, string, Record<string, unknown>][] = [
      ['/__admin/parties/313367002/payments', 'post', over64k, 'application/json', { error: 'body-too-large', message: 'the request body is larger than this endpoint accepts (64kb)' }],
      ['/__admin/clock', 'put', JSON.stringify({ date: '2027-01-15', pad: 'x'.repeat(64 * 1024) }), 'application/json', { error: 'body-too-large', message: 'the request body is larger than this endpoint accepts (64kb)' }],
      ['/__admin/faults', 'post', JSON.stringify({ failure: { type: 'reset' }, id: 'x'.repeat(64 * 1024) }), 'application/json', { error: 'body-too-large', message: 'the request body is larger than this endpoint accepts (64kb)' }],
      ['/__admin/scenarios', 'post', `name: big\ndescription: ${'x'.repeat(5 * 1024 * 1024)}\nparties: []\n`, 'application/yaml', { error: 'body-too-large', message: 'the request body is larger than this endpoint accepts (5mb)' }],
      ['/__admin/tokens', 'post', JSON.stringify({ org: '313367002', pakke: 'regnskapssystem', pad: 'x'.repeat(64 * 1024) }), 'application/json', { error: 'invalid_request', error_description: 'the request body is larger than 64 kB' }],
      ['/__admin/clients', 'post', JSON.stringify({ clientId: 'big', pad: 'x'.repeat(64 * 1024) }), 'application/json', { error: 'invalid_request', error_description: 'the request body is larger than 64 kB' }],
    ];
    for (const [path, method, body, type, expected] of cases) {
      const res = await call(running, method, path, { body, type });
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 413, body: expected });
    }
    expect(await state(running)).toEqual(before);
  });

  it('refuses a YAML alias bomb, 100 000 levels of nesting and 100 000–200 000 keys without effect, in bounded time, and keeps serving', async () => {
    const before = await state(running);
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = 'abcdefgh'[i]!;
      laughs.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const deep = 100_000;
    const cases: [string, string, string, string][] = [
      ['billion laughs', 'application/yaml', `${laughs.join('\n')}\n`, `too many alias expansions (more than ${MAX_ALIAS_COUNT}): refusing a possible alias bomb; write the data out instead of nesting aliases`],
      ['deep YAML flow', 'application/yaml', `${'['.repeat(deep)}${']'.repeat(deep)}`, `nested more than ${MAX_YAML_FLOW_DEPTH} levels deep: refusing a possible nesting bomb; a scenario needs a few levels`],
      ['deep YAML mapping', 'application/yaml', `name: x\nparties: ${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}\n`, `nested more than ${MAX_YAML_FLOW_DEPTH} levels deep: refusing a possible nesting bomb; a scenario needs a few levels`],
      ['deep JSON array', 'application/json', `${'['.repeat(deep)}${']'.repeat(deep)}`, 'expected an object but got a list'],
      ['deep JSON object', 'application/json', `{"name":"deep","description":"d","parties":[${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}]}`, 'missing required property'],
      ['200 000 keys', 'application/json', `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":1`).join(',')}}`, 'only the first 1000 problems against the schema are listed (the document has more to check): fix them and check again'],
      ['100 000 YAML keys', 'application/yaml', Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n'), 'only the first 1000 problems against the schema are listed (the document has more to check): fix them and check again'],
    ];
    for (const [label, type, body, message] of cases) {
      const started = Date.now();
      const res = await call(running, 'post', '/__admin/scenarios', { type, body });
      const tookMs = Date.now() - started;
      expect({ label, status: res.status, error: res.body.error }).toEqual({ label, status: 400, error: 'invalid-scenario' });
      const problems = res.body.problems as { message: string }[];
      expect(problems.length, label).toBeLessThanOrEqual(1004);
      expect(problems.some((p) => p.message.includes(message)), `${label}: ${JSON.stringify(problems.slice(0, 3))}`).toBe(true);
      // Linear work on at most 5 MB: seconds on a busy CI machine, never minutes.
      expect(tookMs, label).toBeLessThan(30_000);
      console.log(`hardening bombs: ${label} (${(body.length / 1024).toFixed(0)} kB) refused in ${tookMs} ms`);
    }
    expect(await state(running)).toEqual(before);
    expect((await call(running, 'get', KNOWN_GOOD)).status).toBe(200);
  }, 120_000);

  it('refuses __proto__ and constructor keys in every admin payload, without effect on the state or Object.prototype', async () => {
    const before = await state(running);
    const cases: [string, 'post' | 'put', string, string, string, string][] = [
      ['/__admin/clock', 'put', 'application/json', '{"date":"2027-01-15","__proto__":{"polluted":"yes"}}', 'invalid-body', "unknown property '__proto__'"],
      ['/__admin/clock/advance', 'post', 'application/json', '{"days":3,"constructor":{"prototype":{"polluted":"yes"}}}', 'invalid-body', "unknown property 'constructor'"],
      ['/__admin/faults', 'post', 'application/json', '{"failure":{"type":"reset"},"__proto__":{"polluted":"yes"}}', 'invalid-fault-rule', '__proto__ is not a known property here'],
      ['/__admin/faults', 'post', 'application/json', '{"failure":{"type":"reset","__proto__":{"polluted":"yes"}}}', 'invalid-fault-rule', '__proto__'],
      ['/__admin/parties/313367002/payments', 'post', 'application/json', '{"beloep":100,"__proto__":{"polluted":"yes"}}', 'invalid-event', "unknown property '__proto__'"],
      ['/__admin/parties/313367002/payments', 'post', 'application/json', '{"beloep":100,"betaler":{"navn":"x","__proto__":{"polluted":"yes"}}}', 'invalid-event', "unknown property '__proto__'"],
      ['/__admin/parties/313367002/events', 'post', 'application/json', '{"type":"paymentReceived","date":"today","innbetalingsidentifikator":"P-1","beloep":1,"constructor":{"prototype":{"polluted":"yes"}}}', 'invalid-event', "unknown property 'constructor'"],
      ['/__admin/scenarios', 'post', 'application/json', '{"name":"proto","description":"p","parties":[],"__proto__":{"polluted":"yes"}}', 'invalid-scenario', "unknown property '__proto__'"],
      ['/__admin/scenarios', 'post', 'application/yaml', 'name: proto\ndescription: p\nparties: []\n__proto__:\n  polluted: yes\n', 'invalid-scenario', "unknown property '__proto__'"],
      ['/__admin/scenarios', 'post', 'application/yaml', 'name: proto\ndescription: p\nparties: []\nconstructor:\n  prototype:\n    polluted: yes\n', 'invalid-scenario', "unknown property 'constructor'"],
    ];
    for (const [path, method, type, body, error, message] of cases) {
      const res = await call(running, method, path, { type, body });
      expect({ path, body, status: res.status, error: res.body.error }).toEqual({ path, body, status: 400, error });
      expect(JSON.stringify(res.body), body).toContain(message);
      expectPrototypeClean();
    }
    expect(await state(running)).toEqual(before);
  });

  it('refuses scenario files with __proto__ keys, through the admin API and at start, without effect', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravmock-proto-'));
    const yamlFile = join(dir, 'proto.yaml');
    writeFileSync(yamlFile, 'name: proto-fil\ndescription: p\nparties:\n  - partIdentifikator: "313367002"\n    __proto__:\n      polluted: yes\n    navn: X\n    events: []\n');
    const jsonFile = join(dir, 'proto.json');
    writeFileSync(jsonFile, '{"name":"proto-json","description":"p","__proto__":{"polluted":"yes"},"parties":[]}');
    const before = await state(running);
    for (const file of [yamlFile, jsonFile]) {
      const res = await call(running, 'post', '/__admin/scenarios/files', { type: 'application/json', body: JSON.stringify({ paths: [file] }) });
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 400, error: 'invalid-scenario' });
      const problems = res.body.problems as { path: string; message: string }[];
      expect(problems.filter((p) => p.path.endsWith('__proto__')).map((p) => p.message.split(' (allowed')[0]), JSON.stringify(problems)).toEqual(["unknown property '__proto__'"]);
      expectPrototypeClean();
    }
    expect(await state(running)).toEqual(before);

    // `kravmock serve --scenarios <file>` refuses to start, listing the problem.
    const errors: string[] = [];
    const code = await runServe(['--port', '0', '--no-builtin', '--scenarios', jsonFile], { out: () => undefined, err: (line: string) => void errors.push(line), env: {}, isTTY: false }, silent);
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(new RegExp(`${jsonFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+ __proto__: unknown property '__proto__'`));
    expectPrototypeClean();
  });
});

describe('slow clients, with small limits through the same option path', () => {
  const limits = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 500 };
  let running: StartedServer;
  beforeAll(async () => {
    running = await start(limits, ['--no-builtin']);
  }, 60_000);
  afterAll(() => running.close());
  const melding = 'Forespørselen kom ikke fram i tide: headerne må være mottatt innen 1 sekund og hele forespørselen innen 2 sekunder.';

  it('cuts a client that sends its headers a byte at a time (slowloris) at the headers timeout, with 408 KRAVMOCK-408', async () => {
    const request = `GET /v1/finans/313367002/aapnekrav HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'s'.repeat(40)}\r\n\r\n`;
    const res = await rawExchange(portOf(running), [...request], { gapMs: 100, timeoutMs: 8000 });
    expect(expectRawFeil(res, 408, 'KRAVMOCK-408').melding).toBe(melding);
    // 1 s limit, checked every 250 ms; the byte-a-time client would need ~9 s.
    expect(res.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(res.closedAfterMs).toBeLessThan(3000);
  });

  it('cuts a connection that sends nothing', async () => {
    const res = await rawExchange(portOf(running), [''], { timeoutMs: 8000 });
    expect(res.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(res.closedAfterMs).toBeLessThan(3000);
  });

  it('cuts a client that trickles its body at the request timeout, and nothing of it is loaded', async () => {
    const body = 'name: slow\ndescription: trickled\nparties: []\n';
    const head = `POST /__admin/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: ${body.length}\r\n\r\n`;
    const res = await rawExchange(portOf(running), [head, ...body], { gapMs: 150, timeoutMs: 10_000 });
    expect(expectRawFeil(res, 408, 'KRAVMOCK-408').melding).toBe(melding);
    expect(res.closedAfterMs).toBeGreaterThanOrEqual(1900);
    expect(res.closedAfterMs).toBeLessThan(4000);
    expect((await call(running, 'get', '/__admin/scenarios')).body.scenarios).toEqual([]);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const res = await rawExchange(portOf(running), ['GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'], { timeoutMs: 8000 });
    expect(res.status).toBe(200);
    expect(res.closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(res.closedAfterMs).toBeLessThan(2500);
  });

  it('does not count the time kravmock takes to answer: a delay longer than the request timeout is answered', async () => {
    const res = await call(running, 'get', '/v1/finans/313367002/aapnekrav', { headers: { Prefer: 'code=404, kode=KB-009, delay=2500' } });
    expect({ status: res.status, kode: res.body.kode }).toEqual({ status: 404, kode: 'KB-009' });
  }, 15_000);
});
