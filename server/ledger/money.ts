// Money. The ledger works in integer øre so sums never drift; kroner appear only at the edges:
// event amounts are read with `toOre`, view amounts are written with `toKr` (at most two decimals).

/** Integer øre (1/100 NOK). */
export type Ore = number;

/** Kroner (as written in events, at most two decimals) to integer øre. */
export function toOre(kroner: number): Ore {
  const ore = Math.round(kroner * 100);
  return ore === 0 ? 0 : ore; // never -0
}

/** Integer øre to kroner for a view: a JSON number with at most two decimals, never -0. */
export function toKr(ore: Ore): number {
  return ore === 0 ? 0 : ore / 100;
}

/**
 * True for a finite number with at most two decimals (an amount a scenario may write). Compares with
 * the number rounded to two decimals in decimal text, so the test holds at any size (a tolerance on
 * `value * 100` fails for large amounts such as 134219304.42).
 */
export function isAmount(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  return Number.isInteger(value) || Number(value.toFixed(2)) === value;
}

/** Truncates toward zero to whole kroner (FACTS.md §9.1: the sums drop øre toward zero). */
export function truncateToKroner(ore: Ore): Ore {
  const kroner = Math.trunc(ore / 100);
  return kroner === 0 ? 0 : kroner * 100;
}

/** Kroner as plain text for messages: `1234.5`, `-10`. */
export function formatKr(ore: Ore): string {
  return String(toKr(ore));
}

/** Sum of øre amounts. */
export function sumOre(values: Iterable<Ore>): Ore {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}
