// Minting: Maskinporten access tokens, Altinn 2 consent tokens (AltinnSamtykke) and Altinn 3
// consent details. Claim shapes follow the real ones (FACTS.md §5; Altinn's consent-token and
// system-user documentation).
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SigningKey } from './keys.js';
import {
  CONSENT_RESOURCE,
  CONSENT_TYPE,
  MAX_CONSENT_DAYS,
  ORG_URN,
  SERVICE_CODE,
  SERVICE_EDITION,
  SYSTEMUSER_TYPE,
  orgId,
} from './options.js';

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export interface AccessTokenRequest {
  clientId: string;
  scope: string;
  /** The organisation the token speaks for. */
  consumer: string;
  /** Set when a supplier (vendor) acts for the consumer by delegation. */
  supplier?: string;
  authorizationDetails?: Record<string, unknown>[];
  lifetime: number;
}

export async function mintAccessToken(key: SigningKey, issuer: string, request: AccessTokenRequest): Promise<string> {
  const iat = nowSeconds();
  const claims: Record<string, unknown> = {
    aud: 'unspecified', // no resource asked for: what Skatteetaten expects (FACTS §5.1)
    scope: request.scope,
    iss: issuer,
    client_amr: 'private_key_jwt',
    token_type: 'Bearer',
    exp: iat + request.lifetime,
    iat,
    client_id: request.clientId,
    jti: randomUUID(),
    consumer: orgId(request.consumer),
  };
  if (request.supplier) claims.supplier = orgId(request.supplier);
  if (request.authorizationDetails?.length) claims.authorization_details = request.authorizationDetails;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}

/** A UUID-shaped id derived from the inputs, so the same client and organisation always get the same system user. */
export function derivedUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function systemUserDetails(systemUserOrg: string, clientId: string, systemId: string): Record<string, unknown> {
  return {
    type: SYSTEMUSER_TYPE,
    systemuser_org: orgId(systemUserOrg),
    systemuser_id: [derivedUuid(clientId, systemUserOrg)],
    system_id: systemId,
  };
}

export class ConsentPeriodError extends Error {}

function consentPeriod(validDays: number): { from: number; to: number } {
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_CONSENT_DAYS) {
    throw new ConsentPeriodError(`validDays must be a whole number from 1 to ${MAX_CONSENT_DAYS} (consent for Krav og betalinger lasts at most ${MAX_CONSENT_DAYS} days), got ${validDays}`);
  }
  const from = nowSeconds();
  return { from, to: from + validDays * 86400 };
}

/** Altinn 3 consent inside the access token (Altinn's consent-token example shape). */
export function consentDetails(party: string, consumer: string, validDays: number): Record<string, unknown> {
  const { from, to } = consentPeriod(validDays);
  return {
    type: CONSENT_TYPE,
    id: randomUUID(),
    from: `${ORG_URN}${party}`,
    to: orgId(consumer),
    consented: new Date(from * 1000).toISOString(),
    validTo: new Date(to * 1000).toISOString(),
    consentRights: [{ action: ['read'], resource: [{ type: 'urn:altinn:resource', value: CONSENT_RESOURCE }] }],
  };
}

/**
 * An Altinn 2 consent token for the AltinnSamtykke header, shaped as Altinn's documented example:
 * `Services` as "<code>_<edition>" strings, `OfferedBy` (the party whose data), `CoveredBy` (the
 * consumer), `DelegatedDate` and `ValidToDate` in epoch seconds. The token itself lives 60 s; the
 * consent it proves lasts `validDays` (at most 90).
 */
export async function mintAltinnConsent(key: SigningKey, issuer: string, party: string, consumer: string, validDays: number): Promise<string> {
  const { from, to } = consentPeriod(validDays);
  return new SignJWT({
    Services: [`${SERVICE_CODE}_${SERVICE_EDITION}`],
    AuthorizationCode: randomUUID(),
    OfferedBy: party,
    CoveredBy: consumer,
    DelegatedDate: from,
    ValidToDate: to,
    iss: issuer,
    iat: from,
    nbf: from,
    exp: from + 60,
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}
