// Leaf values the contract drives, made by json-schema-faker from the scenario schema's own
// sub-schemas (contracts/scenario.schema.json), with Faker nb_NO filling the strings.
//
// Used for the one object whose values nothing else in the ledger decides: a third party who pays
// on the party's behalf (an accountant firm paying VAT and A-melding, a spouse paying the owner's
// taxes). Its shape — `navn` required, `kontonummer` optional, lengths and patterns — comes from
// `$defs/PaymentReceived/properties/betaler`; the generator only annotates the leaves: `navn` with a
// Faker template and `kontonummer` with a format that makes a valid (mod 11) account number, because
// the contract's `^\d{11}$` pattern alone would give numbers that fail the check digit.
// Everything the calendar rules decide (periods, due dates, amounts, KIDs) is not made here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Faker } from '@faker-js/faker';
import { generateSync, type JsonSchema, type Random } from 'json-schema-faker';
import { makeBankAccount } from '../../fixtures/builtin/identifiers.js';
import type { PayerSpec } from '../ledger/events.js';
import { contractsDir } from '../paths.js';
import { BANK_REGISTER_NUMBERS } from './identifiers.js';

type SchemaObject = Record<string, unknown>;

let scenarioSchema: SchemaObject | undefined;

function schemaDocument(): SchemaObject {
  scenarioSchema ??= JSON.parse(readFileSync(join(contractsDir, 'scenario.schema.json'), 'utf8')) as SchemaObject;
  return scenarioSchema;
}

/** The sub-schema at a JSON pointer of the scenario schema (`/$defs/PaymentReceived/properties/betaler`). */
export function contractSubschema(pointer: string): SchemaObject {
  let node: unknown = schemaDocument();
  for (const part of pointer.split('/').slice(1)) {
    node = (node as SchemaObject | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!node || typeof node !== 'object') throw new Error(`no sub-schema at ${pointer} in scenario.schema.json`);
  return node as SchemaObject;
}

/** `{ $ref: '#/$defs/X' }` replaced by a copy of X (the sub-schemas used here have no cycles). */
function inlineRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inlineRefs);
  if (!node || typeof node !== 'object') return node;
  const obj = node as SchemaObject;
  if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#')) {
    const { $ref, ...rest } = obj;
    return { ...(inlineRefs(contractSubschema(($ref as string).slice(1))) as SchemaObject), ...rest };
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inlineRefs(v)]));
}

const PAYER_POINTER = '/$defs/PaymentReceived/properties/betaler';

/** A valid account number from json-schema-faker's seeded random (the `kontonummer` format). */
function kontonummerFormat(random: Random): string {
  return makeBankAccount(random.pick(BANK_REGISTER_NUMBERS), random.int(0, 999_999));
}

export type ThirdPartyRole = 'regnskapsfoerer' | 'ektefelle';

/**
 * The payer object of a third party who pays for the party, generated from the contract's `betaler`
 * schema. `faker` must be the party's seeded instance; `seed` seeds json-schema-faker's own random.
 */
export function thirdPartyPayer(faker: Faker, seed: number, rolle: ThirdPartyRole, ownerLastName: string): PayerSpec {
  const base = inlineRefs(contractSubschema(PAYER_POINTER)) as SchemaObject;
  const properties = base.properties as Record<string, SchemaObject>;
  const navn =
    rolle === 'regnskapsfoerer'
      ? { 'helpers.fake': ['{{person.lastName}} Regnskap AS'] }
      : { 'helpers.fake': [`{{person.firstName}} ${ownerLastName.replace(/[{}]/g, '')}`] };
  const schema: JsonSchema = {
    ...base,
    properties: {
      ...properties,
      navn: { ...properties.navn, faker: navn },
      kontonummer: { ...properties.kontonummer, format: 'kontonummer' },
    },
  };
  const value = generateSync(schema, {
    seed,
    alwaysFakeOptionals: true,
    extensions: { faker },
    formats: { kontonummer: kontonummerFormat },
  }) as PayerSpec;
  return rolle === 'regnskapsfoerer' ? { ...value, navn: value.navn.toUpperCase() } : value;
}
