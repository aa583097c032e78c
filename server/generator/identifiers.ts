// Identifiers of generated parties: organisation numbers, synthetic fødselsnumre and account numbers,
// made with `norwegian-numbers` (no hand-written checksums).
//
// Uniqueness without bookkeeping: party i gets the i-th element of a seeded permutation of a large
// space of number "stems"; only the last free digit before the check digit(s) is searched, so two
// parties never share a stem and therefore never share a number, and party i's numbers do not depend
// on how many parties are generated. The numbers of the built-in parties and of the scenario library
// (scenarios/, loaded next to generated files by `kravmock serve`) are kept free.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBirthNumber, makeOrganisationNumber } from 'norwegian-numbers';
import { fmix32, makeBankAccount } from '../../fixtures/builtin/identifiers.js';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { addDays } from '../ledger/dates.js';
import { packageRoot } from '../paths.js';
import type { Rng } from './random.js';
import { runHash } from './random.js';

/** Organisation-number stems: a leading 2 or 3 (synthetic test organisations, DOMAIN.md) and six digits. */
const ORG_STEMS = 2_000_000;

/** Birth dates of owners: 1950-01-01 … 1999-12-31 (individual numbers 000-499 belong to 1900-1999). */
const FIRST_BIRTH_DATE = '1950-01-01';
const BIRTH_DAYS = 18_262;
/** Fødselsnummer stems: birth date × the first two digits of the individual number (00-49). */
const FNR_STEMS = BIRTH_DAYS * 50;

/** The most parties one run can have (well inside both stem spaces). */
export const MAX_PARTIES = 100_000;


/**
 * A seeded permutation of 0..n-1: a four-round Feistel network over the smallest even number of bits
 * covering n, walked round until it lands inside the range (a bijection on 0..n-1, and neighbouring
 * indices land far apart, so consecutive parties do not get visibly related numbers).
 */
export function seededPermutation(seed: number, salt: string, n: number): (i: number) => number {
  let bits = Math.max(2, Math.ceil(Math.log2(n)));
  if (bits % 2 === 1) bits += 1;
  const half = bits / 2;
  const mask = (1 << half) - 1;
  const keys = [0, 1, 2, 3].map((r) => runHash(seed, `${salt}/round${r}`));
  const encrypt = (x: number): number => {
    let left = x >>> half;
    let right = x & mask;
    for (const key of keys) {
      const next = left ^ (fmix32(right ^ key) & mask);
      left = right;
      right = next;
    }
    return ((left << half) | right) >>> 0;
  };
  return (i) => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`index ${i} outside 0..${n - 1}`);
    let x = encrypt(i);
    while (x >= n) x = encrypt(x);
    return x;
  };
}

const permutations = new Map<string, (i: number) => number>();

function permutation(seed: number, salt: string, n: number): (i: number) => number {
  const key = `${seed}/${salt}`;
  let p = permutations.get(key);
  if (!p) {
    p = seededPermutation(seed, salt, n);
    permutations.set(key, p);
  }
  return p;
}

let reserved: Set<string> | undefined;

/** The scenario library `kravmock serve` loads by default (scenarios/ in the package). */
const LIBRARY_DIR = join(packageRoot, 'scenarios');

/** Every 9- and 11-digit number written in the scenario library's files (over-reserving is harmless). */
function libraryNumbers(): string[] {
  let names: string[];
  try {
    names = readdirSync(LIBRARY_DIR);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.(ya?ml|json)$/i.test(n))
    .sort()
    .flatMap((n) => readFileSync(join(LIBRARY_DIR, n), 'utf8').match(/(?<!\d)(?:\d{11}|\d{9})(?!\d)/g) ?? []);
}

/**
 * Numbers a generated party must not get: the built-in parties' organisation numbers and owners, and
 * the parties of the scenario library, which `kravmock serve` loads next to generated files (a party
 * can belong to one scenario only). So the output depends on the library's contents as well as on
 * seed, options and clock; a clash is rare and moves only the party concerned.
 */
export function reservedIdentifiers(): ReadonlySet<string> {
  if (!reserved) {
    reserved = new Set<string>(libraryNumbers());
    for (const p of builtinParties('2025-06-30')) {
      reserved.add(p.partIdentifikator);
      for (const t of p.tilknyttedeParter ?? []) reserved.add(t);
    }
  }
  return reserved;
}

function checkIndex(index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PARTIES) throw new RangeError(`party index must be 0..${MAX_PARTIES - 1}: ${index}`);
}

/** The organisation number of party `index`: 9 digits starting with 2 or 3, valid mod 11, unique in the run. */
export function organisasjonsnummerFor(seed: number, index: number): string {
  checkIndex(index);
  const stem = permutation(seed, 'orgnr', ORG_STEMS)(index);
  const prefix = `${2 + Math.floor(stem / 1_000_000)}${String(stem % 1_000_000).padStart(6, '0')}`;
  const start = runHash(seed, `orgnr-digit/${index}`) % 10;
  for (let k = 0; k < 10; k += 1) {
    try {
      const orgnr = makeOrganisationNumber(`${prefix}${(start + k) % 10}`);
      if (!reservedIdentifiers().has(orgnr)) return orgnr;
    } catch {
      // this digit gives remainder 10 (no check digit): the next one will do
    }
  }
  throw new RangeError(`no valid organisation number for stem ${prefix}`);
}

export interface SyntheticPerson {
  fnr: string;
  birthDate: string;
  /** From the individual number: odd third digit = male (the rule for fødselsnumre). */
  sex: 'female' | 'male';
}

/**
 * The owner of party `index`: a synthetic (Tenor) fødselsnummer, month + 80, born 1950-1999, unique
 * in the run. norwegian-numbers computes both check digits; the third digit of the individual number
 * is the first (from a seeded start) for which both exist — there always is one in this range.
 */
export function syntheticPersonFor(seed: number, index: number): SyntheticPerson {
  checkIndex(index);
  const stem = permutation(seed, 'fnr', FNR_STEMS)(index);
  const birthDate = addDays(FIRST_BIRTH_DATE, Math.floor(stem / 50));
  const [yyyy, mm, dd] = birthDate.split('-') as [string, string, string];
  const prefix = `${dd}${Number(mm) + 80}${yyyy.slice(2)}${String(stem % 50).padStart(2, '0')}`;
  const start = runHash(seed, `fnr-digit/${index}`) % 10;
  for (let k = 0; k < 10; k += 1) {
    const digit = (start + k) % 10;
    try {
      const fnr = makeBirthNumber(`${prefix}${digit}`);
      if (!reservedIdentifiers().has(fnr)) return { fnr, birthDate, sex: digit % 2 === 1 ? 'male' : 'female' };
    } catch {
      // no check digits for this individual number: try the next
    }
  }
  throw new RangeError(`no valid fødselsnummer for stem ${prefix}`);
}

/** Register numbers (first four digits) of Norwegian banks the accounts are spread over. */
export const BANK_REGISTER_NUMBERS: readonly string[] = [
  '1201', '1503', '1506', '1594', '1607', '1813', '1822', '2050', '2220', '2801', '3000', '3201', '3633', '3705', '4202', '4312',
  '6011', '6345', '7874', '8601', '9365', '9710',
];

/** A valid (mod 11) account number in a random bank. */
export function bankAccount(rng: Rng): string {
  return makeBankAccount(rng.pick(BANK_REGISTER_NUMBERS), rng.int(0, 999_999));
}
