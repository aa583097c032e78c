// Norwegian identifiers. Checksums come from a maintained library (norsk-validator); this module adds
// the format rules it leaves open, works around its two KID gaps (below), and says *why* a value is
// rejected, so checkLedger can name the problem.
import { fodselsnummer, iban, kidnummer, kontonummer, organisasjonsnummer } from 'norsk-validator';

/** Why an organisasjonsnummer is invalid, or undefined when it is valid. */
export function organisasjonsnummerProblem(value: string): string | undefined {
  if (!/^\d{9}$/.test(value)) return 'expected 9 digits';
  if (!organisasjonsnummer(value)) return 'the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match';
  return undefined;
}

function isLeapYearTwoDigits(yy: number): boolean {
  // The century is not known for certain (it depends on the individual number), so 29 February is
  // accepted whenever the two-digit year could be a leap year.
  return yy % 4 === 0;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Why a fødselsnummer is invalid, or undefined when it is valid. Accepts ordinary numbers, D-numbers
 * (day + 40), H-numbers and NAV synthetic persons (month + 40) and Skatteetaten/Tenor synthetic test
 * persons (month + 80). norsk-validator checks only the two mod 11 check digits (the same algorithm for
 * all these kinds), so the birth-date part is checked here.
 */
export function foedselsnummerProblem(value: string): string | undefined {
  if (!/^\d{11}$/.test(value)) return 'expected 11 digits';
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  if (day > 40) day -= 40; // D-number
  if (month > 80) month -= 80; // synthetic test person (Tenor)
  else if (month > 40) month -= 40; // H-number / NAV synthetic person
  const maxDay = month === 2 && !isLeapYearTwoDigits(yy) ? 28 : DAYS_IN_MONTH[month - 1];
  if (month < 1 || month > 12 || maxDay === undefined || day < 1 || day > maxDay) {
    return 'digits 1-6 are not a birth date DDMMYY (D-numbers add 40 to the day, synthetic persons 40 or 80 to the month)';
  }
  if (!fodselsnummer(value)) return 'the two mod 11 check digits do not match';
  return undefined;
}

/**
 * Why a party identifier (organisasjonsnummer or fødselsnummer) is invalid, as a phrase that follows
 * the value in a message (`is not a valid organisasjonsnummer: ...`), or undefined when valid.
 */
export function partIdentifikatorProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{9}$/.test(value)) {
    const p = organisasjonsnummerProblem(value);
    return p && `is not a valid organisasjonsnummer: ${p}`;
  }
  if (typeof value === 'string' && /^\d{11}$/.test(value)) {
    const p = foedselsnummerProblem(value);
    return p && `is not a valid fødselsnummer: ${p}`;
  }
  return 'is neither an organisasjonsnummer nor a fødselsnummer: expected 9 or 11 digits';
}

/**
 * The two KID check digits norsk-validator 2.0.0 gets wrong: a MOD10 (Luhn) check digit of 0 (it
 * computes 10) and a MOD11 check digit of 10, written `-` (it cannot match). norwegian-numbers is no
 * help for Skatteetaten's KIDs: it parses the KID as a JavaScript number, which loses digits beyond 15
 * and leading zeros. So only these two cases are computed here, with the standard weights.
 */
function isKidWithZeroOrDashCheckDigit(kid: string): boolean {
  const body = kid.slice(0, -1);
  const last = kid.slice(-1);
  let mod10 = 0;
  let mod11 = 0;
  for (let i = body.length - 1, n = 0; i >= 0; i -= 1, n += 1) {
    const d = Number(body[i]);
    const doubled = n % 2 === 0 ? d * 2 : d;
    mod10 += doubled > 9 ? doubled - 9 : doubled;
    mod11 += d * (2 + (n % 6));
  }
  if (last === '0') return mod10 % 10 === 0;
  if (last === '-') return mod11 % 11 === 1;
  return false;
}

/**
 * Why a KID is invalid, or undefined when valid: 2-25 characters, digits only except that a MOD11 check
 * digit of 10 is written `-`, and the last character a MOD10 (Luhn) or MOD11 check digit.
 */
export function kidProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{1,24}[\d-]$/.test(value)) {
    return 'expected 2-25 digits (the last may be - for a MOD11 check digit of 10)';
  }
  const ok = (/\d$/.test(value) && kidnummer(value)) || isKidWithZeroOrDashCheckDigit(value);
  return ok ? undefined : 'the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit';
}

/** Why a Norwegian kontonummer is invalid, or undefined when valid (11 digits, mod 11). */
export function kontonummerProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{11}$/.test(value)) return 'expected 11 digits';
  return kontonummer(value) ? undefined : 'the mod 11 check digit (weights 5 4 3 2 7 6 5 4 3 2) does not match';
}

/** Why a Norwegian IBAN is invalid, or undefined when valid (`NO` + 2 check digits + kontonummer; spaces allowed). */
export function ibanProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'expected NO + 13 digits';
  return iban(value) ? undefined : 'expected NO + 2 check digits + an 11-digit kontonummer, with valid check digits';
}
