// Options of the access capability (createApp({ access })) and their defaults.
import type { KeyObject } from 'node:crypto';

/**
 * off: nothing is checked (not even consent).
 * permissive (default): a request without Authorization is served with a Warning header and a log
 *   note; a token that is present is checked fully, as in strict.
 * strict: as the real API — no token, no data.
 */
export type AccessMode = 'off' | 'permissive' | 'strict';
export const ACCESS_MODES: readonly AccessMode[] = ['off', 'permissive', 'strict'];

export interface RegisteredClient {
  clientId: string;
  /** The client's organisation (the vendor, or the business itself). */
  orgnr: string;
  /** The key that signs its client assertions: a JWK object, an SPKI public-key PEM or an X.509 certificate PEM. */
  publicKey: Record<string, unknown> | string;
  /** Scopes it may ask for (default: skatteetaten:kravogbetalinger). */
  scopes?: string[];
  /** system_id of its system in Altinn's system register (default `<orgnr>_<clientId>`). */
  systemId?: string;
}

export interface AccessOptions {
  mode?: AccessMode;
  /** Maskinporten issuer; tokens with another `iss` are refused (default https://test.maskinporten.no/). */
  issuer?: string;
  /** Issuer of AltinnSamtykke tokens (default https://platform.tt02.altinn.no/authentication/api/v1/openid/). */
  altinnIssuer?: string;
  clients?: RegisteredClient[];
  /** Party → organisations it has delegated access to (rettighetspakke regnskapssystem). */
  delegations?: Record<string, string[]>;
  /** Concurrent calls allowed per organisation (fair use, default 5; 0 = unlimited). */
  fairUseLimit?: number;
  /** Lifetime of minted access tokens in seconds (default 119, as Maskinporten's expires_in). */
  tokenLifetime?: number;
  /** Own private keys (tests sign tokens with them); fresh 2048-bit RSA keys when not given. */
  keys?: { maskinporten?: KeyObject; altinn?: KeyObject };
}

export const DEFAULT_ISSUER = 'https://test.maskinporten.no/';
export const DEFAULT_ALTINN_ISSUER = 'https://platform.tt02.altinn.no/authentication/api/v1/openid/';
export const DEFAULT_FAIR_USE_LIMIT = 5;
export const DEFAULT_TOKEN_LIFETIME = 119;

export const SCOPE = 'skatteetaten:kravogbetalinger';
export const ISO6523 = 'iso6523-actorid-upis';
export const SYSTEMUSER_TYPE = 'urn:altinn:systemuser';
export const CONSENT_TYPE = 'urn:altinn:consent';
export const CONSENT_RESOURCE = 'ske-samtykke-krav-og-betalinger';
export const SERVICE_CODE = '5928';
export const SERVICE_EDITION = '202301';
export const MAX_CONSENT_DAYS = 90;
export const ORG_URN = 'urn:altinn:organization:identifier-no:';
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Maskinporten refuses client assertions that live longer than this. */
export const MAX_ASSERTION_LIFETIME = 120;

export interface OrgId {
  authority: string;
  ID: string;
}

export const orgId = (orgnr: string): OrgId => ({ authority: ISO6523, ID: `0192:${orgnr}` });

/** The organisation number in `{authority, ID: '0192:<orgnr>'}`, or undefined. */
export function orgnrOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>).ID;
  const match = typeof id === 'string' ? /^0192:(\d{9})$/.exec(id) : null;
  return match?.[1];
}
