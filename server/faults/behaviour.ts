// What shapes an API request besides its data: a `Prefer` header, else the scope's fault rules.
// `before` runs in the API route once the endpoint and party are known (before access): it waits
// out any delay and throws the forced error (rendered by the normal error path in JSON or XML);
// socket faults are remembered and carried out by `deliver`, the pipeline's last step, so they
// apply to whatever response the request would have had.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, Response } from 'express';
import type { Contract } from '../contract.js';
import { ApiError, BACKEND_MESSAGE, UNEXPECTED_MESSAGE, type Feilkode } from '../http/errors.js';
import type { RequestFacts } from '../http/request-context.js';
import { RESOURCES, type Resource } from '../http/request-validation.js';
import { sendWhole, type OutgoingResponse } from '../http/respond.js';
import { decideFaults } from './decide.js';
import { describePreferences, parsePrefer, type Preferences, type SocketFault } from './prefer.js';
import { DEFAULT_RETRY_AFTER_SECONDS, type Failure } from './types.js';

export interface Behaviour {
  /** Applies `Prefer` or the fault rules to an API request; throws the ApiError it answers with. */
  before(req: Request, res: Response, facts: RequestFacts): Promise<void>;
  /** Sends a response, or breaks it as the request's socket fault says. */
  deliver(req: Request, res: Response, out: OutgoingResponse): void;
}

/** The error `Prefer: code=<status>` answers with. */
export const KODE_FOR_STATUS: Readonly<Record<number, Feilkode>> = {
  400: 'KB-006',
  401: 'KB-004',
  403: 'KB-005',
  404: 'KB-009',
  406: 'KB-008',
  429: 'KRAVMOCK-429',
  500: 'KB-001',
  503: 'KRAVMOCK-503',
};

const SOCKET_FAULT = 'kravmock.socketFault';

function seconds(n: number): string {
  return n === 1 ? '1 sekund' : `${n} sekunder`;
}

/** The melding a forced error carries: the text the mock gives the same error elsewhere. */
export function defaultMelding(kode: Feilkode, partIdentifikator: string, retryAfterSeconds: number): string {
  switch (kode) {
    case 'KB-001':
      return UNEXPECTED_MESSAGE;
    case 'KB-002':
      return BACKEND_MESSAGE;
    case 'KB-003':
      return 'Ukjent URL. Gyldige adresser er /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.';
    case 'KB-004':
      return 'Feil i autentisering: send et gyldig Maskinporten-token som Authorization: Bearer <token> med scope skatteetaten:kravogbetalinger.';
    case 'KB-005':
      return `Feil i samtykketoken eller tilgang: virksomheten har ikke tilgang til partIdentifikator ${partIdentifikator}.`;
    case 'KB-006':
      return 'Feil i validering av inputdata.';
    case 'KB-007':
      return `Fant ingen krav eller betalinger for partIdentifikator ${partIdentifikator} i perioden.`;
    case 'KB-008':
      return 'Feil tilknyttet dataformat. Kun json eller xml er støttet: send Accept: application/json eller application/xml.';
    case 'KB-009':
      return `Ingen treff på partIdentifikator ${partIdentifikator}.`;
    case 'KRAVMOCK-429':
      return `For mange samtidige kall (fair use). Prøv igjen om ${seconds(retryAfterSeconds)}.`;
    case 'KRAVMOCK-503':
      return `Tjenesten er midlertidig utilgjengelig. Prøv igjen om ${seconds(retryAfterSeconds)}.`;
  }
}

/** The error to answer with, `Retry-After` set where the code has one. */
function forcedError(res: Response, kode: Feilkode, partIdentifikator: string, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS): ApiError {
  if (kode === 'KRAVMOCK-429' || kode === 'KRAVMOCK-503') res.setHeader('Retry-After', String(retryAfterSeconds));
  return new ApiError(kode, defaultMelding(kode, partIdentifikator, retryAfterSeconds));
}

function failureError(res: Response, failure: Failure, partIdentifikator: string): ApiError | undefined {
  switch (failure.type) {
    case 'error':
      return forcedError(res, failure.kode, partIdentifikator);
    case 'unavailable':
      return forcedError(res, 'KRAVMOCK-503', partIdentifikator, failure.retryAfterSeconds);
    case 'rateLimit':
      return forcedError(res, 'KRAVMOCK-429', partIdentifikator, failure.retryAfterSeconds);
    default:
      res.locals[SOCKET_FAULT] = failure.type;
      return undefined;
  }
}

/** The statuses `Prefer: code` may ask for on each endpoint: 200 and the errors its contract declares. */
function preferableStatuses(contract: Contract): Map<Resource, number[]> {
  return new Map(
    RESOURCES.map((resource) => {
      const operation = contract.document.paths[`/v1/{rettighetspakke}/{partIdentifikator}/${resource}`]?.get;
      if (!operation) throw new Error(`contract has no GET operation for ${resource}`);
      const statuses = Object.keys(operation.responses).map(Number).filter((s) => s === 200 || KODE_FOR_STATUS[s] !== undefined);
      return [resource, statuses.sort((a, b) => a - b)] as const;
    }),
  );
}

/** Status and headers with the full Content-Length, then half the body's bytes, then the connection closed. */
function sendTruncated(req: Request, res: Response, out: OutgoingResponse): void {
  const bytes = out.bytes ?? Buffer.from(out.text, 'utf8');
  // The headers a whole response would have had.
  res.statusCode = out.status;
  res.setHeader('Content-Type', `${out.mediaType}; charset=utf-8`);
  res.setHeader('Content-Length', String(bytes.length));
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
}

export function createBehaviour(options: { contract: Contract }): Behaviour {
  const statuses = preferableStatuses(options.contract);

  const applyPreferences = async (res: Response, preferences: Preferences, partIdentifikator: string): Promise<void> => {
    if (preferences.delay) await sleep(preferences.delay);
    if (preferences.fault) res.locals[SOCKET_FAULT] = preferences.fault;
    const kode = preferences.kode ?? (preferences.code !== undefined ? KODE_FOR_STATUS[preferences.code] : undefined);
    if (kode) throw forcedError(res, kode, partIdentifikator);
  };

  return {
    async before(req, res, facts) {
      const endpoint = facts.endpoint;
      const partIdentifikator = facts.partIdentifikator ?? '';
      const header = req.get('prefer');
      if (header !== undefined && endpoint) {
        const preferences = parsePrefer(header, statuses.get(endpoint)!);
        if (Object.keys(preferences).length > 0) {
          // A request that states its preferences gets exactly those: the rules are not drawn.
          facts.fault = describePreferences(preferences);
          return applyPreferences(res, preferences, partIdentifikator);
        }
      }
      const { scope } = facts;
      if (scope.world.faults.length === 0) return;
      const outcome = decideFaults(scope.world.faults, scope.faultCounters, { partIdentifikator, ...(endpoint ? { endpoint } : {}) });
      if (outcome.descriptions.length > 0) facts.fault = outcome.descriptions.join('; ');
      if (outcome.latencyMs > 0) await sleep(outcome.latencyMs);
      if (outcome.failure) {
        const error = failureError(res, outcome.failure.failure, partIdentifikator);
        if (error) throw error;
      }
    },

    deliver(req, res, out) {
      const fault = res.locals[SOCKET_FAULT] as SocketFault | undefined;
      switch (fault) {
        case undefined:
          return sendWhole(res, out);
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'empty':
          req.socket.destroy();
          return;
        case 'truncated':
          return sendTruncated(req, res, out);
      }
    },
  };
}
