// The request journal through HTTP: what an entry holds for answered, refused and failed calls, the
// bound (oldest dropped, counted), the filters and their errors, session scoping, clearing, and
// entries for connections that closed without a response.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createKravmock, type Kravmock, type KravmockOptions } from '../../server/app.js';
import { factsOf } from '../../server/http/request-context.js';
import type { JournalEntry, JournalPage } from '../../server/journal/journal.js';
import { redactAuthorization } from '../../server/journal/record.js';
import type { PartyIndex } from '../../server/runtime/party-index.js';
import { KEYS, bearer, systemUserToken } from '../access/helpers.js';
import { get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const AAPNEKRAV = '/v1/regnskapssystem/313367002/aapnekrav';

function mock(options: Partial<KravmockOptions> = {}): Kravmock {
  return createKravmock({ parties: builtinParties(CLOCK), clock: CLOCK, ...options, access: { keys: KEYS, ...options.access } });
}

async function journal(km: Kravmock, query = '', headers: Record<string, string> = {}): Promise<JournalPage> {
  const res = await get(km.app, `/__admin/journal${query}`, headers);
  expect(res.status).toBe(200);
  return res.body as unknown as JournalPage;
}

async function badFilter(km: Kravmock, query: string, message: string, method: 'get' | 'delete' = 'get'): Promise<void> {
  const res = await request(km.app, method, `/__admin/journal${query}`);
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ error: 'invalid-filter', message });
}

/** Resolves when the journal holds `n` entries (a closed connection is recorded on the close event). */
async function until(km: Kravmock, n: number): Promise<void> {
  for (let i = 0; i < 200 && km.runtime.journal.size < n; i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(km.runtime.journal.size).toBe(n);
}

describe('a journal entry', () => {
  it('records an answered call with the request, the party, the access decision and the timing, and no body', async () => {
    const km = mock();
    const token = await systemUserToken('313367002');
    const before = Date.now();
    const res = await get(km.app, AAPNEKRAV, { ...bearer(token), Korrelasjonsid: 'regnskap-1', 'User-Agent': 'regnskap/4.2', Accept: 'application/json' });
    expect(res.status).toBe(200);
    const { entries } = await journal(km);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toEqual({
      id: 1,
      time: expect.any(String) as string,
      method: 'GET',
      path: AAPNEKRAV,
      query: {},
      headers: {
        accept: 'application/json',
        'user-agent': 'regnskap/4.2',
        korrelasjonsid: 'regnskap-1',
        authorization: `Bearer …${token.slice(-6)}`,
        altinnsamtykke: 'absent',
      },
      endpoint: 'aapnekrav',
      rettighetspakke: 'regnskapssystem',
      partIdentifikator: '313367002',
      status: 200,
      outcome: 'answered',
      korrelasjonsid: 'regnskap-1',
      durationMs: expect.any(Number) as number,
      access: { mode: 'permissive', outcome: 'granted', consumer: '313367002' },
    });
    expect(Date.parse(entry.time)).toBeGreaterThanOrEqual(before - 1);
    expect(entry.durationMs).toBeGreaterThan(0);
    expect(Math.round(entry.durationMs * 10)).toBe(entry.durationMs * 10);
  });

  it('keeps the Prefer header as sent (the fault module notes what it chose in `fault`)', async () => {
    const km = mock();
    await get(km.app, AAPNEKRAV, { Prefer: 'code=200' });
    expect((await journal(km)).entries[0]!.headers).toEqual({ prefer: 'code=200', altinnsamtykke: 'absent' });
  });

  it('records a 404 KB-009 with its code and message, and a call without a token as such', async () => {
    const km = mock();
    await get(km.app, '/v1/finans/974761076/krav?fraOgMed=2026-01-01', { AltinnSamtykke: 'eyJ.consent.token' });
    const [entry] = (await journal(km)).entries;
    expect(entry).toMatchObject({
      path: '/v1/finans/974761076/krav',
      query: { fraOgMed: '2026-01-01' },
      endpoint: 'krav',
      rettighetspakke: 'finans',
      partIdentifikator: '974761076',
      status: 404,
      kode: 'KB-009',
      melding: 'Ingen treff på partIdentifikator 974761076.',
      access: { mode: 'permissive', outcome: 'without-token', reason: 'Ingen Authorization-header: tillatt fordi tilgangsmodus er permissive; strict avviser med 401 KB-004' },
    });
    expect(entry!.headers).toEqual({ altinnsamtykke: 'present' });
    expect(JSON.stringify(entry)).not.toContain('consent.token');
  });

  it('records a refused 401 with the refusal as the access decision, and never the token', async () => {
    const km = mock({ access: { mode: 'strict' } });
    const expired = await systemUserToken('313367002', '313367002', { exp: Math.floor(Date.now() / 1000) - 10 });
    const res = await get(km.app, AAPNEKRAV, bearer(expired));
    expect(res.status).toBe(401);
    const page = await get(km.app, '/__admin/journal');
    const [entry] = (page.body as unknown as JournalPage).entries;
    expect(entry).toMatchObject({ status: 401, kode: 'KB-004', melding: res.body.melding });
    expect(entry!.access).toEqual({ mode: 'strict', outcome: 'refused', reason: res.body.melding });
    expect(entry!.headers.authorization).toBe(`Bearer …${expired.slice(-6)}`);
    expect(page.text).not.toContain(expired.slice(0, 40));
  });

  it('names the consumer of a refusal that came after authentication (403 KB-005)', async () => {
    const km = mock({ access: { mode: 'strict' } });
    const res = await get(km.app, '/v1/regnskapssystem/311851381/aapnekrav', bearer(await systemUserToken('313367002')));
    expect(res.status).toBe(403);
    const [entry] = (await journal(km)).entries;
    expect(entry!.access).toEqual({ mode: 'strict', outcome: 'refused', consumer: '313367002', reason: res.body.melding });
  });

  it('records access mode off as not checked', async () => {
    const km = mock({ access: { mode: 'off' } });
    await get(km.app, AAPNEKRAV);
    expect((await journal(km)).entries[0]!.access).toEqual({ mode: 'off', outcome: 'not-checked' });
  });

  it('records a 400 KB-006 with the message that names the rule', async () => {
    const km = mock();
    const res = await get(km.app, '/v1/finans/313367002/krav?fraOgMed=2026-13-01');
    const [entry] = (await journal(km)).entries;
    expect(entry).toMatchObject({ status: 400, kode: 'KB-006', melding: res.body.melding, endpoint: 'krav', query: { fraOgMed: '2026-13-01' } });
    expect(entry!.melding).toContain('(regel: format date; peker: /query/fraOgMed)');
  });

  it('records unknown URLs and requests the session check refused, but not the admin API', async () => {
    const km = mock();
    await get(km.app, '/v2/finans/313367002/aapnekrav');
    const refused = await get(km.app, AAPNEKRAV, { 'X-Kravmock-Session': 'no spaces allowed' });
    expect(refused.status).toBe(400);
    await get(km.app, '/__admin/scenarios');
    const { entries } = await journal(km);
    expect(entries.map((e) => [e.path, e.status, e.kode])).toEqual([
      [AAPNEKRAV, 400, 'KB-006'],
      ['/v2/finans/313367002/aapnekrav', 404, 'KB-003'],
    ]);
    expect(entries[0]!.headers['x-kravmock-session']).toBe('no spaces allowed');
    expect(entries[0]!.session).toBeUndefined();
    expect(entries[1]!.endpoint).toBeUndefined();
  });

  it('records calls to the mock Maskinporten (outside both contracts, so sent with supertest)', async () => {
    const km = mock();
    const res = await supertest(km.app).post('/maskinporten/token').type('form').send({ grant_type: 'password' });
    expect(res.status).toBe(400);
    const [entry] = (await journal(km)).entries;
    expect(entry).toMatchObject({ method: 'POST', path: '/maskinporten/token', status: 400, outcome: 'answered' });
    expect(entry!.kode).toBeUndefined();
  });

  it('keeps entries small: long paths, values and messages are cut', async () => {
    const km = mock();
    const long = `/${'x'.repeat(3000)}`;
    const res = await get(km.app, `${long}?q=${'y'.repeat(1000)}`, { 'User-Agent': 'z'.repeat(1000) });
    expect(res.body.melding!.toString().length).toBeGreaterThan(3000);
    const [entry] = (await journal(km)).entries;
    expect(entry!.path).toBe(`${long.slice(0, 500)}…`);
    expect(entry!.melding).toBe(`${String(res.body.melding).slice(0, 2000)}…`);
    expect(entry!.query.q).toHaveLength(201);
    expect(entry!.headers['user-agent']).toHaveLength(201);
    expect(JSON.stringify(entry).length).toBeLessThan(3500);
  });
});

describe('a refused format', () => {
  it('a 406 KB-008 entry still names the endpoint and the party', async () => {
    const km = mock();
    const res = await get(km.app, AAPNEKRAV, { Accept: 'text/csv' });
    expect(res.status).toBe(406);
    const [entry] = (await journal(km)).entries;
    expect([entry!.status, entry!.kode, entry!.endpoint, entry!.partIdentifikator, entry!.rettighetspakke]).toEqual([406, 'KB-008', 'aapnekrav', '313367002', undefined]);
  });
});

describe('Authorization in the journal', () => {
  it.each([
    ['Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', 'Bearer …F0dXJl'],
    ['bearer   abcdefghijklmnopqrstuvwxyz', 'bearer …uvwxyz'],
    ['Basic dXNlcjpwYXNz', 'Basic …'],
    ['Bearer', 'Bearer …'],
    ['eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', '…F0dXJl'],
    ['short', '…'],
    ['', '…'],
  ])('%j is kept as %j', (header, kept) => {
    expect(redactAuthorization(header)).toBe(kept);
  });
});

describe('the bound', () => {
  it('keeps the newest entries and counts the dropped ones', async () => {
    const km = mock({ journal: { size: 5 } });
    for (let i = 1; i <= 12; i += 1) await get(km.app, `/call-${i}`);
    const page = await journal(km);
    expect({ capacity: page.capacity, size: page.size, dropped: page.dropped }).toEqual({ capacity: 5, size: 5, dropped: 7 });
    expect(page.entries.map((e) => [e.id, e.path])).toEqual([12, 11, 10, 9, 8].map((i) => [i, `/call-${i}`]));
  });

  it('records nothing with size 0', async () => {
    const km = mock({ journal: { size: 0 } });
    await get(km.app, AAPNEKRAV);
    expect(await journal(km)).toEqual({ capacity: 0, size: 0, dropped: 0, entries: [] });
  });

  it('refuses a size it cannot keep', () => {
    expect(() => mock({ journal: { size: -1 } })).toThrow('journal size must be a whole number from 0 (off) to 100000, got -1');
    expect(() => mock({ journal: { size: 1.5 } })).toThrow('journal size must be a whole number from 0 (off) to 100000, got 1.5');
  });
});

describe('filters', () => {
  const km = mock();
  const ready = (async () => {
    await get(km.app, AAPNEKRAV); // 1: 200
    await get(km.app, '/v1/finans/311851381/krav?fraOgMed=2026-01-01'); // 2: 200
    await get(km.app, '/v1/finans/974761076/aapnekrav'); // 3: 404 KB-009
    await get(km.app, '/v1/regnskapssystem/313367002/krav?fraOgMed=nope'); // 4: 400
    await get(km.app, '/v1/regnskapssystem/313367002/utbetalinger?fraOgMed=2020-01-01&tilOgMed=2020-12-31'); // 5: 404 KB-007
  })();
  const ids = async (query: string) => {
    await ready;
    return (await journal(km, query)).entries.map((e) => e.id);
  };

  it('party', async () => {
    expect(await ids('?party=313367002')).toEqual([5, 4, 1]);
  });

  it('endpoint', async () => {
    expect(await ids('?endpoint=krav')).toEqual([4, 2]);
  });

  it('status, exact or as a class', async () => {
    expect(await ids('?status=404')).toEqual([5, 3]);
    expect(await ids('?status=4xx')).toEqual([5, 4, 3]);
    expect(await ids('?status=2XX')).toEqual([2, 1]);
  });

  it('since an entry id (newer only) or a time', async () => {
    expect(await ids('?since=3')).toEqual([5, 4]);
    expect(await ids('?since=2000-01-01')).toEqual([5, 4, 3, 2, 1]);
    expect(await ids('?since=2999-01-01T00:00:00Z')).toEqual([]);
    const all = (await journal(km)).entries;
    expect(await ids(`?since=${encodeURIComponent(all[1]!.time)}`)).toEqual(all.filter((e) => e.time >= all[1]!.time).map((e) => e.id));
  });

  it('limit, and filters combined', async () => {
    expect(await ids('?limit=2')).toEqual([5, 4]);
    expect(await ids('?party=313367002&status=4xx&limit=1')).toEqual([5]);
    expect(await ids('?party=313367002&endpoint=aapnekrav&status=200&since=0')).toEqual([1]);
  });

  it('counts the scope, not the matches, in size', async () => {
    await ready;
    const page = await journal(km, '?status=400');
    expect({ size: page.size, matched: page.entries.length }).toEqual({ size: 5, matched: 1 });
  });

  it('a time some seconds ago finds the calls made since', async () => {
    const fresh = mock();
    await get(fresh.app, '/before');
    await new Promise((r) => setTimeout(r, 20));
    const t = new Date(Date.now() - 5).toISOString();
    await get(fresh.app, '/after');
    expect((await journal(fresh, `?since=${t}`)).entries.map((e) => e.path)).toEqual(['/after']);
  });

  it.each([
    ['?party=31336700', "party must be a partIdentifikator of 9 or 11 digits, got '31336700'"],
    ['?party=', "party must be a partIdentifikator of 9 or 11 digits, got ''"],
    ['?endpoint=oversikt', "endpoint must be one of aapnekrav, krav, innbetalinger, utbetalinger, got 'oversikt'"],
    ['?status=4x', "status must be a status code from 100 to 599 (e.g. 404) or a class 1xx to 5xx (e.g. 4xx), got '4x'"],
    ['?status=600', "status must be a status code from 100 to 599 (e.g. 404) or a class 1xx to 5xx (e.g. 4xx), got '600'"],
    ['?status=4x4', "status must be a status code from 100 to 599 (e.g. 404) or a class 1xx to 5xx (e.g. 4xx), got '4x4'"],
    ['?since=yesterday', "since must be an entry id (a whole number) or an ISO 8601 time with a zone, e.g. 2026-11-26T10:15:00Z (or a date, 2026-11-26), got 'yesterday'"],
    ['?since=2026-02-30T10:00:00Z', "since must be an entry id (a whole number) or an ISO 8601 time with a zone, e.g. 2026-11-26T10:15:00Z (or a date, 2026-11-26), got '2026-02-30T10:00:00Z'"],
    ['?since=2026-11-26T10:00:00', "since must be an entry id (a whole number) or an ISO 8601 time with a zone, e.g. 2026-11-26T10:15:00Z (or a date, 2026-11-26), got '2026-11-26T10:00:00'"],
    ['?limit=0', "limit must be a whole number from 1 to 1000 (the journal's capacity), got '0'"],
    ['?limit=1001', "limit must be a whole number from 1 to 1000 (the journal's capacity), got '1001'"],
    ['?limit=ten', "limit must be a whole number from 1 to 1000 (the journal's capacity), got 'ten'"],
    ['?session=ci-1', "session must be 'all' (the entries of every scope), got 'ci-1'; for one session's entries send the X-Kravmock-Session header"],
    ['?parti=313367002', "unknown parameter 'parti': expected party, endpoint, status, since, limit or session"],
    ['?party=313367002&party=311851381', 'party is given more than once: expected one value'],
  ])('%s is refused with 400', async (query, message) => {
    await ready;
    await badFilter(km, query, message);
  });

  it('limit is bounded by the capacity', async () => {
    const small = mock({ journal: { size: 5 } });
    await badFilter(small, '?limit=6', "limit must be a whole number from 1 to 5 (the journal's capacity), got '6'");
    expect((await journal(small, '?limit=5')).entries).toEqual([]);
  });
});

describe('scopes', () => {
  async function threeScopes(): Promise<Kravmock> {
    const km = mock();
    await get(km.app, AAPNEKRAV, { 'X-Kravmock-Session': 'ci-1' });
    await get(km.app, AAPNEKRAV);
    await get(km.app, '/v1/regnskapssystem/311851381/aapnekrav', { 'X-Kravmock-Session': 'ci-2' });
    await get(km.app, '/unknown', { 'X-Kravmock-Session': 'ci-1' });
    return km;
  }

  it('a session sees only its own entries, the shared scope only its own, session=all every entry', async () => {
    const km = await threeScopes();
    const ci1 = await journal(km, '', { 'X-Kravmock-Session': 'ci-1' });
    expect(ci1.entries.map((e) => [e.id, e.session, e.path])).toEqual([
      [4, 'ci-1', '/unknown'],
      [1, 'ci-1', AAPNEKRAV],
    ]);
    expect(ci1.size).toBe(2);
    expect((await journal(km, '', { 'X-Kravmock-Session': 'ci-2' })).entries.map((e) => e.id)).toEqual([3]);
    const shared = await journal(km);
    expect(shared.entries.map((e) => [e.id, e.session])).toEqual([[2, undefined]]);
    const all = await journal(km, '?session=all');
    expect(all.entries.map((e) => e.id)).toEqual([4, 3, 2, 1]);
    expect(all.size).toBe(4);
    expect((await journal(km, '', { 'X-Kravmock-Session': 'ci-3' })).entries).toEqual([]);
  });

  it('filters work inside a scope', async () => {
    const km = await threeScopes();
    expect((await journal(km, '?party=313367002', { 'X-Kravmock-Session': 'ci-1' })).entries.map((e) => e.id)).toEqual([1]);
    expect((await journal(km, '?session=all&party=313367002')).entries.map((e) => e.id)).toEqual([2, 1]);
  });

  it('DELETE clears only the scope asked for', async () => {
    const km = await threeScopes();
    expect((await request(km.app, 'delete', '/__admin/journal', { headers: { 'X-Kravmock-Session': 'ci-1' } })).status).toBe(204);
    expect((await journal(km, '?session=all')).entries.map((e) => e.id)).toEqual([3, 2]);
    expect((await request(km.app, 'delete', '/__admin/journal')).status).toBe(204);
    expect((await journal(km, '?session=all')).entries.map((e) => e.id)).toEqual([3]);
  });

  it('DELETE ?session=all empties the journal and resets dropped; ids go on increasing', async () => {
    const km = mock({ journal: { size: 2 } });
    for (const path of ['/a', '/b', '/c']) await get(km.app, path);
    expect((await journal(km)).dropped).toBe(1);
    expect((await request(km.app, 'delete', '/__admin/journal?session=all')).status).toBe(204);
    expect(await journal(km)).toEqual({ capacity: 2, size: 0, dropped: 0, entries: [] });
    await get(km.app, '/d');
    expect((await journal(km)).entries.map((e) => e.id)).toEqual([4]);
  });

  it('a refused DELETE changes nothing', async () => {
    const km = await threeScopes();
    await badFilter(km, '?session=ci-1', "session must be 'all' (the entries of every scope), got 'ci-1'; for one session's entries send the X-Kravmock-Session header", 'delete');
    await badFilter(km, '?status=4xx', "unknown parameter 'status': expected session", 'delete');
    expect((await journal(km, '?session=all')).entries).toHaveLength(4);
  });
});

describe('connections that close without a response', () => {
  it('records a call the client gave up on as connection-closed with no status, once', async () => {
    const km = mock();
    const shared = km.runtime.sessions.shared;
    const real = shared.world.parties;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The API awaits its party lookup, so a lookup that answers later holds the call in flight.
    shared.world = { ...shared.world, parties: { get: async (id: string) => (await gate, real.get(id)) } as unknown as PartyIndex };
    await expect(supertest(km.app).get(AAPNEKRAV).timeout(150)).rejects.toThrow(/Timeout/);
    await until(km, 1);
    release();
    await new Promise((r) => setTimeout(r, 50));
    shared.world = { ...shared.world, parties: real };
    const { entries } = await journal(km);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ path: AAPNEKRAV, endpoint: 'aapnekrav', status: null, outcome: 'connection-closed' });
    expect(entries[0]!.durationMs).toBeGreaterThanOrEqual(100);
  });

  it('records a connection the server reset, with the fault that did it', async () => {
    const km = mock();
    km.runtime.pipeline.deliver = (_req, res) => {
      factsOf(res).fault = 'test: reset';
      res.socket?.destroy();
    };
    const server = km.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: AAPNEKRAV }, () => reject(new Error('got a response')));
        req.on('error', resolve);
        req.end();
      });
      expect(['ECONNRESET', 'EPIPE']).toContain(error.code);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await until(km, 1);
    delete km.runtime.pipeline.deliver;
    const [entry] = (await journal(km)).entries as JournalEntry[];
    expect(entry).toMatchObject({ path: AAPNEKRAV, status: null, outcome: 'connection-closed', fault: 'test: reset' });
  });
});
