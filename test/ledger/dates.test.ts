import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, isIsoDate, maxDate, minDate, resolveDate } from '../../server/ledger/dates.js';

describe('calendar dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-1')).toBe(false);
    expect(isIsoDate('2023-01-01T00:00:00Z')).toBe(false);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-26', 1)).toBe('2023-03-27'); // DST change in Norway
  });

  it('clamps the day when adding months or years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2022-04-11', '2023-08-28')).toBe(504);
    expect(daysBetween('2023-08-28', '2022-04-11')).toBe(-504);
    expect(minDate('2023-01-02', '2023-01-01')).toBe('2023-01-01');
    expect(maxDate('2023-01-02', '2023-01-01')).toBe('2023-01-02');
  });

  it('resolves absolute and clock-relative dates', () => {
    const clock = '2024-01-31';
    expect(resolveDate('today', clock)).toBe('2024-01-31');
    expect(resolveDate('2025-03-15', clock)).toBe('2025-03-15');
    expect(resolveDate('-30d', clock)).toBe('2024-01-01');
    expect(resolveDate('+2w', clock)).toBe('2024-02-14');
    expect(resolveDate('+1m', clock)).toBe('2024-02-29');
    expect(resolveDate('-3m', clock)).toBe('2023-10-31');
    expect(resolveDate('+1y', '2024-02-29')).toBe('2025-02-28');
  });

  it('names the accepted forms when a date expression is wrong', () => {
    expect(() => resolveDate('2023-02-30', '2024-01-01')).toThrow(
      "'2023-02-30' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y",
    );
    expect(() => resolveDate('yesterday', '2024-01-01')).toThrow(RangeError);
    expect(() => addDays('2023-02-30', 1)).toThrow("not a calendar date in YYYY-MM-DD: '2023-02-30'");
  });
});
