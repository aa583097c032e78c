// The four endpoints. Each handler only wires the steps together: route → format → access (KB-004,
// KB-005, fair use) → parameters → party → ledger view → serializer. No arithmetic happens here.
import { Router, type Request, type Response } from 'express';
import type { AccessGuard } from '../access/enforce.js';
import type { Contract } from '../contract.js';
import type { Behaviour } from '../faults/behaviour.js';
import type { PartyLedger } from '../ledger/events.js';
import {
  aapneKravView,
  innbetalingerView,
  kravView,
  utbetalingerView,
  type Period,
  type ViewOptions,
} from '../ledger/views.js';
import { clockFor } from '../runtime/world.js';
import type { Answer, AnswerCache } from './answer-cache.js';
import { ApiError, BACKEND_MESSAGE } from './errors.js';
import { MEDIA_TYPES, negotiateFormat, serialize } from './format.js';
import { factsOf } from './request-context.js';
import { pipelineOf, sendResponse } from './respond.js';
import { createRequestValidator, RESOURCES, unknownUrl, type Resource } from './request-validation.js';

export const API_PREFIXES = ['/v1', '/api/innkreving/kravogbetalinger/v1'] as const;
/** The first path segments of API_PREFIXES. */
export const API_SEGMENTS = ['v1', 'api'] as const;

/** What to answer when a period endpoint finds nothing: the real API's 404 KB-007, or an empty 200. */
export type EmptyResult = 'KB-007' | 'empty';

export interface ApiRouteOptions {
  contract: Contract;
  /** "Today" for parties answered at neither a fixed clock nor their scenario's own clock. */
  serverToday: () => string;
  emptyResult: EmptyResult;
  /** Authentication, authorisation and fair use (server/access); nothing is checked without it. */
  access?: AccessGuard;
  /** `Prefer` and fault rules (server/faults); requests are answered plainly without it. */
  behaviour?: Pick<Behaviour, 'before'>;
  /** Answers kept per ledger and clock date (server/http/answer-cache.ts); computed every time without it. */
  answerCache?: AnswerCache;
}

const RETTIGHETSPAKKER = ['finans', 'regnskapssystem'] as const;

type View = { skjermet: boolean } & Record<string, unknown>;

interface ResourceSpec {
  project(ledger: PartyLedger, opts: ViewOptions, period: Period | undefined): View;
  /** The list whose absence means "nothing found" (period endpoints only). */
  list?: string;
  /** How KB-007 names what was not found. */
  noun?: string;
}

const RESOURCE_SPECS: Record<Resource, ResourceSpec> = {
  aapnekrav: { project: (l, o) => aapneKravView(l, o) },
  krav: { project: (l, o, p) => kravView(l, o, p!), list: 'krav', noun: 'krav' },
  innbetalinger: { project: (l, o, p) => innbetalingerView(l, o, p!), list: 'innbetaling', noun: 'innbetalinger' },
  utbetalinger: { project: (l, o, p) => utbetalingerView(l, o, p!), list: 'utbetaling', noun: 'utbetalinger' },
};

export function apiRoutes(options: ApiRouteOptions): Router {
  const validator = createRequestValidator(options.contract);
  const xmlRoots = new Map(RESOURCES.map((r) => [r, options.contract.xmlRootName(validator.operationIdFor(r))]));

  const handler = async (req: Request, res: Response): Promise<void> => {
    const { rettighetspakke, partIdentifikator, resource } = req.params as Record<string, string>;
    const raw = { rettighetspakke: rettighetspakke!, partIdentifikator: partIdentifikator!, resource: resource!, query: req.query, headers: req.headers };
    if (!(RESOURCES as readonly string[]).includes(raw.resource)) throw unknownUrl(raw);
    const facts = factsOf(res);
    Object.assign(facts, { endpoint: raw.resource, partIdentifikator: raw.partIdentifikator });
    res.locals.operationId = validator.operationIdFor(raw.resource as Resource);
    const format = negotiateFormat(req);
    if (format === null) {
      throw new ApiError('KB-008', 'Feil tilknyttet dataformat. Kun json eller xml er støttet: send Accept: application/json eller application/xml.');
    }
    const pakke = RETTIGHETSPAKKER.find((p) => p === raw.rettighetspakke);
    if (!pakke) throw unknownUrl(raw);
    facts.rettighetspakke = pakke;
    const world = facts.scope.world;
    // `Prefer` or the scope's fault rules: a delay, a forced error, or a socket fault on delivery.
    await options.behaviour?.before(req, res, facts);
    // The gateway authenticates before the service validates: access runs before KB-006.
    await options.access?.authorize(req, res, { rettighetspakke: pakke, partIdentifikator: raw.partIdentifikator });
    // Awaited so a lookup may answer later (the fair-use tests hold calls in flight this way).
    const entry = await world.parties.get(raw.partIdentifikator);
    const clock = clockFor(world, entry, options.serverToday);
    const request = validator.check(raw, clock);
    if (!entry) {
      throw new ApiError('KB-009', `Ingen treff på partIdentifikator ${request.partIdentifikator}.`);
    }
    const spec = RESOURCE_SPECS[request.resource];
    const compute = (): Answer<View> => {
      let view: View;
      try {
        view = spec.project(entry.ledger, { clock, rettighetspakke: request.rettighetspakke }, request.period);
      } catch (cause) {
        throw Object.assign(new ApiError('KB-002', BACKEND_MESSAGE), { cause });
      }
      return { body: view, text: serialize(format, xmlRoots.get(request.resource)!, view) };
    };
    const key = { ledger: entry.ledger, clock, rettighetspakke: request.rettighetspakke, resource: request.resource, fraOgMed: request.period?.fraOgMed, tilOgMed: request.period?.tilOgMed, format };
    const { body, text, bytes } = options.answerCache ? options.answerCache.answer<View>(key, compute) : compute();
    if (spec.list && options.emptyResult === 'KB-007' && !body.skjermet && !(body[spec.list] as unknown[] | undefined)?.length) {
      const { fraOgMed, tilOgMed } = request.period!;
      throw new ApiError('KB-007', `Fant ingen ${spec.noun} for partIdentifikator ${request.partIdentifikator} i perioden ${fraOgMed} til ${tilOgMed}.`);
    }
    sendResponse(pipelineOf(req), req, res, {
      status: 200,
      format,
      mediaType: MEDIA_TYPES[format],
      body,
      text,
      ...(bytes ? { bytes } : {}),
      operationId: request.operationId,
    });
  };

  const router = Router();
  for (const prefix of API_PREFIXES) router.get(`${prefix}/:rettighetspakke/:partIdentifikator/:resource`, handler);
  return router;
}
