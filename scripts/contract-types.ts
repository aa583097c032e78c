import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
export const contractPath = `${root}contracts/openapi.yaml`;
export const contractTypesPath = `${root}server/generated/contract.ts`;

const banner = `// GENERATED from contracts/openapi.yaml by \`npm run generate:types\`. Do not edit.\n`;

/** Renders the TypeScript types of the contract exactly as they are committed. */
export async function renderContractTypes(): Promise<string> {
  const document = parse(readFileSync(contractPath, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { exportType: true, rootTypes: true, rootTypesNoSchemaPrefix: true });
  return banner + astToString(ast);
}
