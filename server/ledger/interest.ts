// Late-payment interest (forsinkelsesrente) as `stipulerteRenter` (DOMAIN.md "Interest"):
// simple interest on an overdue instalment's remaining amount, actual days / 365, from the day after
// `forfallsdato` to the clock date inclusive, split at the half-year boundaries (1 January, 1 July),
// each half-year at the rate in force on its first day. Summed per claim, then truncated toward zero
// to whole kroner. The arithmetic is exact (BigInt over øre x basis points x days), so the truncation
// never depends on floating-point rounding.
import rateTable from '../../fixtures/interest-rates.json' with { type: 'json' };
import { epochDay, epochDayOf } from './dates.js';
import type { IsoDate } from './events.js';
import type { Ore } from './money.js';

export interface InterestRate {
  /** First day the rate is in force (1 January or 1 July). */
  from: IsoDate;
  /** Yearly rate in percent, at most two decimals (basis points). */
  ratePercent: number;
  /** Where the number comes from: DOMAIN.md, the policy-rate rule, or an assumption. */
  source: string;
}

/** The shipped rate table, oldest first (fixtures/interest-rates.json). */
export const INTEREST_RATES: readonly InterestRate[] = [...(rateTable as InterestRate[])].sort((a, b) =>
  a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
);

/**
 * The rate in force on a date: the last entry starting on or before it. Dates before the first entry
 * use the first rate; dates after the last use the last.
 */
export function rateOn(date: IsoDate, rates: readonly InterestRate[] = INTEREST_RATES): number {
  let rate = rates[0]?.ratePercent ?? 0;
  for (const r of rates) {
    if (r.from <= date) rate = r.ratePercent;
    else break;
  }
  return rate;
}

/** Denominator of `interestNumerator`: 365 days x 10 000 (basis points of one). */
export const INTEREST_DENOMINATOR = 365n * 10_000n;

/**
 * Interest on `principal` øre overdue since `forfallsdato`, up to and including `until`, as an exact
 * numerator over `INTEREST_DENOMINATOR` (øre x basis points x days). Zero when not overdue or when the
 * principal is not positive. Each half-year uses the rate in force on its first day (1 Jan / 1 Jul).
 */
export function interestNumerator(
  principal: Ore,
  forfallsdato: IsoDate,
  until: IsoDate,
  rates: readonly InterestRate[] = INTEREST_RATES,
): bigint {
  if (principal <= 0 || forfallsdato >= until) return 0n;
  const end = epochDay(until);
  let start = epochDay(forfallsdato) + 1;
  let year = Number(forfallsdato.slice(0, 4));
  let second = forfallsdato.slice(5, 7) > '06'; // in the July-December half
  let sum = 0n;
  while (start <= end) {
    const next = second ? epochDayOf(year + 1, 1, 1) : epochDayOf(year, 7, 1);
    if (start < next) {
      const last = Math.min(next - 1, end);
      const basisPoints = Math.round(rateOn(second ? `${year}-07-01` : `${year}-01-01`, rates) * 100);
      sum += BigInt(principal) * BigInt(basisPoints) * BigInt(last - start + 1);
      start = last + 1;
    }
    if (second) year += 1;
    second = !second;
  }
  return sum;
}

/** An exact interest numerator in øre truncated toward zero to whole kroner (returned in øre). */
export function truncatedInterest(numerator: bigint): Ore {
  const kroner = numerator / (INTEREST_DENOMINATOR * 100n); // BigInt division truncates toward zero
  return Number(kroner) * 100;
}

/**
 * Stipulated interest of a claim at `until`: the sum over its overdue instalments' remaining amounts,
 * truncated to whole kroner once per claim (not per instalment).
 */
export function stipulatedInterest(
  instalments: Iterable<{ remaining: Ore; forfallsdato: IsoDate }>,
  until: IsoDate,
  rates: readonly InterestRate[] = INTEREST_RATES,
): Ore {
  let numerator = 0n;
  for (const i of instalments) numerator += interestNumerator(i.remaining, i.forfallsdato, until, rates);
  return truncatedInterest(numerator);
}
