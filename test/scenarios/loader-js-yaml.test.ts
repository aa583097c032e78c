// Plain YAML is loaded with js-yaml, everything else with the `yaml` library. The js-yaml path must
// give exactly what the `yaml` path gives (YAML 1.2 core schema); what js-yaml would read differently,
// or accept where `yaml` reports a problem, must go to `yaml`. JSON positions (jsonc-parser) must
// agree with the `yaml` library's for the same text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../server/paths.js';
import { loadPlainYaml, parseScenarioText, type LocateRequest } from '../../server/scenarios/parse.js';
import type { PathSegment } from '../../server/scenarios/path.js';
import { yamlWith } from './fixtures/helpers.js';

const viaLibrary = (text: string) => parseScenarioText(text, 'f.yaml', 'yaml', { yamlLibraryOnly: true });

/** The YAML files under a folder, its subfolders included. */
function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Every path to a value in `value`, and the key of every map entry. */
function requestsFor(value: unknown, prefix: PathSegment[] = [], out: LocateRequest[] = []): LocateRequest[] {
  out.push({ path: prefix });
  if (prefix.length > 0 && typeof prefix[prefix.length - 1] === 'string') out.push({ path: prefix, target: 'key' });
  if (Array.isArray(value)) value.forEach((v, i) => requestsFor(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) requestsFor(v, [...prefix, k], out);
  return out;
}

/** The text takes the js-yaml path and gives what the `yaml` library gives, without problems. */
function expectSameAsLibrary(text: string, what = 'text'): unknown {
  const plain = loadPlainYaml(text);
  expect(plain, `${what}: js-yaml declined`).toBeDefined();
  const library = viaLibrary(text);
  expect([...library.fatal, ...library.problems], what).toEqual([]);
  expect(plain!.value, what).toEqual(library.value);
  // Also -0 against 0, and the prototypes (toStrictEqual would compare own `constructor` keys as classes).
  expect(isDeepStrictEqual(plain!.value, library.value), what).toBe(true);
  return plain!.value;
}

/** The text takes the `yaml` path: the same value, problems and messages as the library alone. */
function expectLibraryPath(text: string): void {
  expect(loadPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  const parsed = parseScenarioText(text, 'f.yaml', 'yaml');
  const library = viaLibrary(text);
  const same = { value: parsed.value, fatal: parsed.fatal, problems: parsed.problems };
  expect(isDeepStrictEqual(same, { value: library.value, fatal: library.fatal, problems: library.problems }), JSON.stringify(text)).toBe(true);
}

describe('the js-yaml path', () => {
  it('gives the same values as yaml for every file of the scenario library, the large one included', () => {
    const files = yamlFilesIn(join(packageRoot, 'scenarios'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSameAsLibrary(readFileSync(file, 'utf8'), relative(packageRoot, file));
  }, 60_000);

  it('gives the same values as yaml for every YAML file of the test fixtures and the base scenario', () => {
    const files = yamlFilesIn(join(import.meta.dirname, 'fixtures'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expectSameAsLibrary(readFileSync(file, 'utf8'), relative(packageRoot, file));
    expectSameAsLibrary(yamlWith(), 'BASE');
  });

  it('positions every value and key where the yaml library does', () => {
    for (const text of [yamlWith(), readFileSync(join(import.meta.dirname, 'fixtures', 'mixed', 'g-three-problems.yaml'), 'utf8')]) {
      const value = expectSameAsLibrary(text);
      const requests = requestsFor(value);
      expect(parseScenarioText(text, 'f.yaml', 'yaml').positions.locate(requests)).toEqual(viaLibrary(text).positions.locate(requests));
    }
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
      'q: 2025-03-15',
      'r: yes',
      's: a:b',
      'u: Hansen & Sønn AS',
      'v: multi-line',
      '  plain text',
      '<<: ordinary key',
      'w:',
      '  - "a"',
      '  -   [ x ]',
    ].join('\n');
    expectSameAsLibrary(text);
  });

  it('resolves plain scalars by the YAML 1.2 core schema, as yaml does (not as js-yaml CORE_SCHEMA)', () => {
    const scalars = [
      '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'False', 'TRUE', 'yes', 'on', '012', '0012345', '0o14', '0o8', '0x1F', '0b101',
      '+12', '-0', '+0x1', '-0o7', '1_000', '1.', '.5', '-.5', '+.5', '1e3', '-1.5E-3', '1e400', '-1e400', '.inf', '-.Inf', '.nan',
      '12:30', '1,000', '1.2.3', '2025-03-15', '9007199254740993', '<<', '=',
    ];
    for (const s of scalars) expectSameAsLibrary(`x: ${s}\nlist: [${s}]\n`, s);
    // As keys, too (null keys take the yaml path: js-yaml writes them `null`, yaml an empty string).
    for (const s of scalars.filter((k) => !/^(?:~|[Nn]ull|NULL)$/.test(k))) expectSameAsLibrary(`${s}: key\n`, `key ${s}`);
  });

  it('gives null for nothing but comments, as yaml does', () => {
    expect(loadPlainYaml('# only\n\n# comments\n')).toEqual({ value: null });
    expect(viaLibrary('# only\n\n# comments\n').value).toBeNull();
  });

  it('keeps __proto__ and constructor keys as own properties and pollutes nothing', () => {
    const text = ['__proto__: { polluted: true }', 'constructor: { prototype: { polluted: true } }', 'list:', '  - __proto__:', '      polluted: true', '    prototype: 1'].join('\n');
    const value = expectSameAsLibrary(text) as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'list']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    const item = (value.list as Record<string, unknown>[])[0]!;
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.keys(item)).toEqual(['__proto__', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('the yaml library path', () => {
  it('takes anchors and aliases, so an alias bomb is refused, not expanded', () => {
    expectLibraryPath('a: &x 1\nb: *x\n');
    expectLibraryPath('a: [&x 1, *x]\n');
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expectLibraryPath(bomb);
    expect(parseScenarioText(bomb, 'f.yaml', 'yaml').fatal.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`)).toEqual([
      '2:8 b[0]: too many alias expansions (more than 100): refusing a possible alias bomb; write the data out instead of nesting aliases',
    ]);
  });

  it('takes what js-yaml reads differently: tags, directives, explicit, collection and null keys', () => {
    for (const text of ['a: !firma X', 'a: !!str 012', 'a: ! 12', '%YAML 1.1\n---\na: 1', '? a\n: b', '[a, b]: c', '{a: 1}: b', 'null: a', '~: a', ': a', 'a: {~: 1}', 'a: [null: 1]']) {
      expectLibraryPath(text);
    }
  });

  it('takes what js-yaml accepts and yaml refuses', () => {
    const texts = [
      'a: [1,\n2]', // a flow collection or quoted scalar over several lines, not indented enough
      'a: {b: 1,\nc: 2}',
      'a: [\n1, 2\n]',
      'a:\n  b: [\n  1\n  ]',
      'a: "multi\nline"',
      "a:\n  b: 'multi\n  line'",
      '\ta: 1', // tabs
      'a:\n\t- b',
      'a: 1\rb: 2', // a lone CR
      'a: "x"#c', // a comment without a space before it
      'a: [x]#c',
      '---x', // not a document marker for yaml
      `${'k'.repeat(1025)}: 1`, // an implicit key over 1024 characters
    ];
    for (const text of texts) expectLibraryPath(text);
  });

  it('takes syntax errors, duplicate keys, several documents, block scalar indentation indicators and deep nesting', () => {
    const texts = ['a: "x', 'a: b: c', 'a: 1\na: 2', 'a: 1\n---\nb: 2', 'a: |2\n   x', '|2\n  x', `a: ${'['.repeat(200)}${']'.repeat(200)}`];
    for (const text of texts) expectLibraryPath(text);
  });
});

describe('JSON positions', () => {
  const json = (text: string) => parseScenarioText(text, 'f.json', 'json');

  it('agree with the yaml library (JSON is YAML) for every value and key', () => {
    const texts = [
      readFileSync(join(import.meta.dirname, 'fixtures', 'good', 'b-second.json'), 'utf8'),
      readFileSync(join(import.meta.dirname, 'fixtures', 'bad-json', 'e-bad.json'), 'utf8'),
      '{"a": [1, [2, {"b": "x\\"y"}], {}], "c": {"d": null, "e": true, "f": -1.5e3}, "g": "\\u00e5"}',
      '\r\n  {\r\n "a": [\r\n 1,\r\n 2 ] }\r\n',
    ];
    for (const text of texts) {
      const requests = requestsFor(JSON.parse(text));
      expect(json(text).positions.locate(requests), text).toEqual(viaLibrary(text).positions.locate(requests));
    }
  });

  it('of a missing path are those of its deepest existing ancestor', () => {
    const text = '{\n  "a": {\n    "b": [10, 20]\n  }\n}\n';
    expect(json(text).positions.locate([{ path: ['a', 'b', 5, 'c'] }, { path: ['a', 'x'], target: 'key' }, { path: ['a', 'b', 0, 'c'] }, { path: ['z'] }])).toEqual([
      { line: 3, col: 10 },
      { line: 2, col: 8 },
      { line: 3, col: 11 },
      { line: 1, col: 1 },
    ]);
  });

  it('of two equal keys are the last one, as JSON.parse decides, also for paths inside the first', () => {
    const text = '{"a": {"b": 1}, "a": [5]}';
    expect(json(text).positions.locate([{ path: ['a'] }, { path: ['a'], target: 'key' }, { path: ['a', 'b'] }, { path: ['a', 0] }])).toEqual([
      { line: 1, col: 22 },
      { line: 1, col: 17 },
      { line: 1, col: 22 },
      { line: 1, col: 23, source: '5' },
    ]);
  });
});
