import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContract } from '../../server/contract.js';
import { contractsDir } from '../../server/paths.js';

const examplesDir = join(contractsDir, 'examples');
const schemaByEndpoint: Record<string, string> = {
  aapnekrav: 'AapneKrav',
  krav: 'AlleKrav',
  innbetalinger: 'Innbetalinger',
  utbetalinger: 'Utbetalinger',
  error: 'Feil',
};
const files = readdirSync(examplesDir).filter((f) => /^example-.*\.json$/.test(f));
const contract = createContract();

describe('official examples validate against the contract', () => {
  it('covers the current and the 2023-08 sets', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'example-aapnekrav.json',
        'example-krav.json',
        'example-innbetalinger.json',
        'example-utbetalinger.json',
        'example-2023-08-aapnekrav.json',
        'example-2023-08-krav.json',
        'example-2023-08-innbetalinger.json',
        'example-error.json',
      ]),
    );
  });

  it.each(files)('%s', (file) => {
    const endpoint = file.replace(/^example-(2023-08-)?/, '').replace(/\.json$/, '');
    const schema = schemaByEndpoint[endpoint];
    expect(schema, `no schema mapped for ${file}`).toBeDefined();
    const body: unknown = JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
    expect(contract.validateSchema(schema!, body)).toEqual([]);
  });

  it('rejects unknown properties (the contract is closed)', () => {
    const body = JSON.parse(readFileSync(join(examplesDir, 'example-aapnekrav.json'), 'utf8')) as Record<string, unknown>;
    const violations = contract.validateSchema('AapneKrav', { ...body, ekstraFelt: 1 });
    expect(violations).toEqual([{ instancePath: '/', message: "must NOT have additional properties 'ekstraFelt'" }]);
  });

  it('rejects a renamed field deep inside (kravforfallIdentifikator on Kravforfall)', () => {
    const body = JSON.parse(readFileSync(join(examplesDir, 'example-2023-08-aapnekrav.json'), 'utf8')) as {
      aapentKravMedGjenstaaendeBeloep: { kravforfall: Record<string, unknown>[] }[];
    };
    const forfall = body.aapentKravMedGjenstaaendeBeloep[0]!.kravforfall[0]!;
    forfall.kravforfallIdentifikator = forfall.kravforfallsIdentifikator;
    delete forfall.kravforfallsIdentifikator;
    const messages = contract.validateSchema('AapneKrav', body).map((v) => `${v.instancePath} ${v.message}`);
    expect(messages).toContain("/aapentKravMedGjenstaaendeBeloep/0/kravforfall/0 must have required property 'kravforfallsIdentifikator'");
    expect(messages).toContain("/aapentKravMedGjenstaaendeBeloep/0/kravforfall/0 must NOT have additional properties 'kravforfallIdentifikator'");
  });
});
