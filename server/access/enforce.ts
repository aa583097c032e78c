// Enforcement on the API: authentication (KB-004), the rettighetspakke's access rule (KB-005) and
// fair use (KRAVMOCK-429), in three modes. Runs after the format check (KB-008) and before
// parameter validation (KB-006): the gateway authenticates before the service validates. So a
// token for 313367002 asking for a malformed party gets 403, not 400.
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { correlationIdOf } from '../http/correlation.js';
import { ApiError } from '../http/errors.js';
import { factsOf, type AccessDecision } from '../http/request-context.js';
import type { FairUse } from './fair-use.js';
import { decode, isoOf, signatureValid, type DecodedJwt } from './jwt.js';
import type { SigningKey } from './keys.js';
import { nowSeconds } from './mint.js';
import {
  CONSENT_RESOURCE,
  CONSENT_TYPE,
  MAX_CONSENT_DAYS,
  ORG_URN,
  SCOPE,
  SERVICE_CODE,
  SERVICE_EDITION,
  SYSTEMUSER_TYPE,
  orgnrOf,
  type AccessMode,
} from './options.js';

export interface GuardConfig {
  mode: AccessMode;
  issuer: string;
  altinnIssuer: string;
  maskinportenKey: SigningKey;
  altinnKey: SigningKey;
  delegations: Record<string, string[]>;
  fairUse: FairUse;
  logger: Logger;
}

export interface Target {
  rettighetspakke: 'finans' | 'regnskapssystem';
  partIdentifikator: string;
}

export const NO_TOKEN_WARNING =
  '199 kravmock "Ingen Authorization-header: tillatt fordi tilgangsmodus er permissive; strict avviser med 401 KB-004"';

const kb004 = (melding: string) => new ApiError('KB-004', melding);
const kb005 = (melding: string) => new ApiError('KB-005', melding);

type Details = Record<string, unknown>;

function authorizationDetails(payload: DecodedJwt['payload'], type: string): Details[] {
  const details = payload.authorization_details;
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is Details => typeof d === 'object' && d !== null && (d as Details).type === type);
}

export class AccessGuard {
  constructor(private readonly config: GuardConfig) {}

  get mode(): AccessMode {
    return this.config.mode;
  }

  /**
   * Admits the request or throws the ApiError that refuses it. Either way the decision is recorded
   * in the request's facts (`access`, for the journal) before anything propagates.
   */
  async authorize(req: Request, res: Response, target: Target): Promise<void> {
    const facts = factsOf(res);
    const decision: AccessDecision = { mode: this.config.mode, outcome: this.config.mode === 'off' ? 'not-checked' : 'granted' };
    try {
      await this.check(req, res, target, decision);
    } catch (error) {
      facts.access = {
        mode: decision.mode,
        outcome: 'refused',
        ...(decision.consumer !== undefined ? { consumer: decision.consumer } : {}),
        reason: error instanceof Error ? error.message : String(error),
      };
      throw error;
    }
    facts.access = decision;
  }

  private async check(req: Request, res: Response, target: Target, decision: AccessDecision): Promise<void> {
    const { mode, logger } = this.config;
    if (mode === 'off') return;
    const authorization = req.get('authorization');
    if (authorization === undefined) {
      if (mode === 'strict') {
        throw kb004('Mangler Authorization-header: send et Maskinporten-token som Authorization: Bearer <token> med scope skatteetaten:kravogbetalinger.');
      }
      res.append('Warning', NO_TOKEN_WARNING);
      logger.warn({ korrelasjonsid: correlationIdOf(res), path: req.path }, 'served without a token (access mode permissive)');
      decision.outcome = 'without-token';
      decision.reason = warningText(NO_TOKEN_WARNING);
      this.admit(`ip:${req.ip ?? 'unknown'}`, res, `adressen ${req.ip ?? 'unknown'}`, decision);
      return;
    }
    const token = this.bearerToken(authorization);
    const consumer = await this.authenticate(token);
    decision.consumer = consumer.orgnr;
    this.admit(consumer.orgnr, res, `organisasjon ${consumer.orgnr}`, decision);
    if (target.rettighetspakke === 'regnskapssystem') this.checkSystemUser(consumer.jwt, target.partIdentifikator);
    else await this.checkConsent(req, consumer, target.partIdentifikator);
  }

  private bearerToken(authorization: string): string {
    const match = /^(\S*)(?:\s+(.*))?$/.exec(authorization.trim())!;
    const scheme = match[1] ?? '';
    const token = (match[2] ?? '').trim();
    if (scheme.toLowerCase() !== 'bearer') {
      throw kb004(`Ugyldig Authorization-header: forventet 'Bearer <token>', fikk skjemaet '${scheme}'.`);
    }
    if (!token) throw kb004("Ugyldig Authorization-header: 'Bearer' uten token.");
    return token;
  }

  /** The verified access token and the organisation it speaks for, or KB-004 naming what was wrong. */
  private async authenticate(token: string): Promise<{ jwt: DecodedJwt; orgnr: string }> {
    const { issuer, maskinportenKey } = this.config;
    const jwt = decode(token);
    if (!jwt) throw kb004('Access token er ikke en gyldig JWT: forventet tre base64url-deler adskilt med punktum (header.payload.signatur).');
    if (jwt.header.alg !== 'RS256') throw kb004(`Access token må være signert med RS256, fikk alg '${String(jwt.header.alg)}'.`);
    if (!(await signatureValid(token, maskinportenKey.publicKey))) {
      throw kb004(
        `Access token har ugyldig signatur: det er ikke signert med Maskinportens nøkkel (kid ${maskinportenKey.kid}, publisert på /maskinporten/jwk); tokenets kid er '${String(jwt.header.kid ?? '')}'.`,
      );
    }
    const claims = jwt.payload;
    if (claims.iss !== issuer) throw kb004(`Access token har feil utsteder '${String(claims.iss)}': forventet '${issuer}'.`);
    const now = nowSeconds();
    if (typeof claims.exp !== 'number') throw kb004("Access token mangler claim 'exp'.");
    if (claims.exp <= now) throw kb004(`Access token utløp ${isoOf(claims.exp)}: hent et nytt token fra Maskinporten.`);
    if (typeof claims.nbf === 'number' && claims.nbf > now) throw kb004(`Access token er ikke gyldig før ${isoOf(claims.nbf)}.`);
    // Missing scope is 401 KB-004, not 403: FACTS §10 gives KB-005 to consent only, and the scope is
    // part of what makes an access token valid for this API at all.
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    if (!scopes.includes(SCOPE)) {
      throw kb004(`Access token mangler scope ${SCOPE}: tokenets scope er '${typeof claims.scope === 'string' ? claims.scope : ''}'.`);
    }
    const orgnr = orgnrOf(claims.consumer);
    if (!orgnr) throw kb004("Access token mangler consumer: forventet {\"authority\": \"iso6523-actorid-upis\", \"ID\": \"0192:<organisasjonsnummer>\"}.");
    return { jwt, orgnr };
  }

  private admit(key: string, res: Response, who: string, decision: AccessDecision): void {
    const { fairUse, mode } = this.config;
    if (fairUse.wouldExceed(key)) {
      if (mode === 'strict') {
        res.setHeader('Retry-After', '1');
        throw new ApiError(
          'KRAVMOCK-429',
          `For mange samtidige kall for ${who}: høyst ${fairUse.limit} samtidige kall er tillatt (fair use).`,
        );
      }
      const warning = `199 kravmock "Fair use: over ${fairUse.limit} samtidige kall; strict avviser med 429"`;
      res.append('Warning', warning);
      decision.reason = [decision.reason, warningText(warning)].filter(Boolean).join('; ');
    }
    fairUse.admit(key, res);
  }

  /** regnskapssystem: the token's system user must belong to the party, or the party must have delegated to its organisation. */
  private checkSystemUser(jwt: DecodedJwt, party: string): void {
    const [systemUser] = authorizationDetails(jwt.payload, SYSTEMUSER_TYPE);
    if (!systemUser) {
      throw kb005(`Rettighetspakke regnskapssystem krever systembruker: access token har ingen authorization_details av type ${SYSTEMUSER_TYPE}.`);
    }
    const org = orgnrOf(systemUser.systemuser_org);
    if (!org) throw kb005("Systembrukeren i access token mangler systemuser_org med ID '0192:<organisasjonsnummer>'.");
    if (org === party || this.config.delegations[party]?.includes(org)) return;
    throw kb005(
      `Systembrukeren for organisasjon ${org} gir ikke tilgang til partIdentifikator ${party}: systembrukerens organisasjon må være parten selv, eller parten må ha delegert tilgang til ${org}.`,
    );
  }

  /** finans: a valid consent from the party to the token's consumer, in the AltinnSamtykke header (Altinn 2) or in the token (Altinn 3). */
  private async checkConsent(req: Request, consumer: { jwt: DecodedJwt; orgnr: string }, party: string): Promise<void> {
    const header = req.get('altinnsamtykke');
    // The header wins when it is sent: a client that sends it means it.
    if (header !== undefined) return this.checkAltinn2(header.trim(), consumer.orgnr, party);
    const consents = authorizationDetails(consumer.jwt.payload, CONSENT_TYPE);
    if (consents.length === 0) {
      throw kb005(
        `Rettighetspakke finans krever samtykke fra partIdentifikator ${party}: fant verken AltinnSamtykke-header eller authorization_details av type ${CONSENT_TYPE} i access token.`,
      );
    }
    const consent = consents.find((c) => c.from === `${ORG_URN}${party}` || c.from === `urn:altinn:person:identifier-no:${party}`) ?? consents[0]!;
    const from = typeof consent.from === 'string' ? consent.from.replace(/^urn:altinn:(organization|person):identifier-no:/, '') : String(consent.from);
    if (from !== party) throw kb005(`Samtykket er gitt av ${from}, ikke av partIdentifikator ${party}.`);
    const to = typeof consent.to === 'string' ? consent.to.replace(ORG_URN, '') : orgnrOf(consent.to);
    if (to !== consumer.orgnr) throw kb005(`Samtykket er gitt til ${String(to)}, ikke til organisasjonen i access token (${consumer.orgnr}).`);
    const resources = (Array.isArray(consent.consentRights) ? consent.consentRights : []).flatMap((r: Details) =>
      (Array.isArray(r.resource) ? r.resource : []).map((x: Details) => String(x.value)),
    );
    if (!resources.includes(CONSENT_RESOURCE)) {
      throw kb005(`Samtykket gjelder ikke Krav og betalinger: forventet ressurs ${CONSENT_RESOURCE}, fikk ${resources.join(', ') || 'ingen'}.`);
    }
    const validTo = typeof consent.validTo === 'string' ? Date.parse(consent.validTo) : NaN;
    if (Number.isNaN(validTo)) throw kb005('Samtykket mangler validTo.');
    if (validTo <= Date.now()) throw kb005(`Samtykket utløp ${new Date(validTo).toISOString()}: et nytt samtykke må gis i Altinn.`);
  }

  private async checkAltinn2(token: string, consumer: string, party: string): Promise<void> {
    const { altinnIssuer, altinnKey } = this.config;
    const jwt = decode(token);
    if (!jwt) throw kb005('AltinnSamtykke er ikke en gyldig JWT: forventet tre base64url-deler adskilt med punktum (header.payload.signatur).');
    if (jwt.header.alg !== 'RS256' || !(await signatureValid(token, altinnKey.publicKey))) {
      throw kb005(`AltinnSamtykke har ugyldig signatur: det er ikke signert med Altinns nøkkel (kid ${altinnKey.kid}, publisert på /altinn/jwk).`);
    }
    const c = jwt.payload;
    if (c.iss !== altinnIssuer) throw kb005(`AltinnSamtykke har feil utsteder '${String(c.iss)}': forventet '${altinnIssuer}'.`);
    const now = nowSeconds();
    if (typeof c.exp !== 'number' || c.exp <= now) {
      throw kb005(`AltinnSamtykke-tokenet utløp ${typeof c.exp === 'number' ? isoOf(c.exp) : '(mangler exp)'}: hent et nytt samtykketoken fra Altinn med autorisasjonskoden.`);
    }
    const services = serviceCodes(c.Services);
    if (!services.includes(`${SERVICE_CODE}_${SERVICE_EDITION}`)) {
      throw kb005(
        `Samtykket gjelder ikke Krav og betalinger: forventet tjenestekode ${SERVICE_CODE} utgave ${SERVICE_EDITION}, fikk ${services.join(', ') || 'ingen'}.`,
      );
    }
    if (c.OfferedBy !== party) throw kb005(`Samtykket er gitt av ${String(c.OfferedBy)}, ikke av partIdentifikator ${party}.`);
    if (c.CoveredBy !== consumer) throw kb005(`Samtykket er gitt til ${String(c.CoveredBy)}, ikke til organisasjonen i access token (${consumer}).`);
    if (typeof c.ValidToDate !== 'number') throw kb005('Samtykket mangler ValidToDate.');
    if (c.ValidToDate <= now) throw kb005(`Samtykket utløp ${isoOf(c.ValidToDate)}: et nytt samtykke må gis i Altinn.`);
    if (typeof c.DelegatedDate === 'number' && c.ValidToDate - c.DelegatedDate > MAX_CONSENT_DAYS * 86400) {
      throw kb005(`Samtykket gjelder fra ${isoOf(c.DelegatedDate)} til ${isoOf(c.ValidToDate)}: samtykke til Krav og betalinger kan gjelde i høyst ${MAX_CONSENT_DAYS} dager.`);
    }
  }
}

/** The text of a `199 kravmock "…"` Warning header. */
function warningText(warning: string): string {
  return /"(.*)"$/.exec(warning)?.[1] ?? warning;
}

/** "5928_202301" from the documented string form ("5928_202301", "5928_202301_inntektsaar=2016") or an object {ServiceCode, ServiceEdition(Code)}. */
function serviceCodes(services: unknown): string[] {
  const list = Array.isArray(services) ? services : services === undefined ? [] : [services];
  return list.map((s: unknown) => {
    if (typeof s === 'string') return s.split(/[_,]/).slice(0, 2).join('_');
    const o = (s ?? {}) as Record<string, unknown>;
    return `${String(o.ServiceCode)}_${String(o.ServiceEditionCode ?? o.ServiceEdition)}`;
  });
}
