// serve's options for sessions and the admin API, and a real server off loopback: a token is made
// and printed when none is configured, and the admin API refuses requests without it. Also
// `kravmock token` against a protected server.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError, type CommandIo } from '../../server/cli/io.js';
import { readServeConfig, runServe, SERVE_USAGE, type RunningServer } from '../../server/cli/serve-command.js';
import { runToken, TOKEN_USAGE } from '../../server/cli/token-command.js';
import { validateResponse, type CheckedResponse } from '../helpers/contract-response.js';

const TOKEN_RULE = 'visible ASCII characters without spaces (it is sent as Authorization: Bearer <token>)';
const REQUIRED =
  'the admin API needs its token: send Authorization: Bearer <admin token> (the token kravmock printed at start, or the one set with --admin-token / KRAVMOCK_ADMIN_TOKEN)';

describe('readServeConfig: sessions and admin options', () => {
  it('defaults: sessions live 1800 s idle, at most 10000, the admin API on without a configured token', () => {
    const config = readServeConfig([], {});
    expect([config.sessionTtlSeconds, config.maxSessions, config.admin, config.adminToken]).toEqual([1800, 10000, true, undefined]);
  });

  it('takes flags first, then KRAVMOCK_* variables', () => {
    const env = { KRAVMOCK_SESSION_TTL: '90', KRAVMOCK_MAX_SESSIONS: '50', KRAVMOCK_ADMIN_TOKEN: 'from-env' };
    expect(readServeConfig([], env)).toMatchObject({ sessionTtlSeconds: 90, maxSessions: 50, admin: true, adminToken: 'from-env' });
    expect(readServeConfig(['--session-ttl', '60', '--max-sessions', '3', '--admin-token', 'from-flag'], env)).toMatchObject({
      sessionTtlSeconds: 60,
      maxSessions: 3,
      adminToken: 'from-flag',
    });
    expect(readServeConfig(['--no-admin'], {}).admin).toBe(false);
    expect(readServeConfig([], { KRAVMOCK_NO_ADMIN: '1' }).admin).toBe(false);
    expect(readServeConfig([], { KRAVMOCK_NO_ADMIN: 'true' }).admin).toBe(false);
    expect(readServeConfig([], { KRAVMOCK_NO_ADMIN: '0' }).admin).toBe(true);
  });

  it.each([
    [['--session-ttl', '0'], {}, "--session-ttl must be a whole number of seconds, at least 1, got '0'"],
    [['--session-ttl', '1.5'], {}, "--session-ttl must be a whole number of seconds, at least 1, got '1.5'"],
    [[], { KRAVMOCK_SESSION_TTL: '-5' }, "--session-ttl must be a whole number of seconds, at least 1, got '-5'"],
    [['--max-sessions', '0'], {}, "--max-sessions must be a whole number, at least 1, got '0'"],
    [[], { KRAVMOCK_MAX_SESSIONS: 'many' }, "--max-sessions must be a whole number, at least 1, got 'many'"],
    [['--admin-token', 'two words'], {}, `--admin-token must be ${TOKEN_RULE}`],
    [['--admin-token', ''], {}, `--admin-token must not be empty: expected ${TOKEN_RULE}`],
    [[], { KRAVMOCK_ADMIN_TOKEN: '' }, `--admin-token must not be empty: expected ${TOKEN_RULE}`],
    [['--admin-token', 'hemmelig', '--no-admin'], {}, '--admin-token and --no-admin exclude each other: a token protects the admin API, --no-admin removes it'],
    [[], { KRAVMOCK_ADMIN_TOKEN: 'hemmelig', KRAVMOCK_NO_ADMIN: '1' }, '--admin-token and --no-admin exclude each other: a token protects the admin API, --no-admin removes it'],
    [['--admin-token'], {}, "Option '--admin-token <value>' argument missing. See kravmock serve --help"],
  ])('refuses %j %j', (argv, env, message) => {
    expect(() => readServeConfig(argv, env)).toThrow(new UsageError(message));
  });

  it('the usage texts name the options and their variables', () => {
    for (const word of ['--session-ttl', 'KRAVMOCK_SESSION_TTL', '--max-sessions', 'KRAVMOCK_MAX_SESSIONS', '--admin-token', 'KRAVMOCK_ADMIN_TOKEN', '--no-admin', 'KRAVMOCK_NO_ADMIN=1']) {
      expect(SERVE_USAGE).toContain(word);
    }
    expect(TOKEN_USAGE).toContain('--admin-token <t>      KRAVMOCK_ADMIN_TOKEN');
  });
});

interface Started {
  running: RunningServer;
  /** The server's address reachable from here (0.0.0.0 is reached at 127.0.0.1). */
  base: string;
  stderr: string[];
  stdout: string[];
  log: Record<string, unknown>[];
}

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const running of servers.splice(0)) await running.close();
});

function captureIo(env: NodeJS.ProcessEnv = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CommandIo = { out: (line) => stdout.push(line), err: (line) => stderr.push(line), env, isTTY: false };
  return { io, stdout, stderr };
}

async function serve(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Started> {
  const { io, stdout, stderr } = captureIo(env);
  const log: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const running = await runServe(['--port', '0', '--no-builtin', '--clock', '2026-11-26', ...argv], io, pino({}, stream));
  if (typeof running === 'number') throw new Error(`serve exited with ${running}: ${stderr.join('\n')}`);
  servers.push(running);
  const base = running.url.replace('//0.0.0.0:', '//127.0.0.1:');
  return { running, base, stdout, stderr, log };
}

async function call(base: string, method: 'get' | 'delete', path: string, headers: Record<string, string> = {}): Promise<CheckedResponse> {
  let req = supertest(base)[method](path);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return validateResponse(path, await req, method);
}

const startLine = (log: Record<string, unknown>[]) => log.find((entry) => entry.msg === 'kravmock listening')!;

describe('serve off loopback', () => {
  it('--host 0.0.0.0 without a token: makes one, prints it once, and the admin API needs it', async () => {
    const { base, stderr, stdout, log } = await serve(['--host', '0.0.0.0']);
    expect(stderr).toHaveLength(1);
    const printed = /^admin API token: ([A-Za-z0-9_-]{43}) {2}\(send Authorization: Bearer <token>; kravmock listens on 0\.0\.0\.0, beyond loopback\)$/.exec(stderr[0]!);
    expect(printed, stderr[0]).not.toBeNull();
    const token = printed![1]!;
    expect(stdout).toEqual([]);
    expect(startLine(log)).toMatchObject({ admin: 'token required', adminToken: token });

    const without = await call(base, 'get', '/__admin/scenarios');
    expect([without.status, without.body]).toEqual([401, { error: 'admin-token-required', message: REQUIRED }]);
    expect(without.headers['www-authenticate']).toBe('Bearer realm="kravmock admin"');
    expect((await call(base, 'get', '/__admin/scenarios', { Authorization: 'Bearer not-the-token' })).body.error).toBe('admin-token-invalid');
    const withToken = await call(base, 'get', '/__admin/scenarios', { Authorization: `Bearer ${token}` });
    expect([withToken.status, withToken.body]).toEqual([200, { scenarios: [] }]);
    // the API needs no admin token
    expect((await call(base, 'get', '/v1/regnskapssystem/313367002/aapnekrav')).status).toBe(404);
  });

  it('each start makes another token', async () => {
    const first = await serve(['--host', '0.0.0.0']);
    const second = await serve(['--host', '0.0.0.0']);
    expect(first.stderr[0]).not.toBe(second.stderr[0]);
  });

  it('with KRAVMOCK_ADMIN_TOKEN it uses that token and prints nothing', async () => {
    const { base, stderr, log } = await serve(['--host', '0.0.0.0'], { KRAVMOCK_ADMIN_TOKEN: 'ci-admin-token' });
    expect(stderr).toEqual([]);
    expect(startLine(log).admin).toBe('token required');
    expect(startLine(log).adminToken).toBeUndefined();
    expect((await call(base, 'get', '/__admin/scenarios')).status).toBe(401);
    expect((await call(base, 'get', '/__admin/scenarios', { Authorization: 'Bearer ci-admin-token' })).status).toBe(200);
  });

  it('--no-admin removes the admin API: no token is made and /__admin is 404 KB-003', async () => {
    const { base, stderr, log } = await serve(['--host', '0.0.0.0', '--no-admin']);
    expect(stderr).toEqual([]);
    expect(startLine(log)).toMatchObject({ admin: 'off' });
    const res = await call(base, 'get', '/__admin/scenarios');
    expect([res.status, res.body.kode]).toEqual([404, 'KB-003']);
  });
});

describe('serve on loopback', () => {
  it('--host 127.0.0.1: no token is made or needed', async () => {
    const { base, stderr, log } = await serve(['--host', '127.0.0.1']);
    expect(stderr).toEqual([]);
    expect(startLine(log)).toMatchObject({ admin: 'open (loopback only)' });
    expect(startLine(log).adminToken).toBeUndefined();
    expect((await call(base, 'get', '/__admin/scenarios')).status).toBe(200);
  });

  it('--admin-token on loopback is required all the same', async () => {
    const { base } = await serve(['--host', '127.0.0.1', '--admin-token', 'lokal-hemmelighet']);
    expect((await call(base, 'get', '/__admin/scenarios')).status).toBe(401);
    expect((await call(base, 'get', '/__admin/scenarios', { Authorization: 'Bearer lokal-hemmelighet' })).status).toBe(200);
  });

  it('--session-ttl and --max-sessions reach the server', async () => {
    const { base } = await serve(['--session-ttl', '45', '--max-sessions', '1']);
    expect((await call(base, 'get', '/__admin/sessions', { 'X-Kravmock-Session': 'ci-1' })).body).toMatchObject({ ttlSeconds: 45, maxSessions: 1 });
    const refused = await call(base, 'get', '/__admin/sessions', { 'X-Kravmock-Session': 'ci-2' });
    expect([refused.status, refused.body.error]).toEqual([503, 'too-many-sessions']);
    expect(refused.body.message).toBe('too many sessions: 1 are alive; end one (DELETE /__admin/sessions/{id}) or wait until idle ones expire after 45 s');
  });
});

describe('kravmock token against a protected server', () => {
  const args = (base: string) => ['--url', base, '--org', '313367002', '--pakke', 'regnskapssystem'];

  it('without the admin token names what is missing; with --admin-token or KRAVMOCK_ADMIN_TOKEN it prints the token', async () => {
    const { base } = await serve(['--admin-token', 'token-for-the-token-command']);

    const without = captureIo();
    expect(await runToken(args(base), without.io)).toBe(2);
    expect(without.stderr).toEqual([`kravmock: ${REQUIRED} (give it with --admin-token or KRAVMOCK_ADMIN_TOKEN)`]);
    expect(without.stdout).toEqual([]);

    const wrong = captureIo();
    expect(await runToken([...args(base), '--admin-token', 'wrong'], wrong.io)).toBe(2);
    expect(wrong.stderr).toEqual(['kravmock: the admin token sent does not match: send Authorization: Bearer <admin token> with the token this kravmock was started with']);

    const flag = captureIo();
    expect(await runToken([...args(base), '--admin-token', 'token-for-the-token-command'], flag.io)).toBe(0);
    expect(flag.stdout).toHaveLength(1);
    expect(flag.stdout[0]).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+$/);

    const env = captureIo({ KRAVMOCK_ADMIN_TOKEN: 'token-for-the-token-command' });
    expect(await runToken([...args(base), '--token-only'], env.io)).toBe(0);
    expect(env.stdout[0]).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('against --no-admin says the endpoint is not there', async () => {
    const { base } = await serve(['--no-admin']);
    const out = captureIo();
    expect(await runToken(args(base), out.io)).toBe(2);
    expect(out.stderr).toEqual([
      'kravmock: Ukjent URL: POST /__admin/tokens. API-et har GET /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.',
    ]);
  });
});
