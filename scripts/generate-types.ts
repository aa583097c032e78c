// Generates server/generated/contract.ts from contracts/openapi.yaml.
// `--check` exits non-zero when the committed file is stale (run by the test suite too).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderContractTypes, contractTypesPath } from './contract-types.js';

const rendered = await renderContractTypes();
if (process.argv.includes('--check')) {
  const committed = readFileSync(contractTypesPath, 'utf8');
  if (committed !== rendered) {
    console.error(`${contractTypesPath} is stale: run npm run generate:types`);
    process.exit(1);
  }
  console.log(`${contractTypesPath} is up to date`);
} else {
  writeFileSync(contractTypesPath, rendered);
  console.log(`wrote ${contractTypesPath}`);
}
