// A scenario document against contracts/scenario.schema.json (compiled once, on first use), with
// ajv's errors turned into messages a scenario author can act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/core.js';
import addFormats from 'ajv-formats';
import { contractsDir } from '../paths.js';
import { precompiledScenarioValidator } from './precompiled.js';
import { pointerToPath, type PathProblem, type PathSegment } from './path.js';

export const scenarioSchemaFile = join(contractsDir, 'scenario.schema.json');

type Json = Record<string, unknown>;

interface Compiled {
  validate: ValidateFunction;
  schema: Json;
  /** The event types the `Event` discriminator knows, in schema order. */
  eventTypes: string[];
  /** Message makers for the schema's patterns, by pattern source. */
  patterns: Map<string, (shown: string) => string>;
}

let compiled: Compiled | undefined;

const DATE_MESSAGE = (shown: string): string => `${shown} is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y`;
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

function definitions(schema: Json): Record<string, Json> {
  return (schema.$defs ?? {}) as Record<string, Json>;
}

function patternMessages(schema: Json): Map<string, (shown: string) => string> {
  const defs = definitions(schema);
  const byDef: Record<string, (shown: string) => string> = {
    DateExpression: DATE_MESSAGE,
    IsoDate: (shown) => `${shown} is not a date: expected YYYY-MM-DD (an absolute date; only event dates may be relative)`,
    PartIdentifikator: (shown) => `${shown} is not a party identifier: expected an organisation number (9 digits) or a fødselsnummer/D-number (11 digits)`,
    Kid: (shown) => `${shown} is not a KID: expected 2 to 25 digits, the last a MOD10 or MOD11 check digit`,
    Kontonummer: (shown) => `${shown} is not an account number: expected 11 digits`,
  };
  const map = new Map<string, (shown: string) => string>();
  for (const [name, make] of Object.entries(byDef)) {
    const pattern = defs[name]?.pattern;
    if (typeof pattern === 'string') map.set(pattern, make);
  }
  const namePattern = ((schema.properties as Record<string, Json> | undefined)?.name?.pattern);
  if (typeof namePattern === 'string') {
    map.set(namePattern, (shown) => `${shown} is not a scenario name: expected lower-case letters, digits and hyphens, starting with a letter or digit, at most 80 characters`);
  }
  map.set(ID_PATTERN, (shown) => `${shown} is not an identifier: expected letters, digits, '.', '_' and '-', starting with a letter or digit`);
  map.set('^\\d{4}$', (shown) => `${shown} is not a year: expected 4 digits, e.g. '2024'`);
  return map;
}

function eventTypesOf(schema: Json): string[] {
  const defs = definitions(schema);
  const branches = (defs.Event?.oneOf ?? []) as { $ref?: string }[];
  return branches.flatMap((b) => {
    const name = b.$ref?.replace('#/$defs/', '');
    const type = name ? ((defs[name]?.properties as Record<string, Json> | undefined)?.type?.const) : undefined;
    return typeof type === 'string' ? [type] : [];
  });
}

/** ajv's options for the scenario schema; the build's precompiled validator uses the same. */
export function scenarioAjv(code?: CodeOptions): Ajv2020 {
  // multipleOfPrecision: 0.01 is not exact in binary, so without it ajv rejects amounts such as 0.07;
  // 2 (a tolerance of 1/100 of an øre) still rejects 10.005 and 10.001 and accepts every two-decimal
  // amount up to the schema's maximum of 100 000 000 000.
  const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, verbose: true, multipleOfPrecision: 2, ...(code ? { code } : {}) });
  addFormats.default(ajv);
  return ajv;
}

/**
 * The schema's validator (once): the one `npm run build` precompiled (server/scenarios/precompiled.ts)
 * when it was made from this very schema text, otherwise compiled here. Exported so a server can pay
 * the cost at start rather than on the first load.
 */
export function scenarioSchema(): Compiled {
  if (compiled) return compiled;
  const text = readFileSync(scenarioSchemaFile, 'utf8');
  const schema = JSON.parse(text) as Json;
  const validate = precompiledScenarioValidator(text) ?? scenarioAjv().compile(schema);
  compiled = { validate, schema, eventTypes: eventTypesOf(schema), patterns: patternMessages(schema) };
  return compiled;
}

/** `'text'` for strings (shortened), JSON for anything else. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${show(value)}`;
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function typeNames(types: string[]): string {
  const names = [...new Set(types)].map((t) => TYPE_NAMES[t] ?? t);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]!}`;
}

export interface SchemaValidationContext {
  format: 'yaml' | 'json';
}

type VerboseError = ErrorObject & { parentSchema?: Json; data?: unknown };

function typeProblem(expected: string[], data: unknown, path: PathSegment[], context: SchemaValidationContext): PathProblem {
  const problem: PathProblem = { path, message: `expected ${typeNames(expected)} but got ${kindOf(data)}` };
  if (expected.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    problem.quote = { mark: context.format === 'json' ? '"' : "'", value: String(data) };
  }
  return problem;
}

function amountWord(error: VerboseError): string {
  return error.parentSchema?.multipleOf === 0.01 ? 'amount ' : '';
}

function messageFor(error: VerboseError, path: PathSegment[], c: Compiled, context: SchemaValidationContext): PathProblem | undefined {
  const data = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path, message: `missing required property '${String(params.missingProperty)}'` };
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties ?? {}) as Json);
      return { path: [...path, key], target: 'key', message: `unknown property '${key}' (allowed: ${allowed.join(', ')})` };
    }
    case 'type':
      return typeProblem([String(params.type)], data, path, context);
    case 'enum':
      return { path, message: `${show(data)} is not one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'const':
      return { path, message: `${show(data)} is not allowed here: expected ${show(params.allowedValue)}` };
    case 'pattern': {
      const make = c.patterns.get(String(params.pattern));
      if (make) return { path, message: make(show(data)) };
      const description = error.parentSchema?.description;
      return { path, message: `${show(data)} does not match ${typeof description === 'string' ? description : `the pattern ${String(params.pattern)}`}` };
    }
    case 'multipleOf':
      return params.multipleOf === 0.01
        ? { path, message: `amount ${String(data)} has more than two decimals` }
        : { path, message: `${String(data)} is not a multiple of ${String(params.multipleOf)}` };
    case 'exclusiveMinimum':
      return { path, message: `${amountWord(error)}${String(data)} must be more than ${String(params.limit)}` };
    case 'minimum':
      return { path, message: `${amountWord(error)}${String(data)} must be at least ${String(params.limit)}` };
    case 'maximum':
      return { path, message: `${amountWord(error)}${String(data)} must be at most ${String(params.limit)}` };
    case 'exclusiveMaximum':
      return { path, message: `${amountWord(error)}${String(data)} must be less than ${String(params.limit)}` };
    case 'minLength':
      return data === ''
        ? { path, message: 'must not be empty' }
        : { path, message: `${show(data)} is too short: expected at least ${String(params.limit)} characters` };
    case 'maxLength':
      return { path, message: `too long: ${typeof data === 'string' ? data.length : '?'} characters, at most ${String(params.limit)} allowed` };
    case 'minItems':
      return Array.isArray(data) && data.length === 0
        ? { path, message: `must not be empty: expected at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` }
        : { path, message: `expected at least ${String(params.limit)} items, got ${Array.isArray(data) ? data.length : '?'}` };
    case 'maxItems':
      return { path, message: `expected at most ${String(params.limit)} items, got ${Array.isArray(data) ? data.length : '?'}` };
    case 'uniqueItems': {
      const i = Number(params.i);
      const j = Number(params.j);
      const later = Math.max(i, j);
      const earlier = Math.min(i, j);
      const item = Array.isArray(data) ? data[later] : undefined;
      return { path: [...path, later], message: `${show(item)} is listed twice (also at [${earlier}])` };
    }
    case 'discriminator': {
      const tag = String(params.tag);
      return {
        path: [...path, tag],
        message: `unknown event type ${show(params.tagValue)} (expected one of: ${c.eventTypes.join(', ')})`,
      };
    }
    case 'oneOf':
      return undefined; // its branches' errors say more (see suppressOneOfNoise)
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

/**
 * Drops what a failed `oneOf` adds on top of its branches' errors: the `oneOf` error itself, and
 * the type mismatches of the branches whose type did not fit when another branch's type did (its
 * error is the specific one). When no branch's type fits, the type errors become one.
 */
function suppressOneOfNoise(errors: VerboseError[]): VerboseError[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  if (oneOfPaths.size === 0) return errors;
  const out: VerboseError[] = [];
  const mergedType = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf') continue;
    if (e.keyword === 'type' && oneOfPaths.has(e.instancePath)) {
      const specific = errors.some(
        (o) => (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)) && o.keyword !== 'type' && o.keyword !== 'oneOf',
      );
      if (specific) continue;
      if (mergedType.has(e.instancePath)) continue;
      mergedType.add(e.instancePath);
      const types = errors.filter((o) => o.keyword === 'type' && o.instancePath === e.instancePath).map((o) => String((o.params as Json).type));
      out.push({ ...e, params: { type: types.join(',') } });
      continue;
    }
    out.push(e);
  }
  return out;
}

/** Every schema problem of a scenario document, located by path; empty when it is valid. */
/** Schema problems listed per document at most (one more line says there are more). */
export const MAX_SCHEMA_PROBLEMS = 1000;

export function validateAgainstSchema(data: unknown, context: SchemaValidationContext): PathProblem[] {
  const c = scenarioSchema();
  if (c.validate(data)) return [];
  let errors = (c.validate.errors ?? []) as VerboseError[];
  errors = suppressOneOfNoise(errors);
  // A missing discriminator tag is already reported as a missing required property.
  const missing = new Set(errors.filter((e) => e.keyword === 'required').map((e) => `${e.instancePath}\u0000${String((e.params as Json).missingProperty)}`));
  const problems: PathProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const params = e.params as Json;
    if (e.keyword === 'discriminator' && params.error === 'tag' && missing.has(`${e.instancePath}\u0000${String(params.tag)}`)) continue;
    const path = pointerToPath(e.instancePath, data);
    const p = e.keyword === 'type' ? typeProblem(String(params.type).split(','), e.data, path, context) : messageFor(e, path, c, context);
    if (!p) continue;
    const key = `${p.path.join('\u0000')}\u0001${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
    // A document with a hundred thousand unknown keys must not cost seconds of messages nobody reads.
    if (problems.length === MAX_SCHEMA_PROBLEMS && errors.length > MAX_SCHEMA_PROBLEMS) {
      problems.push({ path: [], message: `only the first ${MAX_SCHEMA_PROBLEMS} problems against the schema are listed (the document has more to check): fix them and check again` });
      break;
    }
  }
  return problems;
}
