// server/generated/admin-contract.ts — the types of startKravmock's bodies and answers — is
// generated from contracts/admin-openapi.yaml and committed; it must match the contract.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adminContractTypesPath, renderAdminContractTypes } from '../../scripts/contract-types.js';

describe('server/generated/admin-contract.ts', () => {
  it('matches contracts/admin-openapi.yaml (npm run generate:types)', async () => {
    expect(readFileSync(adminContractTypesPath, 'utf8'), 'stale: run npm run generate:types').toBe(await renderAdminContractTypes());
  });

  it('types the fault tags as the contract writes them, not as schema names', () => {
    const generated = readFileSync(adminContractTypesPath, 'utf8');
    expect(generated).toMatch(/ErrorFailure: \{\s+\/\*\* @constant \*\/\s+type: "error";/);
    expect(generated).toMatch(/FixedLatency: \{\s+\/\*\* @constant \*\/\s+distribution: "fixed";/);
    expect(generated).not.toContain('discriminator enum property added by openapi-typescript');
  });
});
