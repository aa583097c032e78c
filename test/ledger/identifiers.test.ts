import { describe, expect, it } from 'vitest';
import { makeKidNumber } from 'norwegian-numbers';
import { epochDay, epochDayOf } from '../../server/ledger/dates.js';
import {
  foedselsnummerProblem,
  ibanProblem,
  kidProblem,
  kontonummerProblem,
  organisasjonsnummerProblem,
  partIdentifikatorProblem,
} from '../../server/ledger/identifiers.js';
import { maskAccountNumber, SKATTEETATEN_ACCOUNTS } from '../../server/ledger/accounts.js';

describe('identifiers', () => {
  it('accepts the organisation numbers of the documentation and Altinn tests', () => {
    for (const org of ['871978433', '212201782', '313367002', '311851381', '314961900', '314055403', '310478717', '312438623', '313506673']) {
      expect(organisasjonsnummerProblem(org)).toBeUndefined();
    }
    expect(organisasjonsnummerProblem('871978434')).toBe('the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match');
    expect(organisasjonsnummerProblem('87197843')).toBe('expected 9 digits');
  });

  it('accepts ordinary, D-number and synthetic (month + 40, + 80) fødselsnumre', () => {
    expect(foedselsnummerProblem('13114614453')).toBeUndefined(); // owner in the Aug 2023 example
    expect(foedselsnummerProblem('04827896468')).toBeUndefined(); // Tenor synthetic, month 82 = February
    expect(foedselsnummerProblem('02925796975')).toBeUndefined(); // Tenor synthetic, month 92 = December
    expect(foedselsnummerProblem('41010199946')).toBeUndefined(); // D-number
    expect(foedselsnummerProblem('01410199935')).toBeUndefined(); // H-number (month + 40)
    expect(foedselsnummerProblem('13114614454')).toBe('the two mod 11 check digits do not match');
    expect(foedselsnummerProblem('32134614453')).toBe(
      'digits 1-6 are not a birth date DDMMYY (D-numbers add 40 to the day, synthetic persons 40 or 80 to the month)',
    );
    expect(foedselsnummerProblem('1311461445')).toBe('expected 11 digits');
  });

  it('explains a bad party identifier by its length', () => {
    expect(partIdentifikatorProblem('871978433')).toBeUndefined();
    expect(partIdentifikatorProblem('13114614453')).toBeUndefined();
    expect(partIdentifikatorProblem('123456789')).toBe('is not a valid organisasjonsnummer: the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match');
    expect(partIdentifikatorProblem('13114614454')).toBe('is not a valid fødselsnummer: the two mod 11 check digits do not match');
    expect(partIdentifikatorProblem('8719784')).toBe('is neither an organisasjonsnummer nor a fødselsnummer: expected 9 or 11 digits');
  });

  it('accepts MOD10 and MOD11 KIDs, including check digit 0 (MOD10) and - (MOD11)', () => {
    for (const kid of ['18719784330100322000006', '0095755263306220219', '424585678799899', '7900011880501220017', '4019008719784337']) {
      expect(kidProblem(kid)).toBeUndefined();
    }
    expect(makeKidNumber('1040'.slice(0, 3))).toBe('1040');
    expect(kidProblem('1040')).toBeUndefined(); // MOD10 check digit 0 (norsk-validator 2.0.0 rejects it)
    expect(makeKidNumber('104', 'MOD11')).toBe('104-');
    expect(kidProblem('104-')).toBeUndefined(); // MOD11 check digit 10
    expect(kidProblem('1041')).toBe('the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit');
    expect(kidProblem('1')).toBe('expected 2-25 digits (the last may be - for a MOD11 check digit of 10)');
    expect(kidProblem('12 34')).toBe('expected 2-25 digits (the last may be - for a MOD11 check digit of 10)');
    expect(kidProblem('1'.repeat(26))).toBe('expected 2-25 digits (the last may be - for a MOD11 check digit of 10)');
  });

  it('agrees with norwegian-numbers on every short KID it makes', () => {
    for (let i = 10; i < 2000; i++) {
      expect(kidProblem(makeKidNumber(String(i), 'MOD10'))).toBeUndefined();
      expect(kidProblem(makeKidNumber(String(i), 'MOD11'))).toBeUndefined();
    }
  });

  it('checks kontonummer and IBAN', () => {
    expect(kontonummerProblem(SKATTEETATEN_ACCOUNTS.mva.kontonummer)).toBeUndefined();
    expect(kontonummerProblem(SKATTEETATEN_ACCOUNTS.skatteinnkreving.kontonummer)).toBeUndefined();
    expect(kontonummerProblem('98766543210')).toBe('the mod 11 check digit (weights 5 4 3 2 7 6 5 4 3 2) does not match');
    expect(kontonummerProblem('7694.05.18888')).toBe('expected 11 digits');
    expect(ibanProblem(SKATTEETATEN_ACCOUNTS.mva.iban)).toBeUndefined();
    expect(ibanProblem(SKATTEETATEN_ACCOUNTS.skatteinnkreving.iban)).toBeUndefined();
    expect(ibanProblem('NO5976940518888')).toBe('expected NO + 2 check digits + an 11-digit kontonummer, with valid check digits');
  });

  it('masks a party account to six asterisks and the last five digits', () => {
    expect(maskAccountNumber('15031411111')).toBe('******11111');
    expect(maskAccountNumber('1503.14.16135')).toBe('******16135');
  });

  it('counts epoch days like Date does', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2022-12-31', '2023-01-01', '2024-03-01', '2099-12-31', '1899-03-01']) {
      expect(epochDay(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
    }
    expect(epochDayOf(2023, 13, 1)).toBe(epochDay('2024-01-01'));
  });
});
