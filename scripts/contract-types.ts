import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
export const contractPath = `${root}contracts/openapi.yaml`;
export const contractTypesPath = `${root}server/generated/contract.ts`;
export const adminContractPath = `${root}contracts/admin-openapi.yaml`;
export const adminContractTypesPath = `${root}server/generated/admin-contract.ts`;

/** Renders the TypeScript types of an OpenAPI document exactly as they are committed. */
async function renderTypes(source: string, sourceName: string, options: { emptyObjectsUnknown?: boolean; withoutDiscriminators?: boolean } = {}): Promise<string> {
  const { withoutDiscriminators = false, ...generatorOptions } = options;
  const banner = `// GENERATED from ${sourceName} by \`npm run generate:types\`. Do not edit.\n`;
  const text = readFileSync(source, 'utf8');
  const document = (withoutDiscriminators ? withoutDiscriminator(parse(text)) : parse(text)) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { exportType: true, rootTypes: true, rootTypesNoSchemaPrefix: true, ...generatorOptions });
  return banner + astToString(ast);
}

/**
 * The document without its `discriminator` keywords. A discriminator without `mapping` makes
 * openapi-typescript type the tag as the schema's name (`type: "ErrorFailure"`), and a `mapping`
 * is what ajv's discriminator support refuses; the branches' own `const` tags give the right union.
 */
function withoutDiscriminator(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDiscriminator);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'discriminator').map(([key, v]) => [key, withoutDiscriminator(v)]));
}

/** The types of the API contract (contracts/openapi.yaml → server/generated/contract.ts). */
export function renderContractTypes(): Promise<string> {
  return renderTypes(contractPath, 'contracts/openapi.yaml');
}

/**
 * The types of the admin contract (contracts/admin-openapi.yaml → server/generated/admin-contract.ts).
 * Its free-form objects (a scenario document, a claim's `kravperiode` and `konto`) are described by
 * contracts/scenario.schema.json, not property by property, so they become `Record<string, unknown>`
 * rather than the empty object type.
 */
export function renderAdminContractTypes(): Promise<string> {
  return renderTypes(adminContractPath, 'contracts/admin-openapi.yaml', { emptyObjectsUnknown: true, withoutDiscriminators: true });
}
