// The build precompiles the contract's schema validators (server/contract-precompiled.ts). They must
// give exactly the errors ajv's runtime compilation gives, and never be used for other schemas.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { loadContractDocument } from '../../server/contract.js';
import { CONTRACT_ID, contractAjv, contractSchemas, contractValidatorsSource, precompiledContractValidators } from '../../server/contract-precompiled.js';
import { aapneKravView, innbetalingerView, kravView, utbetalingerView } from '../../server/ledger/views.js';
import { packageRoot } from '../../server/paths.js';

const CLOCK = '2026-11-26';
const doc = loadContractDocument();
const schemas = contractSchemas(doc);
const { defs } = schemas;
// Inside the project, so the generated code finds ajv's runtime and ajv-formats in node_modules.
mkdirSync(join(packageRoot, 'node_modules', '.cache'), { recursive: true });
const file = join(mkdtempSync(join(packageRoot, 'node_modules', '.cache', 'kravmock-contract-')), 'contract-validators.cjs');
writeFileSync(file, contractValidatorsSource(doc));

type Json = Record<string, unknown>;
const period = { fraOgMed: '2025-11-27', tilOgMed: CLOCK };
/** Every built-in party's four answers, under their schema names. */
const answers: [string, unknown][] = builtinScenario(CLOCK).parties.flatMap((ledger) => {
  const opts = { clock: CLOCK, rettighetspakke: 'regnskapssystem' as const };
  return [
    ['AapneKrav', aapneKravView(ledger, opts)],
    ['AlleKrav', kravView(ledger, opts, period)],
    ['Innbetalinger', innbetalingerView(ledger, opts, period)],
    ['Utbetalinger', utbetalingerView(ledger, opts, period)],
  ] as [string, unknown][];
});

/** Mistakes a broken view could make, applied to the first object found at any depth with the key. */
function mutations(value: unknown): ((v: Json) => void)[] {
  const all: ((v: Json) => unknown)[] = [
    (v) => delete v.partIdentifikator,
    (v) => (v.partIdentifikator = 12345678),
    (v) => (v.skjermet = 'nei'),
    (v) => (v.ukjentFelt = true),
    (v) => Object.keys(v).forEach((k) => (v[k] = null)),
    (v) => deepSet(v, 'forfallsdato', '2026-02-30'),
    (v) => deepSet(v, 'kidnummer', 'abc'),
    (v) => deepSet(v, 'beloep', 'hundre'),
  ];
  return typeof value === 'object' && value !== null ? all : [];
}

function deepSet(v: unknown, key: string, to: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (key in v) {
    (v as Json)[key] = to;
    return true;
  }
  return Object.values(v).some((child) => deepSet(child, key, to));
}

describe('the precompiled contract validators', () => {
  const loaded = precompiledContractValidators(schemas, file)!;
  const precompiled = loaded.schemas;
  const runtime = contractAjv(defs);
  const compiled = (name: string) => runtime.getSchema(`${CONTRACT_ID}#/$defs/${name}`)!;

  it('exist for every component schema', () => {
    expect(Object.keys(defs).filter((name) => typeof precompiled[name] !== 'function')).toEqual([]);
  });

  it('exist for every parameter schema, and judge values as the compiled ones do', () => {
    expect(schemas.parameterSchemas.length).toBeGreaterThanOrEqual(4);
    const values = ['2026-11-26', '2026-02-30', '313367002', '12345678', 'regnskapssystem', 'finans', 'annet', '', 'x'.repeat(300), 42, null];
    for (const json of schemas.parameterSchemas) {
      const fast = loaded.parameters.get(json)!;
      const slow = contractAjv().compile(JSON.parse(json) as object);
      expect(fast).toBeTypeOf('function');
      for (const value of values) {
        expect(fast(value), `${json} ${String(value)}`).toBe(slow(value));
        expect(fast.errors).toEqual(slow.errors);
      }
    }
  });

  it('accept what the compiled ones accept: every built-in party’s four answers', () => {
    for (const [name, body] of answers) {
      expect(compiled(name)(body)).toBe(true);
      expect(precompiled[name]!(body)).toBe(true);
    }
  });

  it('give the same errors for broken answers', () => {
    let failing = 0;
    for (const [name, body] of answers) {
      for (const mutate of mutations(body)) {
        const broken = structuredClone(body) as Json;
        mutate(broken);
        const a = compiled(name)(broken);
        expect(precompiled[name]!(broken)).toBe(a);
        expect(precompiled[name]!.errors).toEqual(compiled(name).errors);
        if (!a) failing += 1;
      }
    }
    expect(failing).toBeGreaterThan(answers.length * 5);
  });

  it('are not used for other schemas, nor when the file is missing', () => {
    expect(precompiledContractValidators({ ...schemas, text: `${schemas.text} ` }, file)).toBeUndefined();
    expect(precompiledContractValidators(schemas, join(packageRoot, 'node_modules', '.cache', 'missing.cjs'))).toBeUndefined();
  });

  it('were written by the build (npm test builds first) for the contract as it is now', () => {
    expect(precompiledContractValidators(schemas, join(packageRoot, 'dist', 'server', 'generated', 'contract-validators.cjs'))).toBeDefined();
  });
});
