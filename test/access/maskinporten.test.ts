// The mock Maskinporten: the JWT-bearer grant with its real success and error shapes, the JWKS and
// the well-known metadata; and its tokens used on the API.
import { createPublicKey, randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { get } from '../helpers/contract-response.js';
import { ISSUER, KEYS, MP_KID, SCOPE, app, bearer, iso, now, org, postToken, sign } from './helpers.js';

const CLIENT = 'b3b3a1c2-0f4e-4c3e-9d55-7d1f5c2a9e01';
const VENDOR = '974761076';
const clientJwk = createPublicKey(KEYS.client).export({ format: 'jwk' });
const strict = app({ clients: [{ clientId: CLIENT, orgnr: VENDOR, publicKey: clientJwk }] });
const permissive = app({ mode: 'permissive' });
const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

function assertionClaims(extra: Record<string, unknown> = {}) {
  const t = now();
  return { iss: CLIENT, aud: ISSUER, scope: SCOPE, iat: t, exp: t + 60, jti: randomUUID(), ...extra };
}
const assertion = (extra: Record<string, unknown> = {}, key = KEYS.client, header: Record<string, unknown> = {}) => sign(assertionClaims(extra), key, header);

function oauthError(res: supertest.Response, status: number, error: string, description: string) {
  expect({ status: res.status, body: res.body as unknown }).toEqual({ status, body: { error, error_description: description } });
}

describe('POST /maskinporten/token: success', () => {
  it('answers Maskinporten\'s shape, and the access token carries every claim', async () => {
    const before = now();
    const res = await postToken(strict, { grant_type: GRANT, assertion: await assertion() });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.body as object).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 119, scope: SCOPE });
    const jwks = (await supertest(strict).get('/maskinporten/jwk')).body as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify((res.body as { access_token: string }).access_token, createLocalJWKSet(jwks), { issuer: ISSUER, algorithms: ['RS256'] });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: MP_KID, typ: 'JWT' });
    expect(Object.keys(payload).sort()).toEqual(['aud', 'client_amr', 'client_id', 'consumer', 'exp', 'iat', 'iss', 'jti', 'scope', 'token_type']);
    expect(payload).toMatchObject({ aud: 'unspecified', scope: SCOPE, iss: ISSUER, client_amr: 'private_key_jwt', token_type: 'Bearer', client_id: CLIENT, consumer: org(VENDOR) });
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.exp).toBe(payload.iat! + 119);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a system user: authorization_details urn:altinn:systemuser, and the token reads that organisation', async () => {
    const details = [{ type: 'urn:altinn:systemuser', systemuser_org: org('313367002') }];
    const res = await postToken(strict, { grant_type: GRANT, assertion: await assertion({ authorization_details: details }) });
    expect(res.status).toBe(200);
    const token = (res.body as { access_token: string }).access_token;
    const { payload } = await jwtVerify(token, createPublicKey(KEYS.maskinporten), { issuer: ISSUER });
    const [su] = payload.authorization_details as Record<string, unknown>[];
    expect(su).toEqual({ type: 'urn:altinn:systemuser', systemuser_org: org('313367002'), systemuser_id: [expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)], system_id: `${VENDOR}_${CLIENT}` });
    // deterministic: the same client and organisation get the same system user
    const again = await postToken(strict, { grant_type: GRANT, assertion: await assertion({ authorization_details: details }) });
    const { payload: p2 } = await jwtVerify((again.body as { access_token: string }).access_token, createPublicKey(KEYS.maskinporten));
    expect((p2.authorization_details as Record<string, unknown>[])[0]!.systemuser_id).toEqual(su!.systemuser_id);
    expect((await get(strict, '/v1/regnskapssystem/313367002/aapnekrav', bearer(token))).status).toBe(200);
    expect((await get(strict, '/v1/regnskapssystem/311851381/aapnekrav', bearer(token))).status).toBe(403);
  });

  it('delegation: consumer_org makes the customer the consumer and the client the supplier', async () => {
    const res = await postToken(strict, { grant_type: GRANT, assertion: await assertion({ consumer_org: '313367002' }) });
    const { payload } = await jwtVerify((res.body as { access_token: string }).access_token, createPublicKey(KEYS.maskinporten));
    expect(payload).toMatchObject({ consumer: org('313367002'), supplier: org(VENDOR) });
  });

  it('accepts a client registered with a PEM public key, and aud without the trailing slash', async () => {
    const pem = createPublicKey(KEYS.client).export({ format: 'pem', type: 'spki' }).toString();
    const target = app({ clients: [{ clientId: 'pem-client', orgnr: VENDOR, publicKey: pem }] });
    const res = await postToken(target, { grant_type: GRANT, assertion: await assertion({ iss: 'pem-client', aud: 'https://test.maskinporten.no' }) });
    expect(res.status).toBe(200);
  });

  it('POST /__admin/clients registers a client at run time', async () => {
    const target = app();
    const reg = await supertest(target).post('/__admin/clients').send({ clientId: 'late', orgnr: VENDOR, publicKey: clientJwk });
    expect([reg.status, reg.body]).toEqual([201, { clientId: 'late', orgnr: VENDOR, scopes: [SCOPE], systemId: `${VENDOR}_late` }]);
    expect((await postToken(target, { grant_type: GRANT, assertion: await assertion({ iss: 'late' }) })).status).toBe(200);
    const bad = await supertest(target).post('/__admin/clients').send({ clientId: 'x', orgnr: '123', publicKey: clientJwk });
    expect([bad.status, bad.body]).toEqual([400, { error: 'invalid_request', error_description: "orgnr must be 9 digits, got '123'" }]);
  });
});

describe('POST /maskinporten/token: errors', () => {
  it('an unknown client in strict mode → 401 invalid_client', async () => {
    oauthError(
      await postToken(strict, { grant_type: GRANT, assertion: await assertion({ iss: 'stranger' }, KEYS.stranger) }),
      401,
      'invalid_client',
      "Unknown client 'stranger': register it with createApp({ access: { clients } }) or POST /__admin/clients.",
    );
  });

  it('an unknown client in permissive mode is accepted, verified against its jwk header, and noted', async () => {
    const jwk = createPublicKey(KEYS.stranger).export({ format: 'jwk' });
    const res = await postToken(permissive, { grant_type: GRANT, assertion: await assertion({ iss: 'stranger', consumer_org: '313367002' }, KEYS.stranger, { jwk }) });
    expect(res.status).toBe(200);
    expect(res.headers.warning).toBe("199 kravmock \"unknown client 'stranger' accepted because access mode is permissive; assertion verified against its jwk header\"");
    const { payload } = await jwtVerify((res.body as { access_token: string }).access_token, createPublicKey(KEYS.maskinporten));
    expect(payload.consumer).toEqual(org('313367002'));
  });

  it('an unknown client in permissive mode whose assertion does not match its own jwk header', async () => {
    const jwk = createPublicKey(KEYS.client).export({ format: 'jwk' });
    oauthError(
      await postToken(permissive, { grant_type: GRANT, assertion: await assertion({ iss: 'stranger', consumer_org: '313367002' }, KEYS.stranger, { jwk }) }),
      400,
      'invalid_grant',
      'Invalid assertion: the signature does not verify with the key in its own jwk header.',
    );
  });

  it('an assertion signed with another key than the registered one', async () => {
    oauthError(
      await postToken(strict, { grant_type: GRANT, assertion: await assertion({}, KEYS.stranger) }),
      400,
      'invalid_grant',
      `Invalid assertion: the signature does not verify with the key registered for client '${CLIENT}'.`,
    );
  });

  it('an assertion living longer than 120 s', async () => {
    const t = now();
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: await assertion({ iat: t, exp: t + 121 }) }), 400, 'invalid_grant', 'Invalid assertion: lifetime exp - iat is 121 s; at most 120 s is allowed.');
  });

  it('an expired assertion', async () => {
    const exp = now() - 1;
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: await assertion({ iat: exp - 60, exp }) }), 400, 'invalid_grant', `Invalid assertion: expired at ${iso(exp)}.`);
  });

  it('an assertion for another audience', async () => {
    oauthError(
      await postToken(strict, { grant_type: GRANT, assertion: await assertion({ aud: 'https://maskinporten.no/' }) }),
      400,
      'invalid_grant',
      "Invalid assertion: aud must be the Maskinporten issuer 'https://test.maskinporten.no/', got 'https://maskinporten.no/'.",
    );
  });

  it('a replayed assertion (same jti)', async () => {
    const jti = randomUUID();
    const first = await assertion({ jti });
    expect((await postToken(strict, { grant_type: GRANT, assertion: first })).status).toBe(200);
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: first }), 400, 'invalid_grant', `Invalid assertion: jti '${jti}' has already been used.`);
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: await assertion({ jti }) }), 400, 'invalid_grant', `Invalid assertion: jti '${jti}' has already been used.`);
  });

  it('an assertion without jti', async () => {
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: await assertion({ jti: undefined }) }), 400, 'invalid_grant', "Invalid assertion: missing claim 'jti'.");
  });

  it('a wrong grant_type', async () => {
    oauthError(
      await postToken(strict, { grant_type: 'client_credentials', assertion: await assertion() }),
      400,
      'unsupported_grant_type',
      `Unsupported grant_type 'client_credentials': expected ${GRANT}.`,
    );
  });

  it('no grant_type', async () => {
    oauthError(await postToken(strict, { assertion: await assertion() }), 400, 'invalid_request', `Missing grant_type: expected ${GRANT}.`);
  });

  it('an unknown scope', async () => {
    oauthError(
      await postToken(strict, { grant_type: GRANT, assertion: await assertion({ scope: `${SCOPE} skatteetaten:skatteoppgjoer` }) }),
      400,
      'invalid_scope',
      `Scope 'skatteetaten:skatteoppgjoer' is not allowed for client '${CLIENT}': allowed ${SCOPE}.`,
    );
  });

  it('no scope', async () => {
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: await assertion({ scope: undefined }) }), 400, 'invalid_scope', `Invalid assertion: missing scope (expected ${SCOPE}).`);
  });

  it('a missing assertion', async () => {
    oauthError(await postToken(strict, { grant_type: GRANT }), 400, 'invalid_request', 'Missing assertion: post the signed client assertion (a JWT) as the form parameter assertion.');
  });

  it('an assertion that is not a JWT', async () => {
    oauthError(await postToken(strict, { grant_type: GRANT, assertion: 'hello' }), 400, 'invalid_grant', 'Invalid assertion: not a JWT (expected three base64url parts separated by dots).');
  });

  it('an unsupported authorization_details type', async () => {
    oauthError(
      await postToken(strict, { grant_type: GRANT, assertion: await assertion({ authorization_details: [{ type: 'urn:altinn:consent', id: randomUUID() }] }) }),
      400,
      'invalid_request',
      "Unsupported authorization_details type 'urn:altinn:consent': kravmock's Maskinporten issues urn:altinn:systemuser.",
    );
  });
});

describe('published keys and metadata', () => {
  it('GET /maskinporten/jwk is a JWKS with the signing key', async () => {
    const res = await supertest(strict).get('/maskinporten/jwk');
    expect(res.status).toBe(200);
    const { keys } = res.body as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(keys[0]).toMatchObject({ kty: 'RSA', kid: MP_KID, use: 'sig', alg: 'RS256', e: 'AQAB' });
  });

  it('GET /altinn/jwk publishes the consent key', async () => {
    const { keys } = (await supertest(strict).get('/altinn/jwk')).body as { keys: Record<string, string>[] };
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' });
  });

  it('GET /maskinporten/.well-known/oauth-authorization-server', async () => {
    const res = await supertest(strict).get('/maskinporten/.well-known/oauth-authorization-server').set('Host', 'localhost:8080');
    expect(res.body).toEqual({
      issuer: ISSUER,
      token_endpoint: 'http://localhost:8080/maskinporten/token',
      jwks_uri: 'http://localhost:8080/maskinporten/jwk',
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      grant_types_supported: [GRANT],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      authorization_details_types_supported: ['urn:altinn:systemuser'],
    });
  });

  it('a fresh app makes its own keys, with the thumbprint as kid', async () => {
    const res = await supertest(app({ keys: undefined })).post('/__admin/tokens').send({ org: '313367002', pakke: 'regnskapssystem' });
    const { kid } = decodeProtectedHeader((res.body as { access_token: string }).access_token);
    expect(kid).not.toBe(MP_KID);
    expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('POST /__admin/tokens (dev tokens)', () => {
  it('regnskapssystem: a system user for org, which reads org in strict mode', async () => {
    const res = await supertest(strict).post('/__admin/tokens').send({ org: '313367002', pakke: 'regnskapssystem' });
    expect(Object.keys(res.body as object).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect((await get(strict, '/v1/regnskapssystem/313367002/aapnekrav', bearer((res.body as { access_token: string }).access_token))).status).toBe(200);
  });

  it('finans with consent header: an AltinnSamtykke token (5928/202301, 90 days)', async () => {
    const res = await supertest(strict).post('/__admin/tokens').send({ org: VENDOR, pakke: 'finans', party: '313367002' });
    const body = res.body as { access_token: string; altinn_samtykke: string };
    const { payload } = await jwtVerify(body.altinn_samtykke, createPublicKey(KEYS.altinn), { issuer: 'https://platform.tt02.altinn.no/authentication/api/v1/openid/' });
    expect(payload).toMatchObject({ Services: ['5928_202301'], OfferedBy: '313367002', CoveredBy: VENDOR });
    expect((payload.ValidToDate as number) - (payload.DelegatedDate as number)).toBe(90 * 86400);
    expect(payload.exp! - payload.iat!).toBe(60);
    const ok = await get(strict, '/v1/finans/313367002/aapnekrav', { ...bearer(body.access_token), AltinnSamtykke: body.altinn_samtykke });
    expect(ok.status).toBe(200);
  });

  it('finans with consent token: Altinn 3 consent inside the access token', async () => {
    const res = await supertest(strict).post('/__admin/tokens').send({ org: VENDOR, pakke: 'finans', party: '313367002', consent: 'token', validDays: 30 });
    const token = (res.body as { access_token: string }).access_token;
    const { payload } = await jwtVerify(token, createPublicKey(KEYS.maskinporten));
    const [consent] = payload.authorization_details as Record<string, unknown>[];
    expect(consent).toMatchObject({ type: 'urn:altinn:consent', from: 'urn:altinn:organization:identifier-no:313367002', to: org(VENDOR) });
    expect(Date.parse(consent!.validTo as string) - Date.parse(consent!.consented as string)).toBe(30 * 86400 * 1000);
    expect((await get(strict, '/v1/finans/313367002/aapnekrav', bearer(token))).status).toBe(200);
    expect((await get(strict, '/v1/finans/311851381/aapnekrav', bearer(token))).status).toBe(403);
  });

  it('refuses consent over 90 days and names bad fields', async () => {
    const over = await supertest(strict).post('/__admin/tokens').send({ org: VENDOR, pakke: 'finans', validDays: 91 });
    expect([over.status, over.body]).toEqual([400, { error: 'invalid_request', error_description: 'validDays must be a whole number from 1 to 90 (consent for Krav og betalinger lasts at most 90 days), got 91' }]);
    const pakke = await supertest(strict).post('/__admin/tokens').send({ org: VENDOR, pakke: 'bank' });
    expect(pakke.body).toEqual({ error: 'invalid_request', error_description: "pakke must be regnskapssystem or finans, got 'bank'" });
  });
});
