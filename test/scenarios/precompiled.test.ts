// The build precompiles the scenario schema's validator (server/scenarios/precompiled.ts). It must
// give exactly the errors the runtime-compiled one gives, and it must never be used for a schema it
// was not made from.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../server/paths.js';
import { loadPlainYaml } from '../../server/scenarios/parse.js';
import { precompiledScenarioValidator, precompiledSource } from '../../server/scenarios/precompiled.js';
import { scenarioAjv, scenarioSchemaFile } from '../../server/scenarios/schema-validation.js';

const schemaText = readFileSync(scenarioSchemaFile, 'utf8');
// Inside the project, so the generated code finds ajv's runtime helpers in node_modules.
mkdirSync(join(packageRoot, 'node_modules', '.cache'), { recursive: true });
const dir = mkdtempSync(join(packageRoot, 'node_modules', '.cache', 'kravmock-precompiled-'));
const file = join(dir, 'scenario-validator.cjs');
writeFileSync(file, precompiledSource(schemaText));

type Doc = Record<string, unknown>;
const library = readdirSync(join(packageRoot, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ name: f, doc: loadPlainYaml(readFileSync(join(packageRoot, 'scenarios', f), 'utf8'))!.value as Doc }));

const clone = <T>(value: T): T => structuredClone(value);
const firstEvent = (doc: Doc) => ((doc.parties as Doc[])[0]!.events as Doc[])[0]!;

/** Broken variants of a library document, one mistake each, of the kinds scenario authors make. */
const MUTATIONS: [string, (doc: Doc) => unknown][] = [
  ['no name', (d) => delete d.name],
  ['name with capitals', (d) => (d.name = 'Stor Part')],
  ['an unknown top-level key', (d) => (d.extra = true)],
  ['parties not a list', (d) => (d.parties = { a: 1 })],
  ['party without an identifier', (d) => delete (d.parties as Doc[])[0]!.partIdentifikator],
  ['party identifier of 8 digits', (d) => ((d.parties as Doc[])[0]!.partIdentifikator = '12345678')],
  ['an unknown event type', (d) => (firstEvent(d).type = 'claimRaisedd')],
  ['an event without a date', (d) => delete firstEvent(d).date],
  ['a date that is no date', (d) => (firstEvent(d).date = 'yesterday')],
  ['an amount with three decimals', (d) => (firstEvent(d).beloep = 10.005)],
  ['a number where text belongs', (d) => (firstEvent(d).kravidentifikator = 12)],
  ['an event that is a string', (d) => (((d.parties as Doc[])[0]!.events as unknown[])[0] = 'claimRaised')],
  ['null everywhere in an event', (d) => Object.keys(firstEvent(d)).forEach((k) => (firstEvent(d)[k] = null))],
];

describe('the precompiled scenario validator', () => {
  const precompiled = precompiledScenarioValidator(schemaText, file)!;
  const runtime = scenarioAjv().compile(JSON.parse(schemaText) as object);

  it('is used for the schema it was made from', () => {
    expect(precompiled).toBeTypeOf('function');
  });

  it.each(library)('accepts $name as the compiled one does', ({ doc }) => {
    expect(runtime(doc)).toBe(true);
    expect(precompiled(doc)).toBe(true);
  });

  it.each(MUTATIONS)('gives the same errors for %s, in every library document', (_what, mutate) => {
    let failing = 0;
    for (const { doc } of library) {
      const broken = clone(doc);
      mutate(broken);
      const a = runtime(broken);
      const b = precompiled(broken);
      expect(b).toBe(a);
      expect(precompiled.errors).toEqual(runtime.errors);
      if (!a) failing += 1;
    }
    expect(failing).toBeGreaterThan(0);
  });

  it('is not used for any other schema text', () => {
    expect(precompiledScenarioValidator(`${schemaText} `, file)).toBeUndefined();
    expect(precompiledScenarioValidator(schemaText.replace('"minLength": 1', '"minLength": 2'), file)).toBeUndefined();
  });

  it('is not used when the file is missing', () => {
    expect(precompiledScenarioValidator(schemaText, join(dir, 'missing.cjs'))).toBeUndefined();
  });

  it('was written by the build (npm test builds first) for the schema as it is now', () => {
    expect(precompiledScenarioValidator(schemaText, join(packageRoot, 'dist', 'server', 'generated', 'scenario-validator.cjs'))).toBeTypeOf('function');
  });
});
