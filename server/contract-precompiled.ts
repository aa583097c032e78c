// The contract's schema validators, precompiled by `npm run build` (ajv standalone code). Compiling
// them with ajv costs the first answer of each kind a tenth of a second and registering the contract's
// schemas costs every start; the precompiled module loads in milliseconds. It is tagged with the
// SHA-256 of the schemas it was made from and used only for exactly those (a contract given to
// createContract, or an edited one, is compiled as before).
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/core.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { loadContractDocument, type OpenApiDocument } from './contract.js';
import { loadTaggedModule, taggedModuleSource, writeModule } from './precompiled-module.js';

export const CONTRACT_ID = 'https://kravmock.local/contracts/openapi.yaml';
// OpenAPI keywords that are annotations, not JSON Schema assertions.
const ANNOTATIONS = ['xml', 'example', 'x-kravmock-choice', 'discriminator', 'externalDocs'];

/** Where the build puts it: dist/server/generated/, next to the compiled modules. */
export const contractValidatorsFile = fileURLToPath(new URL('./generated/contract-validators.cjs', import.meta.url));

export interface ContractSchemas {
  /** The component schemas as one JSON Schema's `$defs` (refs rewritten to match). */
  defs: Record<string, object>;
  /** The distinct schemas of the operations' parameters (they have no $ref), as JSON text. */
  parameterSchemas: string[];
  /** What the validators are made from, as one text: its hash tags the precompiled module. */
  text: string;
}

export function contractSchemas(doc: OpenApiDocument): ContractSchemas {
  const defsText = JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/');
  const parameters = [
    ...Object.values(doc.components.parameters ?? {}),
    ...Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => op.parameters ?? [])),
  ];
  const parameterSchemas = [...new Set(parameters.flatMap((p) => ('schema' in p && p.schema ? [JSON.stringify(p.schema)] : [])))];
  return { defs: JSON.parse(defsText) as Record<string, object>, parameterSchemas, text: `${defsText}\n${JSON.stringify(parameterSchemas)}` };
}

export interface PrecompiledContract {
  /** Validators by component schema name. */
  schemas: Record<string, ValidateFunction>;
  /** Validators by parameter schema, as JSON text. */
  parameters: Map<string, ValidateFunction>;
}

/** ajv as the contract's validators use it; with `defs`, the schemas registered under `CONTRACT_ID#/$defs/<Name>`. */
export function contractAjv(defs?: Record<string, object>, code?: CodeOptions): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, ...(code ? { code } : {}) });
  addFormats.default(ajv);
  for (const keyword of ANNOTATIONS) ajv.addKeyword(keyword);
  if (defs) ajv.addSchema({ $id: CONTRACT_ID, $defs: defs });
  return ajv;
}

/**
 * CommonJS source exporting one validator per component schema (by name) and per parameter schema
 * (`parameter<i>`, in the order of `contractSchemas(doc).parameterSchemas`).
 */
export function contractValidatorsSource(doc: OpenApiDocument): string {
  const { defs, parameterSchemas, text } = contractSchemas(doc);
  const ajv = contractAjv(defs, { source: true });
  const refs: Record<string, string> = Object.fromEntries(Object.keys(defs).map((name) => [name, `${CONTRACT_ID}#/$defs/${name}`]));
  parameterSchemas.forEach((json, i) => {
    ajv.addSchema(JSON.parse(json) as object, `${CONTRACT_ID}/parameters/${i}`);
    refs[`parameter${i}`] = `${CONTRACT_ID}/parameters/${i}`;
  });
  return taggedModuleSource('contracts/openapi.yaml (server/contract-precompiled.ts)', standaloneCode.default(ajv, refs), text);
}

/** The precompiled validators, when the file exists and was made from exactly these schemas. */
export function precompiledContractValidators(schemas: ContractSchemas, file = contractValidatorsFile): PrecompiledContract | undefined {
  const loaded = loadTaggedModule(file, schemas.text) as Record<string, unknown> | undefined;
  if (!loaded) return undefined;
  const pick = (name: string): ValidateFunction[] => (Object.hasOwn(loaded, name) && typeof loaded[name] === 'function' ? [loaded[name] as ValidateFunction] : []);
  return {
    schemas: Object.fromEntries(Object.keys(schemas.defs).flatMap((name) => pick(name).map((fn) => [name, fn]))),
    parameters: new Map(schemas.parameterSchemas.flatMap((json, i) => pick(`parameter${i}`).map((fn) => [json, fn] as const))),
  };
}

/** Writes the precompiled validators of contracts/openapi.yaml (a build step, server/precompile.ts). */
export function writeContractValidators(file = contractValidatorsFile): void {
  writeModule(file, contractValidatorsSource(loadContractDocument()));
}
