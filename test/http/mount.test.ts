// Routers are mounted behind the first segment of their paths (server/http/mount.ts). express matches
// paths without regard to case, so the gate must too: every URL answers exactly as it did when every
// router saw every request.
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { firstSegment, forSegments } from '../../server/http/mount.js';
import { request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });

describe('firstSegment', () => {
  it.each([
    ['/', ''],
    ['/v1', 'v1'],
    ['/V1/regnskapssystem/1/aapnekrav', 'v1'],
    ['/__admin/ui/', '__admin'],
    ['/openapi.yaml', 'openapi.yaml'],
    ['//double', ''],
  ])('%s → %j', (path, segment) => {
    expect(firstSegment(path)).toBe(segment);
  });
});

describe('forSegments', () => {
  it('calls the handler for its segments only, and next() for the rest', () => {
    const seen: string[] = [];
    const gate = forSegments(['health', ''], (req, _res, next) => {
      seen.push(req.path);
      next();
    });
    let passed = 0;
    for (const path of ['/health', '/Health/x', '/', '/v1/a', '/healthz']) gate({ path } as never, {} as never, () => (passed += 1));
    expect(seen).toEqual(['/health', '/Health/x', '/']);
    expect(passed).toBe(5);
  });
});

describe('every kind of path still reaches its router', () => {
  it.each([
    ['/health', 200],
    ['/ready', 200],
    ['/openapi.yaml', 200],
    ['/v1/regnskapssystem/313367002/aapnekrav', 200],
    ['/api/innkreving/kravogbetalinger/v1/regnskapssystem/313367002/aapnekrav', 200],
    ['/__admin/scenarios', 200],
    ['/__admin/clock', 200],
    ['/__admin/sessions', 200],
    ['/nowhere', 404],
    ['/v2/regnskapssystem/313367002/aapnekrav', 404],
  ])('GET %s → %i', async (path, status) => {
    const res = await request(app, 'get', path);
    expect(res.status).toBe(status);
    if (status === 404) expect(res.body).toMatchObject({ kode: 'KB-003' });
  });

  // Outside the contracts (express matches without case, so these answer as their lower-case
  // forms do): compared with the contract-validated lower-case answer.
  it.each([
    ['/HEALTH', '/health'],
    ['/OpenAPI.yaml', '/openapi.yaml'],
    ['/Maskinporten/jwk', '/maskinporten/jwk'],
    ['/V1/regnskapssystem/313367002/aapnekrav', '/v1/regnskapssystem/313367002/aapnekrav'],
    ['/API/innkreving/kravogbetalinger/v1/regnskapssystem/313367002/aapnekrav', '/api/innkreving/kravogbetalinger/v1/regnskapssystem/313367002/aapnekrav'],
    ['/__ADMIN/clock', '/__admin/clock'],
  ])('GET %s answers as GET %s', async (upper, lower) => {
    const [a, b] = [await supertest(app).get(upper), await supertest(app).get(lower)];
    expect(a.status).toBe(200);
    expect(a.status).toBe(b.status);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(a.text).toBe(b.text);
  });
});
