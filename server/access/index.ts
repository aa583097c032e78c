// The access capability: a mock Maskinporten and Altinn consent issuer, and enforcement on the API.
// createAccess is called once by createApp; its routes serve /maskinporten/*, /altinn/jwk and the
// dev endpoints under /__admin, and its guard runs inside the API's request flow.
import { Router } from 'express';
import type { Logger } from 'pino';
import { accessAdminRoutes } from './admin-routes.js';
import { ClientRegistry } from './clients.js';
import { AccessGuard } from './enforce.js';
import { FairUse } from './fair-use.js';
import { lazySigningKey, type SigningKey } from './keys.js';
import { maskinportenRoutes } from './maskinporten-routes.js';
import {
  ACCESS_MODES,
  DEFAULT_ALTINN_ISSUER,
  DEFAULT_FAIR_USE_LIMIT,
  DEFAULT_ISSUER,
  DEFAULT_TOKEN_LIFETIME,
  type AccessOptions,
} from './options.js';

export type { AccessMode, AccessOptions, RegisteredClient } from './options.js';
export { ACCESS_MODES } from './options.js';

export interface Access {
  guard: AccessGuard;
  routes: Router;
  keys: { maskinporten: SigningKey; altinn: SigningKey };
}

export function createAccess(options: AccessOptions, logger: Logger): Access {
  const mode = options.mode ?? 'permissive';
  if (!ACCESS_MODES.includes(mode)) throw new Error(`access mode must be off, permissive or strict, got '${String(mode)}'`);
  const fairUseLimit = options.fairUseLimit ?? DEFAULT_FAIR_USE_LIMIT;
  if (!Number.isInteger(fairUseLimit) || fairUseLimit < 0) throw new Error(`fairUseLimit must be a whole number ≥ 0, got ${fairUseLimit}`);
  const issuer = options.issuer ?? DEFAULT_ISSUER;
  const altinnIssuer = options.altinnIssuer ?? DEFAULT_ALTINN_ISSUER;
  const maskinportenKey = lazySigningKey(options.keys?.maskinporten);
  const altinnKey = lazySigningKey(options.keys?.altinn);
  const clients = new ClientRegistry(options.clients);
  const tokenLifetime = options.tokenLifetime ?? DEFAULT_TOKEN_LIFETIME;

  const guard = new AccessGuard({
    mode,
    issuer,
    altinnIssuer,
    maskinportenKey,
    altinnKey,
    delegations: options.delegations ?? {},
    fairUse: new FairUse(fairUseLimit),
    logger,
  });
  const routes = Router();
  routes.use(maskinportenRoutes({ mode, issuer, maskinportenKey, altinnKey, clients, tokenLifetime, logger }));
  routes.use(accessAdminRoutes({ issuer, altinnIssuer, maskinportenKey, altinnKey, clients, tokenLifetime }));
  return { guard, routes, keys: { maskinporten: maskinportenKey, altinn: altinnKey } };
}
