// The request log: one line per request when it is finished or its connection closes, with what the
// mock learned about it; kravmock's own routes only at debug; JSON and the readable format.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createKravmock, type KravmockOptions } from '../../server/app.js';
import { createLogger, type LogLevel } from '../../server/http/request-log.js';
import { get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const OPEN = '/v1/regnskapssystem/313367002/aapnekrav';

type Line = Record<string, unknown>;

function capture(): { stream: Writable; text: string[] } {
  const text: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, text };
}

function mock(level: LogLevel = 'info', options: Partial<KravmockOptions> = {}) {
  const { stream, text } = capture();
  const kravmock = createKravmock({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, logger: pino({ level }, stream), ...options });
  const lines = () => text.map((t) => JSON.parse(t) as Line).filter((l) => l.msg === 'request');
  return { ...kravmock, lines };
}

/** The line is written on the response's close event, which can come just after the client has the answer. */
async function until(lines: () => Line[], n: number): Promise<Line[]> {
  for (let i = 0; i < 200 && lines().length < n; i += 1) await new Promise((r) => setTimeout(r, 5));
  return lines();
}

describe('request log lines (JSON)', () => {
  it('an API request: one info line with method, path, status, duration, party, endpoint, correlation id', async () => {
    const { app, lines } = mock();
    const res = await get(app, `${OPEN}?x=1`, { Korrelasjonsid: 'logg-test-1' });
    expect(res.status).toBe(200);
    const [line, ...more] = await until(lines, 1);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'GET',
      path: OPEN,
      status: 200,
      partIdentifikator: '313367002',
      endpoint: 'aapnekrav',
      korrelasjonsid: 'logg-test-1',
    });
    expect(typeof line!.durationMs).toBe('number');
    expect(line!.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(line).not.toHaveProperty('session');
    expect(line).not.toHaveProperty('outcome');
  });

  it("has the fields of the README's example line", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const operations = readme.slice(readme.indexOf('## Operations'));
    const example = JSON.parse(/```json\n(.*)\n```/.exec(operations)![1]!) as Line;
    const { app, lines } = mock();
    await get(app, OPEN, { 'X-Kravmock-Session': 'ci-42' });
    const [line] = await until(lines, 1);
    expect(Object.keys(line!).sort()).toEqual(Object.keys(example).sort());
  });

  it('names the session, the status of an error and the fault that shaped it', async () => {
    const { app, lines } = mock();
    const res = await get(app, '/v1/finans/313367002/krav', { 'X-Kravmock-Session': 'ci-7', Prefer: 'code=500' });
    expect(res.status).toBe(500);
    const [line] = await until(lines, 1);
    expect(line).toMatchObject({ status: 500, session: 'ci-7', endpoint: 'krav', partIdentifikator: '313367002', korrelasjonsid: res.headers.korrelasjonsid });
    expect(line!.fault).toContain('code=500');
  });

  it('logs an unknown URL at info, without party or endpoint', async () => {
    const { app, lines } = mock();
    expect((await get(app, '/v2/nothing')).status).toBe(404);
    const [line] = await until(lines, 1);
    expect(line).toMatchObject({ level: 30, method: 'GET', path: '/v2/nothing', status: 404 });
    expect(line).not.toHaveProperty('partIdentifikator');
  });

  it("kravmock's own routes are not logged at info", async () => {
    const { app, lines } = mock('info');
    for (const path of ['/__admin/scenarios', '/health', '/ready', '/openapi.json']) expect((await get(app, path)).status).toBe(200);
    await get(app, OPEN);
    const logged = await until(lines, 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(logged.map((l) => l.path)).toEqual([OPEN]);
  });

  it("kravmock's own routes are logged at debug", async () => {
    const { app, lines } = mock('debug');
    await request(app, 'post', '/__admin/clock/advance', { body: { days: 1 } });
    await get(app, '/health');
    const logged = await until(lines, 2);
    expect(logged.map((l) => [l.level, l.method, l.path, l.status])).toEqual([
      [20, 'POST', '/__admin/clock/advance', 200],
      [20, 'GET', '/health', 200],
    ]);
  });

  it('a connection closed before the answer: status null, outcome connection-closed', async () => {
    const { app, lines } = mock();
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, path: OPEN, headers: { Prefer: 'delay=2000' } });
      req.on('error', () => undefined);
      req.end();
      await new Promise((r) => setTimeout(r, 100));
      req.destroy();
      const [line] = await until(lines, 1);
      expect(line).toMatchObject({ method: 'GET', path: OPEN, status: null, outcome: 'connection-closed', partIdentifikator: '313367002' });
      expect(line!.durationMs as number).toBeLessThan(2000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('nothing at all at level warn', async () => {
    const { app, lines } = mock('warn');
    await get(app, OPEN);
    await new Promise((r) => setTimeout(r, 50));
    expect(lines()).toEqual([]);
  });
});

describe('createLogger', () => {
  it('json: one JSON object per line at the level asked', async () => {
    const { stream, text } = capture();
    const logger = await createLogger({ level: 'debug', format: 'json', destination: stream });
    logger.debug({ a: 1 }, 'hei');
    logger.trace('not at debug');
    expect(text.map((t) => JSON.parse(t) as Line)).toMatchObject([{ level: 20, a: 1, msg: 'hei' }]);
  });

  it('pretty: a request is one readable line; other entries keep their fields', async () => {
    const { stream, text } = capture();
    const logger = await createLogger({ level: 'info', format: 'pretty', destination: stream, colorize: false });
    const { app } = createKravmock({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, logger, access: { mode: 'off' } });
    await get(app, OPEN, { Korrelasjonsid: 'pretty-1', 'X-Kravmock-Session': 's1' });
    for (let i = 0; i < 200 && text.length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(text, text.join('\n')).toHaveLength(1);
    expect(text[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/v1\/regnskapssystem\/313367002\/aapnekrav 200 \d+(\.\d)? ms partIdentifikator=313367002 endpoint=aapnekrav session=s1 korrelasjonsid=pretty-1$/);
    logger.info({ url: 'http://127.0.0.1:8080' }, 'kravmock listening');
    expect(text.slice(1)).toEqual([expect.stringMatching(/ INFO: kravmock listening$/), '    url: "http://127.0.0.1:8080"']);
  });
});

describe('kravmock serve --log-format / --log-level', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it('--log-format pretty --log-level debug: readable lines on stdout, admin requests included', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--no-builtin', '--log-format', 'pretty', '--log-level', 'debug'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KRAVMOCK_LOG_FORMAT: 'json' },
    });
    children.push(child);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    let url: string | undefined;
    const seen: string[] = [];
    while (url === undefined) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`serve ended before listening: ${seen.join('\n')}`);
      seen.push(value as string);
      url = /^ {4}url: "(http:[^"]+)"$/.exec(value as string)?.[1];
    }
    expect(seen.some((l) => / INFO: kravmock listening$/.test(l))).toBe(true);
    expect((await fetch(`${url}/__admin/scenarios`)).status).toBe(200);
    let next = await lines.next();
    // The rest of the start entry's fields, then the request.
    while (!next.done && /^ {4}/.test(next.value as string)) next = await lines.next();
    expect(next.value).toMatch(/ DEBUG: GET \/__admin\/scenarios 200 \d+(\.\d)? ms korrelasjonsid=[0-9a-f-]{36}$/);
  }, 60_000);
});
