// The fast YAML path must give exactly what the `yaml` library gives (YAML 1.2 core schema), and the
// same positions; outside its subset it must decline so that `yaml` decides.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../server/paths.js';
import { parseFastYaml, resolvePlainScalar } from '../../server/scenarios/fast-yaml.js';
import { parseScenarioText } from '../../server/scenarios/parse.js';
import type { PathSegment } from '../../server/scenarios/path.js';
import { yamlWith } from './fixtures/helpers.js';

const library = (text: string): unknown => parse(text, { version: '1.2', schema: 'core', merge: false, uniqueKeys: true });

/** Every path to a value in `value`, keys included. */
function pathsOf(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function expectSameAsLibrary(text: string): void {
  const fast = parseFastYaml(text);
  expect(fast, 'the fast parser declined').toBeDefined();
  expect(fast!.value).toEqual(library(text));
  const viaFast = parseScenarioText(text, 'f.yaml', 'yaml');
  const viaLibrary = parseScenarioText(text, 'f.yaml', 'yaml', { yamlLibraryOnly: true });
  const requests = pathsOf(fast!.value).flatMap((path) => [
    { path },
    ...(path.length > 0 && typeof path[path.length - 1] === 'string' ? [{ path, target: 'key' as const }] : []),
  ]);
  const fromFast = viaFast.positions.locate(requests);
  const fromLibrary = viaLibrary.positions.locate(requests);
  requests.forEach((r, i) => {
    const what = `${r.target ?? 'value'} at ${JSON.stringify(r.path)}`;
    expect({ line: fromFast[i]!.line, col: fromFast[i]!.col }, what).toEqual({ line: fromLibrary[i]!.line, col: fromLibrary[i]!.col });
    // The source text is shown for numbers and booleans that should have been quoted.
    const value = r.path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], fast!.value);
    if (typeof value === 'number' || typeof value === 'boolean') expect(fromFast[i]!.source, what).toEqual(fromLibrary[i]!.source);
  });
}

describe('the fast YAML path', () => {
  it('gives the same values and positions as yaml for every file of the scenario library', () => {
    const dir = join(packageRoot, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('stor-'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expectSameAsLibrary(readFileSync(join(dir, file), 'utf8'));
  });

  it('gives the same values and positions for the test scenarios', () => {
    expectSameAsLibrary(yamlWith());
    expectSameAsLibrary(readFileSync(join(import.meta.dirname, 'fixtures', 'good', 'a-first.yaml'), 'utf8'));
  });

  it('handles the forms scenarios use', () => {
    const text = [
      '---',
      '# comment',
      'a: plain text with spaces   # trailing comment',
      'b: "double \\"quoted\\" \\u00e5 #not a comment"',
      "c: 'single ''quoted'''",
      'd: [1, -2, 3.50, "x", \'y\', true, null, ~, [nested], {k: v}]',
      'e: { navn: Betaler AS, kontonummer: "15031411111", tom: [] }',
      'f:',
      '- compact',
      '-   indented: 1',
      '    more: 2',
      '- - nested',
      '  - seq',
      'g: >-',
      '  folded',
      '  lines',
      '',
      '  paragraph',
      'h: |',
      '  literal',
      '  # not a comment',
      'i:',
      'j: -30d',
      'k: 0012345',
      'l: 0o17',
      'm: 0x1F',
      'n: 1e3',
      'o: .inf',
      'p: -.5',
      'q: 2025-03-15',
      'r: yes',
      's: a:b',
      't: "#hash"',
      '__proto__: { polluted: true }',
      'constructor: 1',
    ].join('\n');
    expectSameAsLibrary(text);
    const fast = parseFastYaml(text)!.value as Record<string, unknown>;
    expect(Object.keys(fast)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('resolves plain scalars like the core schema', () => {
    for (const s of ['~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', '0o17', '+12', '-0', '0x1f', '.nan', '-.Inf', '1.', '.5', '1e5', '-1.5E-3', '12_3', '1.2.3', 'nULL', 'yes', 'on', '0b101']) {
      expect(resolvePlainScalar(s), s).toEqual(library(`x: ${s}`) === null ? null : (library(`x: ${s}`) as { x: unknown }).x);
    }
  });

  it('declines what it does not handle, so yaml decides', () => {
    const outside = [
      'a: &anchor 1\nb: *anchor',
      'a: !tag x',
      'a: |+\n  keep\n',
      'a: >2\n   indented',
      'a: "multi\n  line"',
      'a: plain\n  continued',
      'a: 1\na: 2',
      '%YAML 1.2\n---\na: 1',
      'a: 1\n---\nb: 2',
      'a:\tb',
      'my key: 1',
      '1: one',
      'true: yes',
      'a: [1, 2,]',
      'a: {b}',
      'a: [x: 1]',
      'a: b: c',
      '? complex\n: key',
      '"quoted root"',
      'a: - x',
      'a: x #c\n   b: y',
    ];
    for (const text of outside) expect(parseFastYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('gives an empty document for nothing but comments', () => {
    expect(parseFastYaml('# only\n\n# comments\n')!.value).toBeNull();
  });
});
