// One event added to a party's ledger at run time (the admin API's ledger actions), checked exactly
// like an event in a scenario file: against the event schema of contracts/scenario.schema.json, its
// relative dates resolved against the party's clock, then the ledger's own rules on the ledger with
// the event appended. The messages are the loader's; paths are relative to the event (`beloep`,
// `kravforfall[0].kidnummer`) instead of `parties[0].events[57]…`. Nothing is changed in place: the
// caller gets a new ledger, or the problems.
import { checkLedger } from '../ledger/check.js';
import type { IsoDate, LedgerEvent, PartyLedger } from '../ledger/events.js';
import type { LedgerProblem } from '../ledger/problems.js';
import { formatPath, parsePath, type PathProblem, type PathSegment } from './path.js';
import { resolveScenarioDates } from './resolve.js';
import { scenarioSchema, validateAgainstSchema } from './schema-validation.js';
import type { ScenarioDocument } from './types.js';

/** A problem of an event, located relative to it (`(root)` is the event itself). */
export interface EventProblem {
  path: string;
  message: string;
}

export type EventCheck =
  | { ok: true; event: LedgerEvent; ledger: PartyLedger; eventIndex: number }
  | { ok: false; problems: EventProblem[] };

/** The path prefix under which a wrapped event sits in the document the schema sees. */
const EVENT_PATH: readonly PathSegment[] = ['parties', 0, 'events', 0];

function under(path: readonly PathSegment[], prefix: readonly PathSegment[]): PathSegment[] | undefined {
  if (path.length < prefix.length) return undefined;
  for (let i = 0; i < prefix.length; i += 1) if (path[i] !== prefix[i]) return undefined;
  return path.slice(prefix.length);
}

/** A one-party document holding just this event, so the scenario schema (and its messages) apply as they are. */
function wrap(ledger: PartyLedger, event: unknown): ScenarioDocument {
  return {
    name: 'ledger-action',
    description: 'An event sent to the admin API.',
    parties: [{ partIdentifikator: ledger.partIdentifikator, navn: ledger.navn || 'party', events: [event as LedgerEvent] }],
  };
}

function relative(problems: readonly PathProblem[]): EventProblem[] {
  const out: EventProblem[] = [];
  for (const p of problems) {
    const path = under(p.path, EVENT_PATH);
    if (!path) continue; // about the wrapper (e.g. a party name the schema would refuse), not the event
    let message = p.message;
    if (p.quote) message += ` (write it in quotes: ${p.quote.mark}${p.quote.value}${p.quote.mark})`;
    out.push({ path: formatPath(path), message });
  }
  return out;
}

/** The properties an event of this type may have, in schema order (from contracts/scenario.schema.json). */
export function eventProperties(type: LedgerEvent['type']): string[] {
  const defs = (scenarioSchema().schema.$defs ?? {}) as Record<string, { properties?: Record<string, { const?: unknown }> }>;
  for (const def of Object.values(defs)) {
    const props = def.properties;
    if (props?.type?.const === type) return Object.keys(props);
  }
  throw new Error(`the scenario schema has no event type '${type}'`);
}

const problemKey = (p: LedgerProblem): string => `${p.path}\u0000${p.message}`;

/**
 * Checks `candidate` as the next event of `ledger` (appended at the end: on its date it applies after
 * every event already there) with relative dates resolved against `clock`. Returns the new ledger and
 * the resolved event, or every problem. Problems the event causes on events already in the ledger (a
 * backdated payment leaving a later placement too little) are reported with the path `(ledger)
 * events[i]…`; problems the ledger had before are not the event's and are left out.
 */
export function appendEvent(ledger: PartyLedger, candidate: unknown, clock: IsoDate): EventCheck {
  const schemaProblems = relative(validateAgainstSchema(wrap(ledger, candidate), { format: 'json' }));
  if (schemaProblems.length > 0) return { ok: false, problems: schemaProblems };

  const event = structuredClone(candidate) as LedgerEvent;
  const doc = wrap(ledger, event);
  const dateProblems = relative(resolveScenarioDates(doc, clock, [0]));
  if (dateProblems.length > 0) return { ok: false, problems: dateProblems };

  const eventIndex = ledger.events.length;
  const next: PartyLedger = { ...ledger, events: [...ledger.events, event] };
  const found = checkLedger(next);
  if (found.length === 0) return { ok: true, event, ledger: next, eventIndex };

  const own: EventProblem[] = [];
  const elsewhere: LedgerProblem[] = [];
  for (const p of found) {
    if (p.eventIndex === eventIndex) {
      own.push({ path: formatPath(parsePath(p.path).slice(2)), message: p.message });
    } else elsewhere.push(p);
  }
  if (elsewhere.length > 0) {
    const before = new Set(checkLedger(ledger).map(problemKey));
    for (const p of elsewhere) if (!before.has(problemKey(p))) own.push({ path: `(ledger) ${p.path}`, message: p.message });
  }
  return own.length > 0 ? { ok: false, problems: own } : { ok: true, event, ledger: next, eventIndex };
}
