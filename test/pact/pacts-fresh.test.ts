// The freshness check behind `npm test` failing on stale pacts. The comparison itself runs as the
// last test of each consumer file (so vitest's parallel files cannot race it); here: the comparison
// finds what it must and ignores only the library versions, contracts/pacts holds exactly one pact
// per reference consumer, and the README documents every provider state parameter the pacts use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACTS_DIR, PROVIDER } from './consumer-kit.js';
import { describePactDrift, jsonDifferences } from './pact-freshness.js';

type Pact = Record<string, unknown> & { interactions: Record<string, unknown>[]; metadata: Record<string, unknown> };

const committedFiles = readdirSync(PACTS_DIR).filter((name) => name.endsWith('.json')).sort();
const load = (name: string): Pact => JSON.parse(readFileSync(join(PACTS_DIR, name), 'utf8')) as Pact;
const copy = (pact: Pact): Pact => structuredClone(pact);

describe('committed pacts', () => {
  it('hold one V4 pact per reference consumer test, for the provider skatteetaten-kravogbetalinger', () => {
    const consumers = readdirSync(import.meta.dirname)
      .map((name) => /^consumer-(.+)\.pact\.test\.ts$/.exec(name)?.[1])
      .filter((name): name is string => name !== undefined)
      .sort();
    expect(consumers).toEqual(['nettbank', 'regnskapssystem']);
    expect(committedFiles).toEqual(consumers.map((c) => `${c}-referanse-${PROVIDER}.json`));
    for (const name of committedFiles) {
      const pact = load(name);
      expect(pact.provider).toEqual({ name: PROVIDER });
      expect(pact.metadata.pactSpecification).toEqual({ version: '4.0' });
      expect(pact.interactions.length).toBeGreaterThan(0);
    }
  });

  it('are documented: every provider state and parameter they use is in contracts/pacts/README.md', () => {
    const readme = readFileSync(join(PACTS_DIR, 'README.md'), 'utf8');
    const states = new Set<string>();
    for (const name of committedFiles) {
      for (const interaction of load(name).interactions) {
        for (const state of interaction.providerStates as { name: string; params?: Record<string, string> }[]) {
          states.add(state.name);
          for (const [key, value] of Object.entries(state.params ?? {})) {
            if (key === 'partIdentifikator' || key === 'clock') {
              expect(readme, `README names parameter ${key}`).toContain(`| \`${key}\` |`);
              expect(readme, `README lists ${key} ${value}`).toContain(value);
            } else {
              expect(readme, `README explains ${key}: ${value}`).toContain(`| \`${key}: '${value}'\` |`);
            }
          }
        }
        expect(readme, `README lists the interaction '${String(interaction.description)}'`).toContain(String(interaction.description));
      }
    }
    expect([...states]).toEqual(['offisielle-testparter']);
  });
});

describe('the staleness check', () => {
  const pact = load(committedFiles[0]!);

  it('finds nothing between a pact and itself, nor when only the Pact library versions differ', () => {
    const upgraded = copy(pact);
    upgraded.metadata['pact-js'] = { version: '99.0.0' };
    upgraded.metadata.pactRust = { ffi: '9.9.9', models: '9.9.9' };
    expect(describePactDrift(pact, copy(pact))).toEqual([]);
    expect(describePactDrift(pact, upgraded)).toEqual([]);
  });

  it('names a changed matcher or example by interaction and path', () => {
    const changed = copy(pact);
    const first = changed.interactions[0] as { description: string; response: { status: number } };
    first.response.status = 418;
    expect(describePactDrift(pact, changed)).toEqual([
      `interaction '${first.description}' changed at $.response.status: committed ${(pact.interactions[0] as { response: { status: number } }).response.status}, generated 418`,
    ]);
  });

  it('names interactions added or removed, a changed order and a changed specification version', () => {
    const fewer = copy(pact);
    const [removed] = fewer.interactions.splice(0, 1) as { description: string }[];
    expect(describePactDrift(pact, fewer)).toEqual([`interaction '${removed!.description}' is in the committed pact but no consumer test produces it any more`]);
    expect(describePactDrift(fewer, pact)).toEqual([`interaction '${removed!.description}' is new: the committed pact does not have it`]);
    const reordered = copy(pact);
    reordered.interactions.reverse();
    expect(describePactDrift(pact, reordered)).toEqual(['the interactions are in a different order']);
    const v3 = copy(pact);
    v3.metadata.pactSpecification = { version: '3.0.0' };
    expect(describePactDrift(pact, v3)).toEqual(['$.metadata.pactSpecification.version: committed "4.0", generated "3.0.0"']);
  });

  it('reports at most a few paths per difference, shortened', () => {
    expect(jsonDifferences({ a: [1, 2, 3, 4, 5, 6, 7] }, { a: [0, 0, 0, 0, 0, 0, 0] })).toHaveLength(5);
    expect(jsonDifferences({ a: 'x'.repeat(200) }, { a: 'y' })[0]).toMatch(/^\$\.a: committed "x+\.\.\., generated "y"$/);
  });
});
