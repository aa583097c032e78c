// The clock of the request's scope under /__admin/clock: read it, fix "today" at a date, move it by
// whole days, weeks or months, or return to the baseline's setting. The views and interest follow,
// because every view is computed at request time from the ledger and the clock.
import { Router, type Request } from 'express';
import type { Runtime } from '../app.js';
import { factsOf } from '../http/request-context.js';
import { addMonths, daysBetween, isIsoDate, resolveDate } from '../ledger/dates.js';
import type { IsoDate } from '../ledger/events.js';
import { clockFor, scenarioClock, withClock, type World } from '../runtime/world.js';
import { calendarProblem } from '../scenarios/resolve.js';
import { show } from '../scenarios/schema-validation.js';
import { AdminError } from './admin-error.js';
import { jsonBody, objectBody, own, unknownKeys } from './body.js';

/** The largest single move of the clock, in days (about a hundred years). */
export const MAX_ADVANCE_DAYS = 36_600;
const UNITS = { days: 1, weeks: 7, months: 0 } as const;
type Unit = keyof typeof UNITS;
const MAX_STEPS: Record<Unit, number> = { days: MAX_ADVANCE_DAYS, weeks: Math.floor(MAX_ADVANCE_DAYS / 7), months: 1_200 };

export interface ClockState {
  serverToday: IsoDate;
  fixed?: IsoDate;
  offsetDays: number;
  today: IsoDate;
  scenarios: { name: string; answeredAt: IsoDate }[];
}

/** The clock as the admin API shows it (every clock response has this shape). */
export function clockState(world: World, serverToday: () => IsoDate): ClockState {
  const server = serverToday();
  const now = () => server;
  return {
    serverToday: server,
    ...(world.clock.fixed !== undefined ? { fixed: world.clock.fixed } : {}),
    offsetDays: world.clock.offsetDays,
    today: clockFor(world, undefined, now),
    scenarios: world.scenarios.map((s) => ({ name: s.name, answeredAt: scenarioClock(world, s, now) })),
  };
}

function invalid(message: string): AdminError {
  return new AdminError(400, 'invalid-body', message);
}

/** The date a `PUT /__admin/clock` body asks for, resolved against the scope's current today. */
function requestedDate(req: Request, today: IsoDate): IsoDate {
  const example = '{"date": "2027-01-15"}';
  const body = objectBody(req, 'invalid-body', example);
  const unknown = unknownKeys(body, ['date']);
  if (unknown.length > 0) throw new AdminError(400, 'invalid-body', `${unknown.map((p) => p.message).join('; ')}: expected ${example}`, unknown);
  const date = own(body, 'date');
  if (date === undefined) throw invalid(`missing property 'date': expected ${example}, or a date relative to today (${today}) such as "today", "+30d", "-1m"`);
  if (typeof date !== 'string') throw invalid(`date is ${show(date)}: expected a text YYYY-MM-DD or relative to today (${today}): "today", "+30d", "+2w", "-1m", "+1y"`);
  const calendar = calendarProblem(date);
  if (calendar) throw invalid(`date ${calendar}`);
  let resolved: IsoDate;
  try {
    resolved = resolveDate(date, today);
  } catch (error) {
    throw invalid(`date ${error instanceof Error ? error.message : String(error)} (relative forms count from today, ${today})`);
  }
  if (!isIsoDate(resolved)) throw invalid(`date '${date}' counted from today (${today}) falls outside the years 0000-9999`);
  return resolved;
}

/** The number of days a `POST /__admin/clock/advance` body moves the clock, from today. */
function requestedAdvance(req: Request, today: IsoDate): number {
  const example = '{"days": 30}';
  const body = objectBody(req, 'invalid-body', example);
  const units = Object.keys(UNITS) as Unit[];
  const unknown = unknownKeys(body, units);
  if (unknown.length > 0) throw new AdminError(400, 'invalid-body', `${unknown.map((p) => p.message).join('; ')}: expected ${example}`, unknown);
  const given = units.filter((u) => own(body, u) !== undefined);
  if (given.length !== 1) {
    throw invalid(`${given.length === 0 ? 'no amount given' : `${given.join(' and ')} given together`}: expected exactly one of days, weeks or months, e.g. ${example}`);
  }
  const unit = given[0]!;
  const value = own(body, unit);
  const max = MAX_STEPS[unit];
  if (typeof value !== 'number' || !Number.isInteger(value) || value === 0 || Math.abs(value) > max) {
    throw invalid(`${unit} is ${show(value)}: expected a whole number other than 0, from -${max} to ${max} (negative moves the clock back)`);
  }
  if (unit !== 'months') return value * UNITS[unit];
  // Calendar months from today (2026-01-31 + 1 month = 2026-02-28), as a number of days.
  const target = addMonths(today, value);
  if (!isIsoDate(target)) throw invalid(`months ${value} from today (${today}) falls outside the years 0000-9999`);
  return daysBetween(today, target);
}

/** Every date the scope answers at stays a calendar date (years 0000-9999) after the change. */
function assertDates(world: World, serverToday: () => IsoDate, what: string): void {
  const state = clockState(world, serverToday);
  const bad = [{ name: '(today)', answeredAt: state.today }, ...state.scenarios].find((s) => !isIsoDate(s.answeredAt));
  if (bad) throw invalid(`${what} would move ${bad.name === '(today)' ? 'today' : `scenario '${bad.name}'`} outside the years 0000-9999`);
}

export function clockRoutes(runtime: Runtime): Router {
  const { serverToday } = runtime;
  const router = Router();
  const body = jsonBody('64kb');

  router.get('/__admin/clock', (_req, res) => {
    res.json(clockState(factsOf(res).scope.world, serverToday));
  });

  router.put('/__admin/clock', body, (req, res) => {
    const scope = factsOf(res).scope;
    const date = requestedDate(req, clockFor(scope.world, undefined, serverToday));
    scope.world = withClock(scope.world, { fixed: date, offsetDays: 0 });
    res.json(clockState(scope.world, serverToday));
  });

  router.post('/__admin/clock/advance', body, (req, res) => {
    const scope = factsOf(res).scope;
    const days = requestedAdvance(req, clockFor(scope.world, undefined, serverToday));
    const next = withClock(scope.world, { ...scope.world.clock, offsetDays: scope.world.clock.offsetDays + days });
    assertDates(next, serverToday, `moving the clock by ${days} days`);
    scope.world = next;
    res.json(clockState(scope.world, serverToday));
  });

  router.delete('/__admin/clock', (_req, res) => {
    const scope = factsOf(res).scope;
    scope.world = withClock(scope.world, scope.baseline.clock);
    res.json(clockState(scope.world, serverToday));
  });

  return router;
}
