// Dev conveniences under /__admin (kravmock's own, never Skatteetaten's): mint a ready token
// without a client assertion (used by `kravmock token` and tests), and register clients at run time.
import express, { Router, type RequestHandler } from 'express';
import type { ClientRegistry } from './clients.js';
import type { SigningKey } from './keys.js';
import { ConsentPeriodError, consentDetails, mintAccessToken, mintAltinnConsent, systemUserDetails } from './mint.js';
import { MAX_CONSENT_DAYS, SCOPE, type RegisteredClient } from './options.js';

export interface AdminTokenConfig {
  issuer: string;
  altinnIssuer: string;
  maskinportenKey: SigningKey;
  altinnKey: SigningKey;
  clients: ClientRegistry;
  tokenLifetime: number;
}

export const DEV_CLIENT_ID = 'kravmock-dev';

class BadRequest extends Error {}

export function accessAdminRoutes(config: AdminTokenConfig): Router {
  const router = Router();
  // A body that cannot be read (not JSON, over 64 kB) is refused like any other bad request here, never a 500.
  const parse = express.json({ limit: '64kb' });
  const json: RequestHandler = (req, res, next) => {
    void parse(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      const tooLarge = (error as { type?: string }).type === 'entity.too.large';
      const description = tooLarge ? 'the request body is larger than 64 kB' : `the request body could not be read: ${(error as Error).message}`;
      res.status(tooLarge ? 413 : 400).json({ error: 'invalid_request', error_description: description });
    });
  };

  router.post('/__admin/tokens', json, async (req, res) => {
    try {
      res.status(200).json(await devToken(config, (req.body ?? {}) as Record<string, unknown>));
    } catch (error) {
      if (!(error instanceof BadRequest || error instanceof ConsentPeriodError)) throw error;
      res.status(400).json({ error: 'invalid_request', error_description: error.message });
    }
  });

  router.post('/__admin/clients', json, (req, res) => {
    try {
      const client = config.clients.register((req.body ?? {}) as RegisteredClient);
      res.status(201).json({ clientId: client.clientId, orgnr: client.orgnr, scopes: client.scopes, systemId: client.systemId });
    } catch (error) {
      res.status(400).json({ error: 'invalid_request', error_description: (error as Error).message });
    }
  });
  return router;
}

/**
 * regnskapssystem: `org` calls with a system user for `party` (default `org`).
 * finans: `org` calls with consent from `party` (default `org`), as an AltinnSamtykke token
 * (consent 'header', the default) or inside the access token (consent 'token').
 */
async function devToken(config: AdminTokenConfig, body: Record<string, unknown>) {
  const { org, pakke, party = org, consent = 'header', validDays = MAX_CONSENT_DAYS, scope = SCOPE } = body;
  if (typeof org !== 'string' || !/^\d{9}$/.test(org)) throw new BadRequest(`org must be an organisation number of 9 digits, got '${String(org)}'`);
  if (pakke !== 'regnskapssystem' && pakke !== 'finans') throw new BadRequest(`pakke must be regnskapssystem or finans, got '${String(pakke)}'`);
  if (typeof party !== 'string' || !/^(\d{9}|\d{11})$/.test(party)) throw new BadRequest(`party must be 9 or 11 digits, got '${String(party)}'`);
  if (consent !== 'header' && consent !== 'token') throw new BadRequest(`consent must be header or token, got '${String(consent)}'`);
  if (typeof scope !== 'string') throw new BadRequest('scope must be a string');
  const common = { clientId: DEV_CLIENT_ID, scope, consumer: org, lifetime: config.tokenLifetime };
  if (pakke === 'regnskapssystem') {
    const details = [systemUserDetails(party, DEV_CLIENT_ID, `${org}_${DEV_CLIENT_ID}`)];
    const accessToken = await mintAccessToken(config.maskinportenKey, config.issuer, { ...common, authorizationDetails: details });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: config.tokenLifetime, scope };
  }
  const days = Number(validDays);
  if (consent === 'token') {
    const accessToken = await mintAccessToken(config.maskinportenKey, config.issuer, { ...common, authorizationDetails: [consentDetails(party, org, days)] });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: config.tokenLifetime, scope };
  }
  const samtykke = await mintAltinnConsent(config.altinnKey, config.altinnIssuer, party, org, days);
  const accessToken = await mintAccessToken(config.maskinportenKey, config.issuer, common);
  return { access_token: accessToken, token_type: 'Bearer', expires_in: config.tokenLifetime, scope, altinn_samtykke: samtykke };
}
