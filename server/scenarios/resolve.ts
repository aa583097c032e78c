// Relative dates (`today`, `-30d`, `+2w`, `-3m`, `+1y`) to absolute ones, against the effective clock:
// the fixed clock (`--clock`) wins over the scenario's own clock, which wins over the default clock.
import { daysInMonth, isIsoDate, resolveDate } from '../ledger/dates.js';
import type { IsoDate } from '../ledger/events.js';
import type { PathProblem, PathSegment } from './path.js';
import type { LoadOptions, ScenarioDocument } from './types.js';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a `YYYY-MM-DD`-shaped text is not a calendar date, or undefined when it is one (or not so shaped). */
export function calendarProblem(text: string): string | undefined {
  const m = SHAPE.exec(text);
  if (!m || isIsoDate(text)) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `'${text}' is not a calendar date: there is no month ${m[2]!}`;
  if (day < 1) return `'${text}' is not a calendar date: there is no day ${m[3]!}`;
  const days = daysInMonth(year, month);
  return `'${text}' is not a calendar date: ${m[1]!}-${m[2]!} has ${days} days`;
}

/** The clock a scenario's dates resolve against (the scenario's own clock only when it is a calendar date). */
export function effectiveClock(options: LoadOptions, ownClock: unknown): IsoDate {
  if (options.fixedClock !== undefined) return options.fixedClock;
  if (typeof ownClock === 'string' && isIsoDate(ownClock)) return ownClock;
  return options.defaultClock;
}

/** Checks the options' clocks: a caller's mistake, not a scenario file's, so it throws. */
export function assertClocks(options: LoadOptions): void {
  for (const [name, value] of [['defaultClock', options.defaultClock], ['fixedClock', options.fixedClock]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new RangeError(`${name} '${value}' is not a calendar date YYYY-MM-DD`);
  }
}

/** The scenario's own clock problem, if any (the schema has checked its shape). */
export function clockProblems(doc: { clock?: unknown }): PathProblem[] {
  if (typeof doc.clock !== 'string') return [];
  const problem = calendarProblem(doc.clock);
  return problem ? [{ path: ['clock'], message: problem }] : [];
}

function resolveOne(expression: string, clock: IsoDate, path: PathSegment[], problems: PathProblem[], cache: Map<string, IsoDate>): IsoDate {
  const cached = cache.get(expression);
  if (cached !== undefined) return cached;
  const resolved = resolveUncached(expression, clock, path, problems);
  if (resolved !== undefined) cache.set(expression, resolved);
  return resolved ?? expression;
}

/** The absolute date, or undefined (with a problem added) when the expression does not resolve. */
function resolveUncached(expression: string, clock: IsoDate, path: PathSegment[], problems: PathProblem[]): IsoDate | undefined {
  if (isIsoDate(expression)) return expression;
  const calendar = calendarProblem(expression);
  if (calendar) {
    problems.push({ path, message: calendar });
    return undefined;
  }
  let resolved: IsoDate;
  try {
    resolved = resolveDate(expression, clock);
  } catch (error) {
    problems.push({ path, message: error instanceof RangeError ? error.message : String(error) });
    return undefined;
  }
  if (!isIsoDate(resolved)) {
    problems.push({ path, message: `'${expression}' resolves to a date outside the years 0000-9999 (clock ${clock})` });
    return undefined;
  }
  return resolved;
}

/**
 * Replaces the dates of the given parties (all when `partyIndexes` is omitted) by absolute ones, in
 * place; returns the dates that do not resolve, which are left as written. The document must have
 * passed the schema for those parties.
 */
export function resolveScenarioDates(doc: ScenarioDocument, clock: IsoDate, partyIndexes?: Iterable<number>): PathProblem[] {
  const problems: PathProblem[] = [];
  // Generated files repeat a few expressions many times; each resolves once per clock.
  const cache = new Map<string, IsoDate>();
  const indexes = partyIndexes ?? doc.parties.keys();
  for (const p of indexes) {
    const party = doc.parties[p];
    if (!party) continue;
    party.events.forEach((event, e) => {
      const base: PathSegment[] = ['parties', p, 'events', e];
      event.date = resolveOne(event.date, clock, [...base, 'date'], problems, cache);
      if (event.type !== 'claimRaised') return;
      event.kravforfall.forEach((f, i) => {
        f.forfallsdato = resolveOne(f.forfallsdato, clock, [...base, 'kravforfall', i, 'forfallsdato'], problems, cache);
      });
      const period = event.kravperiode;
      if (period?.fraDato !== undefined) period.fraDato = resolveOne(period.fraDato, clock, [...base, 'kravperiode', 'fraDato'], problems, cache);
      if (period?.tilDato !== undefined) period.tilDato = resolveOne(period.tilDato, clock, [...base, 'kravperiode', 'tilDato'], problems, cache);
    });
  }
  return problems;
}
