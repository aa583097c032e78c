// Generates server/generated/contract.ts from contracts/openapi.yaml and
// server/generated/admin-contract.ts from contracts/admin-openapi.yaml.
// `--check` exits non-zero when a committed file is stale (run by the test suite too).
import { readFileSync, writeFileSync } from 'node:fs';
import { adminContractTypesPath, contractTypesPath, renderAdminContractTypes, renderContractTypes } from './contract-types.js';

const targets: [path: string, render: () => Promise<string>][] = [
  [contractTypesPath, renderContractTypes],
  [adminContractTypesPath, renderAdminContractTypes],
];
for (const [path, render] of targets) {
  const rendered = await render();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(path, 'utf8');
    if (committed !== rendered) {
      console.error(`${path} is stale: run npm run generate:types`);
      process.exit(1);
    }
    console.log(`${path} is up to date`);
  } else {
    writeFileSync(path, rendered);
    console.log(`wrote ${path}`);
  }
}
