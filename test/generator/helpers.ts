// Shared by the generator tests: a run at a fixed clock, and the scenario schema compiled with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { type GeneratedParty, createRunContext, generateParty } from '../../server/generator/party-ledger.js';
import { contractsDir } from '../../server/paths.js';

export const CLOCK = '2026-11-26';

/** Parties `from`..`to-1` of a run, generated in memory. */
export function parties(seed: number, count: number, clock = CLOCK, from = 0): GeneratedParty[] {
  const ctx = createRunContext(seed, clock);
  return Array.from({ length: count }, (_, i) => generateParty(ctx, from + i));
}

let validate: ValidateFunction | undefined;

/** contracts/scenario.schema.json, compiled as strictly as the loader compiles it. */
export function scenarioSchemaValidator(): ValidateFunction {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(contractsDir, 'scenario.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, discriminator: true, strict: true, strictRequired: false, multipleOfPrecision: 2 });
    validate = ajv.compile(schema);
  }
  return validate;
}
