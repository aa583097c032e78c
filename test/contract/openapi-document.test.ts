import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { contractFile, createContract, loadContractDocument } from '../../server/contract.js';
import { renderContractTypes, contractTypesPath } from '../../scripts/contract-types.js';

describe('contracts/openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(readFileSync(contractFile, 'utf8'));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('serves the four endpoints with both rettighetspakker', () => {
    const doc = loadContractDocument();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/{rettighetspakke}/{partIdentifikator}/aapnekrav',
      '/v1/{rettighetspakke}/{partIdentifikator}/innbetalinger',
      '/v1/{rettighetspakke}/{partIdentifikator}/krav',
      '/v1/{rettighetspakke}/{partIdentifikator}/utbetalinger',
    ]);
    const raw = doc as unknown as { components: { parameters: Record<string, { schema: { enum?: string[] } }> } };
    expect(raw.components.parameters.rettighetspakke?.schema.enum).toEqual(['finans', 'regnskapssystem']);
  });

  it('describes all 35 objects of spec 1.1.1 and nothing else', () => {
    const names = createContract().schemaNames();
    expect(names).toHaveLength(35);
    expect(names).toEqual(expect.arrayContaining(['AapneKrav', 'AlleKrav', 'Innbetalinger', 'Utbetalinger', 'Krav', 'Kravforfall', 'Feil', 'MotregningAvKreditkrav', 'KreditKrav']));
  });

  it('has committed TypeScript types that match the contract', async () => {
    expect(readFileSync(contractTypesPath, 'utf8')).toBe(await renderContractTypes());
  });
});
