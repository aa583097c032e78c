// Ledger actions under /__admin/parties/{partIdentifikator}: a payment arrives, a payout is made, a
// claim is raised, or any event exactly as in a scenario file. Each adds one event at the end of the
// party's ledger in the request's scope, checked like a scenario file (server/scenarios/event.ts) with
// its relative dates resolved against the party's clock; a rejected action changes nothing. The four
// API endpoints reflect an accepted one at once: they project the scope's ledger on every request.
import { Router, type Request, type Response } from 'express';
import type { Runtime } from '../app.js';
import { factsOf } from '../http/request-context.js';
import { isIsoDate, resolveDate } from '../ledger/dates.js';
import type { IsoDate, LedgerEvent, PartyLedger, PaymentReceived, Reskontro } from '../ledger/events.js';
import { kidProblem } from '../ledger/identifiers.js';
import { toKr } from '../ledger/money.js';
import { replay } from '../ledger/replay.js';
import { clockFor, withLedger } from '../runtime/world.js';
import { appendEvent, eventProperties } from '../scenarios/event.js';
import { AdminError, type AdminProblem } from './admin-error.js';
import { jsonBody, objectBody, own, unknownKeys } from './body.js';
import { freshId, freshKid, ID_STYLE, usedIds, type UsedIds } from './ledger-ids.js';

/** What a builder knows about the party an action is for. */
interface ActionContext {
  ledger: PartyLedger;
  /** The party's clock: `today` in the body, and the date relative forms count from. */
  clock: IsoDate;
  used: UsedIds;
}

/** An event built from a request body with the defaults filled in, and the body's own problems. */
interface Built {
  candidate: unknown;
  problems: AdminProblem[];
}

type Builder = (body: Record<string, unknown>, context: ActionContext) => Built;

/** Where a payment went: the instalments it was placed on at its date, and what is left unplaced. */
export interface PaymentPlacement {
  placed: { kravidentifikator: string; kravforfallsIdentifikator: string; forfallsdato: IsoDate; beloep: number }[];
  unplaced: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body's date resolved against the clock, when it is one; else the clock (ids are then only provisional). */
function dateFor(value: unknown, clock: IsoDate): IsoDate {
  if (typeof value !== 'string') return clock;
  try {
    const date = resolveDate(value, clock);
    return isIsoDate(date) ? date : clock;
  } catch {
    return clock;
  }
}

const isReskontro = (value: unknown): value is Reskontro => value === 'mva' || value === 'skatteinnkreving';

/** The reskontro of the claim whose instalments carry this KID. */
function reskontroOfKid(ledger: PartyLedger, kid: unknown): Reskontro | undefined {
  if (typeof kid !== 'string') return undefined;
  for (const e of ledger.events) {
    if (e.type === 'claimRaised' && e.kravforfall.some((f) => f.kidnummer === kid)) return e.reskontro;
  }
  return undefined;
}

/**
 * The body's fields of an event type plus defaults, in the schema's property order; keys the type
 * does not have are problems (and left out, so the schema still checks the rest).
 */
function fieldsOf(type: LedgerEvent['type'], body: Record<string, unknown>): { fields: Record<string, unknown>; allowed: string[]; problems: AdminProblem[] } {
  const allowed = eventProperties(type).filter((k) => k !== 'type');
  const problems = unknownKeys(body, allowed).map((p) =>
    p.path === 'type' ? { ...p, message: `${p.message}; this endpoint makes a ${type} event, POST /__admin/parties/{partIdentifikator}/events takes an event of any type` } : p,
  );
  const fields: Record<string, unknown> = {};
  for (const key of allowed) if (own(body, key) !== undefined) fields[key] = own(body, key);
  return { fields, allowed, problems };
}

function ordered(type: LedgerEvent['type'], allowed: readonly string[], values: Record<string, unknown>): Record<string, unknown> {
  const event: Record<string, unknown> = { type };
  for (const key of allowed) if (values[key] !== undefined) event[key] = values[key];
  return event;
}

const payment: Builder = (body, { ledger, clock, used }) => {
  const { fields, allowed, problems } = fieldsOf('paymentReceived', body);
  const date = fields.date ?? 'today';
  const reskontro = (isReskontro(fields.reskontro) ? fields.reskontro : undefined) ?? reskontroOfKid(ledger, fields.kidnummer) ?? 'skatteinnkreving';
  const candidate = ordered('paymentReceived', allowed, {
    ...fields,
    date,
    innbetalingsidentifikator: fields.innbetalingsidentifikator ?? freshId(used, ledger.partIdentifikator, ID_STYLE[reskontro].payment, dateFor(date, clock)),
    betaler: fields.betaler ?? { navn: ledger.navn },
  });
  // A scenario file may name a KID no claim has (the payment stays unplaced); an admin payment with
  // one is more likely a typo, so it is refused. Leave the KID out for an unplaced payment.
  const kid = fields.kidnummer;
  if (typeof kid === 'string' && kidProblem(kid) === undefined && !used.kids.has(kid)) {
    const known = [...used.kids].slice(-5).reverse();
    problems.push({
      path: 'kidnummer',
      message: `kidnummer '${kid}' is not the KID of any claim of party ${ledger.partIdentifikator}: expected the KID of one of its instalments${known.length > 0 ? ` (the newest: ${known.join(', ')})` : ' (it has none)'}, or no kidnummer for a payment that stays unplaced`,
    });
  }
  return { candidate, problems };
};

const payout: Builder = (body, { ledger, clock, used }) => {
  const { fields, allowed, problems } = fieldsOf('payout', body);
  const date = fields.date ?? 'today';
  const candidate = ordered('payout', allowed, {
    ...fields,
    date,
    utbetalingsidentifikator: fields.utbetalingsidentifikator ?? freshId(used, ledger.partIdentifikator, 'utbetaling', dateFor(date, clock)),
    mottaker: fields.mottaker ?? { navn: ledger.navn },
  });
  return { candidate, problems };
};

const claim: Builder = (body, { ledger, clock, used }) => {
  const { fields, allowed, problems } = fieldsOf('claimRaised', body);
  const date = fields.date ?? 'today';
  const day = dateFor(date, clock);
  const reskontro = isReskontro(fields.reskontro) ? fields.reskontro : 'skatteinnkreving';
  const style = ID_STYLE[reskontro];
  const generatedClaimId = fields.kravidentifikator === undefined;
  const kravidentifikator = fields.kravidentifikator ?? freshId(used, ledger.partIdentifikator, style.claim, day);
  let kravforfall = fields.kravforfall;
  if (Array.isArray(kravforfall)) {
    let kid: string | undefined;
    kravforfall = kravforfall.map((item: unknown, i) => {
      if (!isRecord(item)) return item;
      const f: Record<string, unknown> = { ...item };
      if (own(item, 'kravforfallsIdentifikator') === undefined) {
        // The VAT ledger shows a claim's single instalment under the claim's own id (`KRAV-…`).
        f.kravforfallsIdentifikator =
          reskontro === 'mva' && i === 0 && generatedClaimId ? kravidentifikator : freshId(used, ledger.partIdentifikator, style.instalment, day);
      }
      if (own(item, 'kidnummer') === undefined && typeof f.beloep === 'number' && f.beloep > 0) {
        kid ??= freshKid(used, ledger.partIdentifikator, reskontro, typeof fields.kravtype === 'string' ? fields.kravtype : '', day);
        f.kidnummer = kid;
      }
      return { kravforfallsIdentifikator: f.kravforfallsIdentifikator, ...f };
    });
  }
  const candidate = ordered('claimRaised', allowed, { ...fields, date, kravidentifikator, ...(kravforfall !== undefined ? { kravforfall } : {}) });
  return { candidate, problems };
};

const event: Builder = (body) => ({ candidate: body, problems: [] });

/** Where a payment went at its date, read from the ledger's replay (never worked out here). */
export function placementOf(ledger: PartyLedger, paymentEvent: PaymentReceived): PaymentPlacement {
  const state = replay(ledger, paymentEvent.date);
  const found = state.payments.find((p) => p.event === paymentEvent);
  if (!found) return { placed: [], unplaced: paymentEvent.beloep };
  return {
    placed: found.placements.map((p) => ({
      kravidentifikator: p.instalment.claim.event.kravidentifikator,
      kravforfallsIdentifikator: p.instalment.spec.kravforfallsIdentifikator,
      forfallsdato: p.instalment.forfallsdato,
      beloep: toKr(p.amount),
    })),
    unplaced: toKr(found.unplaced),
  };
}

const EXAMPLES: Record<string, string> = {
  payments: '{"beloep": 5000, "kidnummer": "…"}',
  payouts: '{"tilbakebetalingAv": [{"innbetalingsidentifikator": "…", "beloep": 100}]}',
  claims: '{"reskontro": "skatteinnkreving", "kravtype": "RESTSKATT", "kravgruppe": "Skatt", "kravbeskrivelse": "Restskatt - 2026", "kravforfall": [{"forfallsdato": "+3w", "beloep": 12000}]}',
  events: '{"type": "paymentReceived", "date": "today", "innbetalingsidentifikator": "…", "beloep": 100, "betaler": {"navn": "…"}}',
};

export function ledgerActionRoutes(runtime: Runtime): Router {
  const { serverToday } = runtime;
  const router = Router();
  const body = jsonBody('64kb');

  const act = (kind: keyof typeof EXAMPLES, build: Builder) => (req: Request, res: Response) => {
    const scope = factsOf(res).scope;
    const world = scope.world;
    const id = req.params.partIdentifikator as string;
    const entry = world.parties.get(id);
    if (!entry) {
      throw new AdminError(404, 'unknown-party', `no party ${id} in this scope: a ledger action needs a party of a loaded scenario (GET /__admin/scenarios lists them)`);
    }
    const input = objectBody(req, 'invalid-event', EXAMPLES[kind]!);
    const clock = clockFor(world, entry, serverToday);
    const ledger = entry.ledger;
    const built = build(input, { ledger, clock, used: usedIds(ledger) });
    const checked = appendEvent(ledger, built.candidate, clock);
    const problems = [...built.problems, ...(checked.ok ? [] : checked.problems)];
    if (!checked.ok || problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more, see problems)` : '';
      throw new AdminError(400, 'invalid-event', `the event was rejected, nothing changed: ${first.path}: ${first.message}${more}`, problems);
    }
    scope.world = withLedger(world, checked.ledger);
    const stored = checked.event;
    res.status(201).json({
      partIdentifikator: ledger.partIdentifikator,
      event: stored,
      answeredAt: clock,
      pending: stored.date > clock,
      ...(stored.type === 'paymentReceived' ? { placement: placementOf(checked.ledger, stored) } : {}),
    });
  };

  router.post('/__admin/parties/:partIdentifikator/payments', body, act('payments', payment));
  router.post('/__admin/parties/:partIdentifikator/payouts', body, act('payouts', payout));
  router.post('/__admin/parties/:partIdentifikator/claims', body, act('claims', claim));
  router.post('/__admin/parties/:partIdentifikator/events', body, act('events', event));
  return router;
}
