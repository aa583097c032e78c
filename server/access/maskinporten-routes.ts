// The mock Maskinporten: the JWT-bearer grant at POST /maskinporten/token, its JWKS and well-known
// metadata, and the Altinn consent key's JWKS. Errors use Maskinporten's shape
// {error, error_description} with 400 (401 for invalid_client).
import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ClientRegistry } from './clients.js';
import { orgnrOfCertificate } from './clients.js';
import { decode, isoOf, signatureValid } from './jwt.js';
import type { SigningKey } from './keys.js';
import { mintAccessToken, nowSeconds, systemUserDetails } from './mint.js';
import { JWT_BEARER, MAX_ASSERTION_LIFETIME, SCOPE, SYSTEMUSER_TYPE, orgnrOf, type AccessMode } from './options.js';

export interface MaskinportenConfig {
  mode: AccessMode;
  issuer: string;
  maskinportenKey: SigningKey;
  altinnKey: SigningKey;
  clients: ClientRegistry;
  tokenLifetime: number;
  logger: Logger;
}

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

export class TokenError extends Error {
  constructor(
    readonly error: OAuthError,
    description: string,
  ) {
    super(description);
  }
}

const sameIssuer = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');

/** Replayed assertions are refused: every jti is remembered until its assertion would have expired anyway. */
class JtiStore {
  private readonly seen = new Map<string, number>();
  has(jti: string): boolean {
    const now = nowSeconds();
    for (const [k, exp] of this.seen) if (exp < now) this.seen.delete(k);
    return this.seen.has(jti);
  }
  add(jti: string, exp: number): void {
    this.seen.set(jti, exp);
  }
}

export function maskinportenRoutes(config: MaskinportenConfig): Router {
  const router = Router();
  const jtis = new JtiStore();

  router.get('/maskinporten/jwk', (_req, res) => {
    res.json({ keys: [config.maskinportenKey.jwk] });
  });
  router.get('/altinn/jwk', (_req, res) => {
    res.json({ keys: [config.altinnKey.jwk] });
  });
  router.get('/maskinporten/.well-known/oauth-authorization-server', (req, res) => {
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}/maskinporten`;
    res.json({
      issuer: config.issuer,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwk`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      grant_types_supported: [JWT_BEARER],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      authorization_details_types_supported: [SYSTEMUSER_TYPE],
    });
  });

  router.post('/maskinporten/token', express.urlencoded({ extended: false }), async (req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    try {
      const body = await grant(config, jtis, req, res);
      res.status(200).json(body);
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      res.status(error.error === 'invalid_client' ? 401 : 400).json({ error: error.error, error_description: error.message });
    }
  });
  return router;
}

async function grant(config: MaskinportenConfig, jtis: JtiStore, req: Request, res: Response) {
  const form = (req.body ?? {}) as Record<string, unknown>;
  const grantType = form.grant_type;
  if (grantType === undefined || grantType === '') throw new TokenError('invalid_request', `Missing grant_type: expected ${JWT_BEARER}.`);
  if (grantType !== JWT_BEARER) throw new TokenError('unsupported_grant_type', `Unsupported grant_type '${String(grantType)}': expected ${JWT_BEARER}.`);
  const assertion = form.assertion;
  if (typeof assertion !== 'string' || assertion === '') {
    throw new TokenError('invalid_request', 'Missing assertion: post the signed client assertion (a JWT) as the form parameter assertion.');
  }
  const jwt = decode(assertion);
  if (!jwt) throw new TokenError('invalid_grant', 'Invalid assertion: not a JWT (expected three base64url parts separated by dots).');
  if (jwt.header.alg !== 'RS256') throw new TokenError('invalid_grant', `Invalid assertion: alg must be RS256, got '${String(jwt.header.alg)}'.`);
  const claims = jwt.payload;
  const clientId = claims.iss;
  if (typeof clientId !== 'string' || !clientId) throw new TokenError('invalid_client', 'Invalid assertion: missing iss (the client_id).');

  // Who is asking, and with which key?
  let clientOrg: string | undefined;
  let systemId: string;
  let allowedScopes: string[] = [SCOPE];
  const registered = config.clients.get(clientId);
  if (registered) {
    if (!(await signatureValid(assertion, registered.key))) {
      throw new TokenError('invalid_grant', `Invalid assertion: the signature does not verify with the key registered for client '${clientId}'.`);
    }
    clientOrg = registered.orgnr;
    systemId = registered.systemId;
    allowedScopes = registered.scopes;
  } else {
    if (config.mode === 'strict') {
      throw new TokenError('invalid_client', `Unknown client '${clientId}': register it with createApp({ access: { clients } }) or POST /__admin/clients.`);
    }
    // Permissive: an unknown client's self-signed assertion is accepted. Its signature is checked
    // against the key it carries (x5c certificate or jwk header) when it carries one.
    let key: KeyObject | undefined;
    let how = 'unverified (no x5c or jwk header)';
    try {
      if (Array.isArray(jwt.header.x5c) && typeof jwt.header.x5c[0] === 'string') {
        const cert = new X509Certificate(Buffer.from(jwt.header.x5c[0], 'base64'));
        key = cert.publicKey;
        clientOrg = orgnrOfCertificate(cert);
        how = 'verified against its x5c certificate';
      } else if (jwt.header.jwk) {
        key = createPublicKey({ key: jwt.header.jwk as never, format: 'jwk' });
        how = 'verified against its jwk header';
      }
    } catch (error) {
      throw new TokenError('invalid_grant', `Invalid assertion: its ${jwt.header.x5c ? 'x5c certificate' : 'jwk header'} cannot be read: ${(error as Error).message}`);
    }
    if (key && !(await signatureValid(assertion, key))) {
      throw new TokenError('invalid_grant', `Invalid assertion: the signature does not verify with the key in its own ${jwt.header.x5c ? 'x5c certificate' : 'jwk header'}.`);
    }
    clientOrg ??= typeof claims.consumer_org === 'string' ? claims.consumer_org : undefined;
    systemId = `${clientOrg ?? 'ukjent'}_${clientId}`;
    const note = `unknown client '${clientId}' accepted because access mode is ${config.mode}; assertion ${how}`;
    config.logger.warn({ clientId, korrelasjonsid: res.locals.korrelasjonsid }, note);
    res.append('Warning', `199 kravmock "${note}"`);
  }

  // The assertion's own claims.
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && sameIssuer(a, config.issuer))) {
    throw new TokenError('invalid_grant', `Invalid assertion: aud must be the Maskinporten issuer '${config.issuer}', got '${String(claims.aud)}'.`);
  }
  for (const claim of ['iat', 'exp'] as const) {
    if (typeof claims[claim] !== 'number') throw new TokenError('invalid_grant', `Invalid assertion: missing or non-numeric claim '${claim}'.`);
  }
  if (typeof claims.jti !== 'string' || !claims.jti) throw new TokenError('invalid_grant', "Invalid assertion: missing claim 'jti'.");
  const now = nowSeconds();
  const iat = claims.iat!;
  const exp = claims.exp!;
  if (exp <= now) throw new TokenError('invalid_grant', `Invalid assertion: expired at ${isoOf(exp)}.`);
  if (exp - iat > MAX_ASSERTION_LIFETIME) {
    throw new TokenError('invalid_grant', `Invalid assertion: lifetime exp - iat is ${exp - iat} s; at most ${MAX_ASSERTION_LIFETIME} s is allowed.`);
  }
  if (iat > now + 10) throw new TokenError('invalid_grant', `Invalid assertion: iat ${isoOf(iat)} is in the future.`);
  if (jtis.has(claims.jti)) throw new TokenError('invalid_grant', `Invalid assertion: jti '${claims.jti}' has already been used.`);
  jtis.add(claims.jti, exp);

  const scope = claims.scope;
  if (typeof scope !== 'string' || !scope.trim()) throw new TokenError('invalid_scope', `Invalid assertion: missing scope (expected ${SCOPE}).`);
  const scopes = scope.split(' ').filter(Boolean);
  const refused = scopes.filter((s) => !allowedScopes.includes(s));
  if (refused.length) {
    throw new TokenError('invalid_scope', `Scope '${refused.join(' ')}' is not allowed for client '${clientId}': allowed ${allowedScopes.join(' ')}.`);
  }

  const consumerOrg = claims.consumer_org;
  if (consumerOrg !== undefined && (typeof consumerOrg !== 'string' || !/^\d{9}$/.test(consumerOrg))) {
    throw new TokenError('invalid_request', `Invalid consumer_org '${String(consumerOrg)}': expected an organisation number of 9 digits.`);
  }
  const details: Record<string, unknown>[] = [];
  const requested = claims.authorization_details;
  if (requested !== undefined) {
    if (!Array.isArray(requested)) throw new TokenError('invalid_request', 'Invalid authorization_details: expected an array.');
    for (const d of requested as Record<string, unknown>[]) {
      if (d?.type !== SYSTEMUSER_TYPE) {
        throw new TokenError('invalid_request', `Unsupported authorization_details type '${String(d?.type)}': kravmock's Maskinporten issues ${SYSTEMUSER_TYPE}.`);
      }
      const org = orgnrOf(d.systemuser_org);
      if (!org) {
        throw new TokenError('invalid_request', "Invalid authorization_details: systemuser_org must be {\"authority\": \"iso6523-actorid-upis\", \"ID\": \"0192:<orgnr>\"}.");
      }
      details.push(systemUserDetails(org, clientId, systemId));
    }
  }
  const consumer = typeof consumerOrg === 'string' ? consumerOrg : (clientOrg ?? details.map((d) => orgnrOf(d.systemuser_org)).find(Boolean));
  if (!consumer) {
    throw new TokenError('invalid_client', `Cannot tell the organisation of unknown client '${clientId}': send consumer_org, or an x5c certificate naming the organisation.`);
  }
  const supplier = typeof consumerOrg === 'string' && clientOrg && clientOrg !== consumerOrg ? clientOrg : undefined;
  const accessToken = await mintAccessToken(config.maskinportenKey, config.issuer, {
    clientId,
    scope: scopes.join(' '),
    consumer,
    ...(supplier ? { supplier } : {}),
    authorizationDetails: details,
    lifetime: config.tokenLifetime,
  });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: config.tokenLifetime, scope: scopes.join(' ') };
}
