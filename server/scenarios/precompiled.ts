// The scenario schema's validator, precompiled by `npm run build`: ajv compiling the schema costs
// about 0.3 s of every start, its standalone code loads in a few milliseconds. The build writes
// dist/server/generated/scenario-validator.cjs from contracts/scenario.schema.json (same ajv options
// as the runtime, scenarioAjv) with the SHA-256 of the schema text it was made from; the server uses
// it only when that matches the schema it reads, so an edited schema is never checked by stale code.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { loadTaggedModule, taggedModuleSource, writeModule } from '../precompiled-module.js';
import { scenarioAjv, scenarioSchemaFile } from './schema-validation.js';

/** Where the build puts it: next to this module's compiled form, dist/server/generated/. */
export const precompiledFile = fileURLToPath(new URL('../generated/scenario-validator.cjs', import.meta.url));

/** CommonJS source of the validator for this schema text: the module is the validate function. */
export function precompiledSource(schemaText: string): string {
  const ajv = scenarioAjv({ source: true });
  const validate = ajv.compile(JSON.parse(schemaText) as object);
  return taggedModuleSource('contracts/scenario.schema.json (server/scenarios/precompiled.ts)', standaloneCode.default(ajv, validate), schemaText);
}

/** The precompiled validator when it exists and was made from `schemaText`; otherwise undefined. */
export function precompiledScenarioValidator(schemaText: string, file = precompiledFile): ValidateFunction | undefined {
  const loaded = loadTaggedModule(file, schemaText);
  return typeof loaded === 'function' ? (loaded as ValidateFunction) : undefined;
}

/** Writes the precompiled validator (a build step, server/precompile.ts). */
export function writePrecompiledValidator(file = precompiledFile): void {
  writeModule(file, precompiledSource(readFileSync(scenarioSchemaFile, 'utf8')));
}
