// Keys and token makers for the access tests: the tests hold the mock's private keys, so every token
// is a real RS256 JWT signed with jose, shaped exactly as the case under test needs.
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { Express } from 'express';
import { SignJWT, type JWTPayload } from 'jose';
import supertest from 'supertest';
import { expect } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import type { AccessOptions } from '../../server/access/index.js';
import { thumbprint } from '../../server/access/keys.js';
import { createApp } from '../../server/app.js';

export const CLOCK = '2026-11-26';
export const ISSUER = 'https://test.maskinporten.no/';
export const ALTINN_ISSUER = 'https://platform.tt02.altinn.no/authentication/api/v1/openid/';
export const SCOPE = 'skatteetaten:kravogbetalinger';

const rsa = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
export const KEYS = { maskinporten: rsa(), altinn: rsa(), client: rsa(), stranger: rsa() };
export const MP_KID = thumbprint(KEYS.maskinporten);
export const ALTINN_KID = thumbprint(KEYS.altinn);

export const now = (): number => Math.floor(Date.now() / 1000);
export const iso = (s: number): string => new Date(s * 1000).toISOString();
export const org = (orgnr: string) => ({ authority: 'iso6523-actorid-upis', ID: `0192:${orgnr}` });

export function app(access: AccessOptions = {}): Express {
  return createApp({ parties: builtinParties(CLOCK), clock: CLOCK, access: { mode: 'strict', keys: KEYS, ...access } });
}

export async function sign(claims: JWTPayload, key: KeyObject = KEYS.maskinporten, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: thumbprint(key), typ: 'JWT', ...header }).sign(key);
}

/** Claims of a Maskinporten access token for `consumer`, overridable per test. */
export function accessClaims(consumer: string, extra: Record<string, unknown> = {}): JWTPayload {
  const t = now();
  return { aud: 'unspecified', scope: SCOPE, iss: ISSUER, client_amr: 'private_key_jwt', token_type: 'Bearer', exp: t + 119, iat: t, client_id: 'test-client', jti: randomUUID(), consumer: org(consumer), ...extra };
}

export const systemUser = (orgnr: string) => ({
  type: 'urn:altinn:systemuser',
  systemuser_org: org(orgnr),
  systemuser_id: ['33a0911a-5459-456f-bc57-3d37ef9a016c'],
  system_id: '974761076_skatt_demo_system',
});

export const systemUserToken = (consumer: string, systemUserOrg = consumer, extra: Record<string, unknown> = {}) =>
  sign(accessClaims(consumer, { authorization_details: [systemUser(systemUserOrg)], ...extra }));

/** An Altinn 2 consent token (AltinnSamtykke) from `offeredBy` to `coveredBy`. */
export function altinnConsent(offeredBy: string, coveredBy: string, extra: Record<string, unknown> = {}, key = KEYS.altinn): Promise<string> {
  const t = now();
  return sign(
    { Services: ['5928_202301'], AuthorizationCode: randomUUID(), OfferedBy: offeredBy, CoveredBy: coveredBy, DelegatedDate: t, ValidToDate: t + 90 * 86400, iss: ALTINN_ISSUER, iat: t, nbf: t, exp: t + 60, ...extra },
    key,
  );
}

/** Altinn 3 consent details for inside an access token. */
export function tokenConsent(from: string, to: string, extra: Record<string, unknown> = {}) {
  const t = now();
  return {
    type: 'urn:altinn:consent',
    id: randomUUID(),
    from: `urn:altinn:organization:identifier-no:${from}`,
    to: org(to),
    consented: iso(t),
    validTo: iso(t + 30 * 86400),
    consentRights: [{ action: ['read'], resource: [{ type: 'urn:altinn:resource', value: 'ske-samtykke-krav-og-betalinger' }] }],
    ...extra,
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export function expectError(res: { status: number; body: Record<string, unknown> }, status: number, kode: string, melding: string): void {
  expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({ status, kode, melding });
  expect(Object.keys(res.body).sort()).toEqual(['kode', 'korrelasjonsid', 'melding']);
}

/** POST to the mock Maskinporten's token endpoint with a form body. */
export function postToken(target: Express, form: Record<string, string>) {
  return supertest(target).post('/maskinporten/token').type('form').send(form);
}
