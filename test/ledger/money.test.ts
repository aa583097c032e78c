import { describe, expect, it } from 'vitest';
import { formatKr, isAmount, sumOre, toKr, toOre, truncateToKroner } from '../../server/ledger/money.js';

describe('money in integer øre', () => {
  it('reads kroner as øre, rounding float noise away', () => {
    expect(toOre(61244)).toBe(6_124_400);
    expect(toOre(0.1 + 0.2)).toBe(30);
    expect(toOre(-18335.5)).toBe(-1_833_550);
    expect(Object.is(toOre(-0), 0)).toBe(true);
  });

  it('writes øre as kroner with at most two decimals and never -0', () => {
    expect(toKr(6_124_400)).toBe(61244);
    expect(toKr(1)).toBe(0.01);
    expect(toKr(-1_833_550)).toBe(-18335.5);
    expect(Object.is(toKr(-0), 0)).toBe(true);
    expect(JSON.stringify(toKr(10 + 20))).toBe('0.3');
  });

  it('sums without drift: 0.10 ten times is exactly 1.00', () => {
    expect(toKr(sumOre(Array.from({ length: 10 }, () => toOre(0.1))))).toBe(1);
  });

  it('truncates toward zero to whole kroner', () => {
    expect(truncateToKroner(842_499)).toBe(842_400);
    expect(truncateToKroner(-1_947_328_899)).toBe(-1_947_328_800);
    expect(Object.is(truncateToKroner(-99), 0)).toBe(true);
  });

  it('accepts amounts with at most two decimals only', () => {
    expect(isAmount(10.25)).toBe(true);
    expect(isAmount(-0.01)).toBe(true);
    expect(isAmount(10.005)).toBe(false);
    expect(isAmount(Number.NaN)).toBe(false);
    expect(isAmount('10')).toBe(false);
  });

  it('accepts two-decimal amounts of any size, and rejects a third decimal there too', () => {
    expect(isAmount(134219304.42)).toBe(true);
    expect(isAmount(99999999999.99)).toBe(true);
    expect(isAmount(0.07)).toBe(true);
    expect(isAmount(134219304.425)).toBe(false);
    expect(isAmount(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('formats øre for messages', () => {
    expect(formatKr(50_050)).toBe('500.5');
    expect(formatKr(-1000)).toBe('-10');
  });
});
