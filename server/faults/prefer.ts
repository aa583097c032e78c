// The `Prefer` header (RFC 7240 syntax, Prism's vocabulary): a comma-separated list of preferences,
// each `name` or `name=value`, values a token or a quoted string. kravmock knows four:
// `code=<status>`, `kode=<feilkode>`, `delay=<ms>` and `fault=reset|empty|truncated`. Unlike RFC 7240
// (which lets a server ignore what it does not know) an unknown or malformed preference is refused
// with 400 KB-006: a misspelt `Prefer: cdoe=500` silently served as 200 would teach the wrong thing.
import { ApiError, FEILKODER, type Feilkode } from '../http/errors.js';

export const SOCKET_FAULTS = ['reset', 'empty', 'truncated'] as const;
export type SocketFault = (typeof SOCKET_FAULTS)[number];

export const MAX_DELAY_MS = 60_000;

export const VALID_PREFERENCES = `code=<status>, kode=<feilkode>, delay=<0-${MAX_DELAY_MS} ms>, fault=${SOCKET_FAULTS.join('|')}`;

export interface Preferences {
  code?: number;
  kode?: Feilkode;
  delay?: number;
  fault?: SocketFault;
}

const NAMES = ['code', 'kode', 'delay', 'fault'] as const;
type Name = (typeof NAMES)[number];

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FEILKODE_LIST = Object.keys(FEILKODER) as Feilkode[];

function refuse(problem: string): ApiError {
  return new ApiError('KB-006', `Ugyldig Prefer-header: ${problem}. Gyldige preferanser: ${VALID_PREFERENCES}.`);
}

/** `a, b eller c` */
function alternatives(items: readonly (string | number)[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} eller ${String(items.at(-1))}`;
}

/** Splits at `separator` outside quoted strings; throws on an unterminated quote. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < text.length) current += text[(i += 1)]!;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted) throw refuse(`anførselstegnet i '${text.trim()}' er ikke avsluttet`);
  parts.push(current);
  return parts;
}

/** The value of `name=value`: a token, or a quoted string with its escapes undone. */
function valueOf(raw: string, element: string): string {
  if (raw.startsWith('"')) {
    if (raw.length < 2 || !raw.endsWith('"')) throw refuse(`'${element}' har tekst etter anførselstegnene`);
    return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (!TOKEN.test(raw)) throw refuse(`verdien i '${element}' må være ett ord eller stå i anførselstegn`);
  return raw;
}

function parseValue(name: Name, value: string, statuses: readonly number[]): Preferences {
  switch (name) {
    case 'code': {
      const status = /^\d{3}$/.test(value) ? Number(value) : NaN;
      if (!statuses.includes(status)) throw refuse(`code=${value} er ikke en status dette endepunktet kan svare med: forventet ${alternatives(statuses)}`);
      return { code: status };
    }
    case 'kode': {
      const kode = FEILKODE_LIST.find((k) => k === value);
      if (!kode) throw refuse(`kode=${value} er ikke en feilkode API-et har: forventet ${alternatives(FEILKODE_LIST)}`);
      return { kode };
    }
    case 'delay': {
      const ms = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
      if (!(ms <= MAX_DELAY_MS)) throw refuse(`delay=${value} er ikke et helt antall millisekunder fra 0 til ${MAX_DELAY_MS}`);
      return { delay: ms };
    }
    case 'fault': {
      const fault = SOCKET_FAULTS.find((f) => f === value);
      if (!fault) throw refuse(`fault=${value} er ukjent: forventet ${alternatives(SOCKET_FAULTS)}`);
      return { fault };
    }
  }
}

/**
 * The preferences of a `Prefer` header (several headers arrive joined with commas), or an ApiError
 * KB-006 naming the offending preference. `statuses` are the statuses `code` may ask for.
 * Preference names are case-insensitive (RFC 7240); values are not.
 */
export function parsePrefer(header: string, statuses: readonly number[]): Preferences {
  const preferences: Preferences = {};
  for (const element of splitOutsideQuotes(header, ',')) {
    const [preference = '', ...parameters] = splitOutsideQuotes(element, ';');
    const text = preference.trim();
    if (text === '' && parameters.every((p) => p.trim() === '')) continue; // empty list elements are allowed
    const eq = text.indexOf('=');
    const rawName = (eq < 0 ? text : text.slice(0, eq)).trim();
    if (!TOKEN.test(rawName)) throw refuse(`'${element.trim()}' er ikke en preferanse på formen navn=verdi`);
    const name = NAMES.find((n) => n === rawName.toLowerCase());
    if (!name) throw refuse(`ukjent preferanse '${rawName}'`);
    if (parameters.some((p) => p.trim() !== '')) throw refuse(`'${element.trim()}': parametere etter ';' støttes ikke`);
    if (eq < 0 || text.slice(eq + 1).trim() === '') throw refuse(`${name} mangler verdi`);
    if (preferences[name] !== undefined) throw refuse(`${name} er oppgitt mer enn én gang`);
    Object.assign(preferences, parseValue(name, valueOf(text.slice(eq + 1).trim(), element.trim()), statuses));
  }
  const { code, kode } = preferences;
  if (code !== undefined && kode !== undefined && FEILKODER[kode].status !== code) {
    throw refuse(`code=${code} og kode=${kode} sier ulike ting: ${kode} har status ${FEILKODER[kode].status}`);
  }
  return preferences;
}

/** The preferences as one line for the journal, e.g. `Prefer: code=500, delay=200`. */
export function describePreferences(preferences: Preferences): string {
  const parts = NAMES.filter((n) => preferences[n] !== undefined).map((n) => `${n}=${String(preferences[n])}`);
  return `Prefer: ${parts.join(', ')}`;
}
