// Pact matchers derived from contracts/openapi.yaml. A consumer test hands a realistic example (a
// response it has seen) and the name of the contract schema it belongs to; the walker turns every
// value into the matcher the contract justifies, so a pact describes the API - types, dates,
// identifiers, enums, non-empty lists - and not the one data set the example came from.
import { MatchersV3, XmlBuilder, type Matcher, type Rules, type XmlElement } from '@pact-foundation/pact';
import { createContract, type Contract } from '../contract.js';

/** The part of a JSON Schema (OpenAPI 3.1) the walker reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  xml?: { name?: string; namespace?: string };
}

/** A rule for a field the contract types only as `string`, by field name. */
export interface IdentifierRule {
  /** Regular expression the value must match; absent for identifiers that are only type-matched. */
  pattern?: string;
  /** Why: what the identifier is and where the rule comes from. */
  description: string;
}

/**
 * Norwegian identifiers and codes the contract types only as `string`, matched by field name (the
 * exact JSON name, with the API's spellings). A contract `format`, `enum` or `pattern` always wins
 * over this table. Rules with a pattern become `regex` matchers; the others are documented here as
 * deliberately type-matched, because their shape differs between Skatteetaten's ledgers.
 *
 * | field | rule |
 * |---|---|
 * | `partIdentifikator` | 9 digits (organisasjonsnummer) or 11 digits (fødselsnummer/D-nummer) |
 * | `organisasjonsnummer` | 9 digits |
 * | `kidnummer` | 2-25 characters, digits with a mod 11 check digit that may be `-` |
 * | `kontonummer` | 11 digits, or masked to the last 5 digits (`******12345`), or a masked payout account (`627xxxxxx`) |
 * | `korrelasjonsid` | UUID (the id for support requests) |
 * | `iban` | 2 letters, 2 check digits, 11-30 letters/digits, spaces allowed (`NO42 7694 0524 802`) |
 * | `swiftBIC` | 8 or 11 characters (`DNBANOKK`, `DNBANOKKXXX`) |
 * | `valutakode` | ISO 4217: 3 capital letters (`NOK`) |
 * | `spraak` | 2-letter language code (`nb`) |
 * | `aar` | a four-digit year |
 * | `kravidentifikator`, `hovedstolKravidentifikator`, `kravforfallsIdentifikator`, `kravforfallIdentifikator`, `kravforfallidentifikator`, `innbetalingsidentifikator`, `innbetalingsIdentifikator`, `utbetalingsidentifikator`, `motregningsidentifikator` | type only: `KRAV-33712709` in the MVA ledger, `253517389` in the others |
 */
export const IDENTIFIER_RULES: Readonly<Record<string, IdentifierRule>> = {
  partIdentifikator: { pattern: '^([0-9]{9}|[0-9]{11})$', description: 'organisasjonsnummer (9 digits) or fødselsnummer/D-nummer (11 digits)' },
  organisasjonsnummer: { pattern: '^[0-9]{9}$', description: 'organisasjonsnummer, 9 digits' },
  kidnummer: { pattern: '^[0-9]{1,24}[0-9-]$', description: 'KID: 2-25 digits; a mod 11 check digit may be -' },
  kontonummer: {
    pattern: '^([0-9]{11}|\\*{6}[0-9]{5}|[0-9]{3}x{6})$',
    description: 'Norwegian account number (11 digits), a payer account masked to its last 5 digits (******12345) or a masked payout account (627xxxxxx)',
  },
  korrelasjonsid: {
    pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
    description: 'correlation id, a UUID',
  },
  iban: { pattern: '^[A-Z]{2}[0-9]{2}( ?[0-9A-Z]){11,30}$', description: 'IBAN, with or without spaces as Skatteetaten publishes it' },
  swiftBIC: { pattern: '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$', description: 'SWIFT/BIC, 8 or 11 characters' },
  valutakode: { pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' },
  spraak: { pattern: '^[a-z]{2}$', description: 'language code' },
  aar: { pattern: '^[0-9]{4}$', description: 'year' },
  kravidentifikator: { description: 'claim id: KRAV-<n> (MVA ledger) or digits (other ledgers)' },
  hovedstolKravidentifikator: { description: 'id of the principal claim, same shapes as kravidentifikator' },
  kravforfallsIdentifikator: { description: 'instalment id, same shapes as kravidentifikator (or FORF-<n>)' },
  kravforfallIdentifikator: { description: 'instalment id (spelling of KravPlassertMotInnbetaling)' },
  kravforfallidentifikator: { description: 'instalment id (spelling of KreditKrav)' },
  innbetalingsidentifikator: { description: 'payment id: FORF-<n> or digits' },
  innbetalingsIdentifikator: { description: 'payment id (spelling of the placement objects)' },
  utbetalingsidentifikator: { description: 'payout id' },
  motregningsidentifikator: { description: 'set-off id' },
};

const DATE_FORMAT = 'yyyy-MM-dd';
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Numbers as text in XML: amounts may be whole or have decimals. */
const XML_NUMBER = '^-?[0-9]+(\\.[0-9]+)?$';
const XML_INTEGER = '^-?[0-9]+$';
const XML_BOOLEAN = '^(true|false)$';

let defaultContract: Contract | undefined;
function contractOrDefault(contract: Contract | undefined): Contract {
  return contract ?? (defaultContract ??= createContract());
}

class ExampleError extends Error {
  override name = 'ContractExampleError';
}

/** The named schema, or an error naming it and the schemas that exist. */
function namedSchema(contract: Contract, name: string): Schema {
  const schema = contract.document.components.schemas[name] as Schema | undefined;
  if (!schema) {
    throw new ExampleError(`contract has no schema '${name}' (schemas: ${contract.schemaNames().join(', ')})`);
  }
  return schema;
}

function resolve(contract: Contract, schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; current.$ref; depth++) {
    if (depth > 20) throw new ExampleError(`$ref chain too deep at ${schema.$ref}`);
    current = namedSchema(contract, current.$ref.replace('#/components/schemas/', ''));
  }
  return current;
}

function typeOf(schema: Schema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One element that stands for all elements of an example list: the properties every element has
 * (recursively), with the first element's values. A list that is empty in some elements and not in
 * others is left out, because `eachLike` needs at least one element and `[]` needs none.
 */
export function commonShape(values: readonly unknown[]): unknown {
  const first = values[0];
  if (values.length <= 1) return first;
  if (values.every(isObject)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(first as Record<string, unknown>)) {
      const all = values.map((v) => (v as Record<string, unknown>)[key]);
      if (all.some((v) => v === undefined)) continue;
      if (all.every(Array.isArray)) {
        const lists = all as unknown[][];
        const empty = lists.filter((l) => l.length === 0).length;
        if (empty === lists.length) out[key] = [];
        else if (empty === 0) out[key] = [commonShape(lists.flat())];
        continue;
      }
      out[key] = commonShape(all);
    }
    return out;
  }
  return first;
}

/** The matcher for a string leaf: contract format, enum and pattern first, then the identifier table. */
function stringMatcher(schema: Schema, value: string, field: string | undefined, path: string): unknown {
  if (schema.format === 'date') {
    if (!DATE.test(value)) throw new ExampleError(`${path}: '${value}' is not a date (YYYY-MM-DD) as the contract's format: date requires`);
    return MatchersV3.date(DATE_FORMAT, value);
  }
  if (schema.format === 'date-time') {
    const match = DATE_TIME.exec(value);
    if (!match) throw new ExampleError(`${path}: '${value}' is not an RFC 3339 date-time as the contract's format: date-time requires`);
    const fraction = match[1] ? `.${'S'.repeat(match[1].length - 1)}` : '';
    return MatchersV3.datetime(`yyyy-MM-dd'T'HH:mm:ss${fraction}XXX`, value);
  }
  if (schema.enum) {
    const allowed = schema.enum.map(String);
    if (!allowed.includes(value)) throw new ExampleError(`${path}: '${value}' is not one of the contract's values ${allowed.join(', ')}`);
    return MatchersV3.regex(`^(${allowed.map(escapeRegex).join('|')})$`, value);
  }
  const pattern = schema.pattern ?? (field === undefined ? undefined : IDENTIFIER_RULES[field]?.pattern);
  if (pattern !== undefined) {
    if (!new RegExp(pattern).test(value)) throw new ExampleError(`${path}: '${value}' does not match ${pattern}`);
    return MatchersV3.regex(pattern, value);
  }
  return MatchersV3.string(value);
}

type Leaf = (schema: Schema, value: unknown, field: string | undefined, path: string) => unknown;

/** Checks the example's value against the schema type and returns the JSON matcher for a leaf. */
const jsonLeaf: Leaf = (schema, value, field, path) => {
  const type = typeOf(schema);
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw new ExampleError(`${path}: expected a string as the contract says, got ${JSON.stringify(value)}`);
      return stringMatcher(schema, value, field, path);
    case 'integer':
      if (!Number.isInteger(value)) throw new ExampleError(`${path}: expected an integer as the contract says, got ${JSON.stringify(value)}`);
      return MatchersV3.integer(value as number);
    case 'number':
      if (typeof value !== 'number') throw new ExampleError(`${path}: expected a number as the contract says, got ${JSON.stringify(value)}`);
      // Not `decimal`: amounts such as 10000.0 arrive as whole numbers in JSON.
      return MatchersV3.number(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new ExampleError(`${path}: expected a boolean as the contract says, got ${JSON.stringify(value)}`);
      return MatchersV3.boolean(value);
    default:
      return MatchersV3.like(value);
  }
};

function walkJson(contract: Contract, schemaIn: Schema, value: unknown, field: string | undefined, path: string): unknown {
  const schema = resolve(contract, schemaIn);
  const type = typeOf(schema);
  if (type === 'object') {
    if (!isObject(value)) throw new ExampleError(`${path}: expected an object as the contract says, got ${JSON.stringify(value)}`);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const childSchema = schema.properties?.[key];
      if (!childSchema) {
        throw new ExampleError(`${path}.${key}: the contract does not declare '${key}' here (declared: ${Object.keys(schema.properties ?? {}).join(', ')})`);
      }
      out[key] = walkJson(contract, childSchema, child, key, `${path}.${key}`);
    }
    return out;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) throw new ExampleError(`${path}: expected an array as the contract says, got ${JSON.stringify(value)}`);
    if (value.length === 0) return [];
    return MatchersV3.eachLike(walkJson(contract, schema.items ?? {}, commonShape(value), field, `${path}[*]`), 1);
  }
  return jsonLeaf(schema, value, field, path);
}

/**
 * A Pact (V3/V4) matcher template for a JSON body, derived from the contract.
 *
 * Walks `components.schemas[schemaName]` of `contracts/openapi.yaml` alongside `example`:
 * - objects keep the example's properties, each matched by its own schema; a property the contract
 *   does not declare is an error (so a renamed field cannot slip into a pact);
 * - arrays become `eachLike(item)` with at least one element, where `item` is the shape all example
 *   elements share ({@link commonShape}); an empty example array stays `[]`;
 * - strings: `format: date` → `date('yyyy-MM-dd')`, `format: date-time` → `datetime`, `enum` → a regex
 *   of the alternatives, a contract `pattern` → that regex, else a Norwegian identifier rule by
 *   field name ({@link IDENTIFIER_RULES}), else a type match;
 * - numbers → `number` (whole or decimal), integers → `integer`, booleans → `boolean`.
 *
 * The example must fit the contract: a value of the wrong type, a date that is not a date or a value
 * outside an enum or pattern throws an error naming its path.
 *
 * @param schemaName a schema in `components.schemas`, e.g. `AapneKrav`, `Utbetalinger`, `Feil`
 * @param example a realistic value of that schema, e.g. a response recorded from kravmock
 * @param contract the compiled contract; `contracts/openapi.yaml` when not given
 * @throws when the schema does not exist or the example does not fit it
 */
export function matchContract(schemaName: string, example: unknown, contract?: Contract): unknown {
  const c = contractOrDefault(contract);
  return walkJson(c, namedSchema(c, schemaName), example, undefined, `${schemaName}`);
}

/** The XML text matcher for a leaf: numbers and booleans are text in XML, so they become regexes. */
const xmlLeaf: Leaf = (schema, value, field, path) => {
  const text = String(value);
  switch (typeOf(schema)) {
    case 'integer':
      jsonLeaf(schema, value, field, path);
      return MatchersV3.regex(XML_INTEGER, text);
    case 'number':
      jsonLeaf(schema, value, field, path);
      return MatchersV3.regex(XML_NUMBER, text);
    case 'boolean':
      jsonLeaf(schema, value, field, path);
      return MatchersV3.regex(XML_BOOLEAN, text);
    default:
      return jsonLeaf(schema, value, field, path);
  }
};

/**
 * Element attributes as pact-js writes them: its XmlBuilder serialises with JSON.stringify, which
 * turns the declared Map into `{}`, so the attributes are handed over as a plain object.
 */
const attributes = (values: Record<string, string>): Map<string, string> => values as unknown as Map<string, string>;

/** A matching rule for `builder.matchingRules({ body: [...] })`. */
export interface XmlBodyRule {
  path: string;
  rules: Matcher<unknown>[];
}

/** An XML response body for Pact: the body for `builder.xmlBody()` and the rules it needs besides. */
export interface ContractXmlBody {
  /** pact-js XmlBuilder output, for `builder.xmlBody(body)`. */
  body: string;
  /**
   * Matching rules for `builder.matchingRules({ body: matchingRules })`. Pact matches elements of a
   * namespaced document by their namespace-qualified names (`$['urn:…:feil']['urn:…:melding']`),
   * which the rules XmlBuilder writes do not reach; for a schema with `xml.namespace` every rule is
   * written here with qualified paths. Empty for documents without a namespace.
   */
  matchingRules: XmlBodyRule[];
}

interface XmlWalk {
  contract: Contract;
  namespace: string | undefined;
  rules: XmlBodyRule[];
  /** Leaves kept exact, by path (e.g. `Feil.kode`). */
  exact: ReadonlySet<string>;
}

const qualified = (walk: XmlWalk, names: readonly string[]): string =>
  `$${names.map((n) => `['${walk.namespace}:${n}']`).join('')}`;

/** Throws unless every element of an example list has the same elements (recursively) as their common shape. */
function assertUniform(values: readonly unknown[], common: unknown, path: string): void {
  if (!isObject(common)) return;
  for (const [i, value] of values.entries()) {
    if (!isObject(value)) continue;
    const extra = Object.keys(value).filter((k) => value[k] !== undefined && !(k in common));
    if (extra.length > 0) {
      throw new ExampleError(
        `${path}: element ${i} has ${extra.map((k) => `<${k}>`).join(', ')} that other elements lack. Pact reports an XML child the ` +
          'expectation does not name as a mismatch, so the elements of an XML list must all have the same children: pick an example whose list elements agree',
      );
    }
    for (const [key, child] of Object.entries(common)) {
      const actual = value[key];
      if (Array.isArray(child) && Array.isArray(actual)) assertUniform(actual, child[0], `${path}.${key}`);
      else if (isObject(child)) assertUniform([actual], child, `${path}.${key}`);
    }
  }
}

function appendXml(walk: XmlWalk, parent: XmlElement, names: readonly string[], schemaIn: Schema, value: unknown, path: string): void {
  const schema = resolve(walk.contract, schemaIn);
  const name = names.at(-1)!;
  const none = attributes({});
  if (typeOf(schema) === 'array') {
    if (!Array.isArray(value)) throw new ExampleError(`${path}: expected an array as the contract says, got ${JSON.stringify(value)}`);
    if (value.length === 0) return; // repeated elements without a wrapper: an empty list is no element
    const item = commonShape(value);
    assertUniform(value, item, path);
    if (walk.namespace) walk.rules.push({ path: qualified(walk, names), rules: [{ 'pact:matcher:type': 'type', min: 1 } as Matcher<unknown>] });
    const itemSchema = resolve(walk.contract, schema.items ?? {});
    parent.eachLike(name, none, (el) => fillXml(walk, el, names, itemSchema, item, `${path}[*]`), { min: 1, examples: 1 });
    return;
  }
  parent.appendElement(name, none, (el) => fillXml(walk, el, names, schema, value, path));
}

function fillXml(walk: XmlWalk, el: XmlElement, names: readonly string[], schema: Schema, value: unknown, path: string): void {
  if (typeOf(schema) === 'object') {
    if (!isObject(value)) throw new ExampleError(`${path}: expected an object as the contract says, got ${JSON.stringify(value)}`);
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const childSchema = schema.properties?.[key];
      if (!childSchema) {
        throw new ExampleError(`${path}.${key}: the contract does not declare '${key}' here (declared: ${Object.keys(schema.properties ?? {}).join(', ')})`);
      }
      appendXml(walk, el, [...names, key], childSchema, child, `${path}.${key}`);
    }
    return;
  }
  const matcher = xmlLeaf(schema, value, names.at(-1), path) as Matcher<string>;
  if (walk.exact.has(path)) {
    el.appendText(String(value));
  } else if (walk.namespace) {
    el.appendText(String(value));
    walk.rules.push({ path: `${qualified(walk, names)}['#text']`, rules: [matcher] });
  } else {
    el.appendText(matcher);
  }
}

function buildXml(schemaName: string, example: unknown, contract: Contract, exact: ReadonlySet<string>): ContractXmlBody {
  const schema = resolve(contract, namedSchema(contract, schemaName));
  const root = schema.xml?.name;
  if (!root) throw new ExampleError(`contract schema '${schemaName}' has no xml.name, so it has no XML root element`);
  const walk: XmlWalk = { contract, namespace: schema.xml?.namespace, rules: [], exact };
  const body = new XmlBuilder('1.0', 'UTF-8', root).build((el) => {
    if (walk.namespace) el.setAttributes(attributes({ xmlns: walk.namespace }));
    fillXml(walk, el, [root], schema, example, schemaName);
  });
  return { body, matchingRules: walk.rules };
}

/**
 * A Pact XML body derived from the contract, the XML twin of {@link matchContract}. The root element
 * is the schema's `xml.name` (with its `xml.namespace` as `xmlns`); other element names equal the
 * JSON names and arrays are repeated elements without a wrapper, as the contract describes the XML.
 * Leaves get the same matchers as in JSON, except that numbers and booleans, being text in XML,
 * are matched by regex. Use {@link withXmlBody} to put it on a response.
 *
 * Pact matches XML more strictly than JSON: a child element the expectation does not name is a
 * mismatch. So the example must name every child element the provider sends, and the elements of
 * an example list must all have the same children (an error says which do not).
 *
 * @param schemaName a schema with an `xml.name`, e.g. `Utbetalinger` (root `utbetalinger`) or `Feil` (root `feil`)
 * @param example a realistic value of the schema in its JSON shape
 * @throws when the schema does not exist, has no XML name, or the example does not fit it
 */
export function matchContractXml(schemaName: string, example: unknown, contract?: Contract): ContractXmlBody {
  return buildXml(schemaName, example, contractOrDefault(contract), new Set());
}

/** What {@link withXmlBody} needs of a pact-js response (or request) builder. */
export interface XmlBodyBuilder {
  xmlBody(body: unknown): unknown;
  matchingRules(rules: Rules): unknown;
}

/**
 * Puts a contract-derived XML body on a pact-js V4 builder:
 * `.willRespondWith(200, (b) => withXmlBody(b, matchContractXml('Utbetalinger', example)))`.
 */
export function withXmlBody<B extends XmlBodyBuilder>(builder: B, xml: ContractXmlBody): B {
  builder.xmlBody(xml.body);
  if (xml.matchingRules.length > 0) builder.matchingRules({ body: xml.matchingRules });
  return builder;
}

/** The three fields of an error body. */
export interface FeilExample {
  kode: string;
  melding?: string;
  korrelasjonsid?: string;
}

const EXAMPLE_KORRELASJONSID = '0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10';

function feilExample(kode: string, example: Omit<FeilExample, 'kode'>): Required<FeilExample> {
  if (!/^[A-Z]+-[0-9]{3}$/.test(kode)) throw new ExampleError(`error code '${kode}' is not of the form KB-006`);
  return {
    kode,
    melding: example.melding ?? `Feil ${kode}`,
    korrelasjonsid: example.korrelasjonsid ?? EXAMPLE_KORRELASJONSID,
  };
}

/**
 * The JSON body of an error response (`Feil`): `kode` exactly (it is what a client branches on),
 * `melding` by type (the text may vary for the same code), `korrelasjonsid` as a UUID.
 *
 * @param kode the error code the interaction expects, e.g. `KB-006`
 * @param example optional example values for `melding` and `korrelasjonsid`
 */
export function errorBody(kode: string, example: Omit<FeilExample, 'kode'> = {}): unknown {
  const feil = feilExample(kode, example);
  return { ...(matchContract('Feil', feil) as Record<string, unknown>), kode };
}

/**
 * The XML body of an error response: `<feil xmlns="urn:no:skatteetaten:datasamarbeid:feil:v1">`
 * with `kode` exact, `melding` by type and `korrelasjonsid` as a UUID. Put it on a response with
 * {@link withXmlBody}.
 */
export function errorBodyXml(kode: string, example: Omit<FeilExample, 'kode'> = {}): ContractXmlBody {
  return buildXml('Feil', feilExample(kode, example), contractOrDefault(undefined), new Set(['Feil.kode']));
}
