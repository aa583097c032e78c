// GET /health and GET /ready: answers checked against contracts/admin-openapi.yaml, readiness counts
// from the shared state, 503 while draining, and neither needs the admin token, makes a session or
// lands in the journal.
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createKravmock, type KravmockOptions } from '../../server/app.js';
import { get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const OPEN = '/v1/regnskapssystem/313367002/aapnekrav';

function mock(options: Partial<KravmockOptions> = {}) {
  return createKravmock({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, ...options });
}

const SCENARIO = `name: health-extra
description: One party more, to see /ready count it.
parties:
  - partIdentifikator: "312438623"
    navn: OVERFØLSOM GLAD TIGER AS
    events: []
`;

describe('GET /health', () => {
  it('answers 200 {"status":"ok"}, not cached', async () => {
    const res = await get(mock().app, '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('still answers 200 while draining: the process is alive', async () => {
    const { app, runtime } = mock();
    runtime.lifecycle.beginDrain();
    const res = await get(app, '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('GET /ready', () => {
  it('counts the scenarios and parties of the shared state', async () => {
    const { app } = mock();
    const builtin = builtinScenario(CLOCK);
    const res = await get(app, '/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', scenarios: 1, parties: builtin.parties.length });
  });

  it('follows scenarios loaded through the admin API', async () => {
    const { app } = mock();
    const before = (await get(app, '/ready')).body as { scenarios: number; parties: number };
    const loaded = await request(app, 'post', '/__admin/scenarios', { body: SCENARIO, contentType: 'application/yaml' });
    expect(loaded.status).toBe(201);
    expect((await get(app, '/ready')).body).toEqual({ status: 'ready', scenarios: before.scenarios + 1, parties: before.parties + 1 });
  });

  // That responses carry `Connection: close` while draining is seen on keep-alive connections in
  // test/cli/shutdown.test.ts (supertest closes every connection itself).
  it('answers 503 {"status":"draining"} once draining has begun, while the API still answers', async () => {
    const { app, runtime } = mock();
    expect((await get(app, '/ready')).status).toBe(200);
    runtime.lifecycle.beginDrain();
    const res = await get(app, '/ready');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'draining' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await get(app, OPEN)).status).toBe(200);
  });
});

describe('health endpoints and the admin API', () => {
  it('need no admin token when the admin API has one', async () => {
    const { app } = mock({ admin: { token: 'hemmelig-admin-token' } });
    expect((await get(app, '/__admin/scenarios')).status).toBe(401);
    expect((await get(app, '/health')).status).toBe(200);
    expect((await get(app, '/ready')).status).toBe(200);
  });

  it('answer with --no-admin too', async () => {
    const { app } = mock({ admin: { enabled: false } });
    expect((await get(app, '/__admin/scenarios')).status).toBe(404);
    expect((await get(app, '/health')).status).toBe(200);
    expect((await get(app, '/ready')).body).toMatchObject({ status: 'ready' });
  });

  it('are not journaled and make no session, while an API call is and does', async () => {
    const { app, runtime } = mock();
    const session = { 'X-Kravmock-Session': 'probe-1' };
    await get(app, '/health', session);
    await get(app, '/ready', session);
    expect(runtime.journal.size).toBe(0);
    expect((await get(app, '/__admin/sessions')).body).toMatchObject({ sessions: [] });
    await get(app, OPEN, session);
    expect(runtime.journal.size).toBe(1);
    expect((await get(app, '/__admin/sessions')).body).toMatchObject({ sessions: [{ id: 'probe-1' }] });
  });

  it('answer other methods as any unknown URL (404 KB-003)', async () => {
    const res = await request(mock().app, 'post', '/health');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ kode: 'KB-003' });
  });
});
