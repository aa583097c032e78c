// Calendar dates as `YYYY-MM-DD` strings. All arithmetic is in UTC days, so no time zone or
// daylight-saving change can move a date. String comparison orders ISO dates correctly.
import type { IsoDate } from './events.js';

const DAY_MS = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The decimal number written in `length` digits from `start`, or -1 when one is not a digit. */
function number(value: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i += 1) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30, 2023-13-01, 2023-1-1).
 * Reads character codes instead of matching a regular expression: loading a large scenario checks
 * millions of dates, and this is several times faster.
 */
export function isIsoDate(value: string): boolean {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = number(value, 0, 4);
  const mo = number(value, 5, 2);
  const d = number(value, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/**
 * Days since 1970-01-01 of a date's year, month and day, by integer arithmetic (no Date objects, so
 * hot loops such as interest over thousands of instalments stay cheap). Months may overflow into the
 * next year (month 13 = January of year + 1).
 */
export function epochDayOf(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((month - 1) % 12 + 12) % 12 + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 + (m0 > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (the caller has checked it with `isIsoDate`). */
export function epochDay(date: IsoDate): number {
  return epochDayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date in YYYY-MM-DD: '${date}'`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Adds calendar months; the day is clamped to the target month's length (2024-01-31 + 1m = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  toUtc(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return fromUtc(first.getTime());
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Today's date in UTC. */
export function today(): IsoDate {
  return fromUtc(Date.now());
}

const RELATIVE = /^([+-])(\d{1,5})([dwmy])$/;

/**
 * Resolves a date written absolute (`2025-03-15`) or relative to the clock (`today`, `-30d`, `+2w`,
 * `-3m`, `+1y`). Throws a RangeError naming the accepted forms for anything else.
 */
export function resolveDate(expression: string, clock: IsoDate): IsoDate {
  if (expression === 'today') return clock;
  if (isIsoDate(expression)) return expression;
  const m = RELATIVE.exec(expression);
  if (!m) {
    throw new RangeError(
      `'${expression}' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y`,
    );
  }
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  switch (m[3]) {
    case 'd':
      return addDays(clock, n);
    case 'w':
      return addDays(clock, 7 * n);
    case 'm':
      return addMonths(clock, n);
    default:
      return addYears(clock, n);
  }
}
