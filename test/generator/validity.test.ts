// Generated parties are valid scenario data: schema, ledger checks, the loader, the claim table,
// and every identifier.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fodselsnummer, kidnummer, kontonummer, organisasjonsnummer } from 'norsk-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_KIND_BY_KRAVTYPE, catalogueProblems } from '../../server/generator/catalogue.js';
import { MAX_PARTIES, organisasjonsnummerFor, reservedIdentifiers, seededPermutation, syntheticPersonFor } from '../../server/generator/identifiers.js';
import { generateToFiles, scenarioHeader, scenarioText } from '../../server/generator/output.js';
import type { GeneratedParty } from '../../server/generator/party-ledger.js';
import type { ClaimRaised, LedgerEvent, PartyLedger } from '../../server/ledger/events.js';
import { foedselsnummerProblem, kidProblem, kontonummerProblem, organisasjonsnummerProblem } from '../../server/ledger/identifiers.js';
import { checkLedger, formatProblems } from '../../server/ledger/views.js';
import { packageRoot } from '../../server/paths.js';
import { loadScenarioFiles } from '../../server/scenarios/load.js';
import { CLOCK, parties, scenarioSchemaValidator } from './helpers.js';

const COUNT = 300;
let run: GeneratedParty[];
let ledgers: PartyLedger[];
const events = (): LedgerEvent[] => ledgers.flatMap((l) => l.events);
const claims = (): ClaimRaised[] => events().filter((e): e is ClaimRaised => e.type === 'claimRaised');

beforeAll(() => {
  run = parties(42, COUNT);
  ledgers = run.map((p) => p.ledger);
});

describe('generated scenario data', () => {
  it('validates against contracts/scenario.schema.json', () => {
    const doc = JSON.parse(scenarioText(scenarioHeader(42, CLOCK, 'generert-seed42-300-parter', COUNT), ledgers, 'json')) as unknown;
    const validate = scenarioSchemaValidator();
    const ok = validate(doc);
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(ok).toBe(true);
    const yamlDoc = scenarioText(scenarioHeader(42, CLOCK, 'generert-seed42-3-parter', 3), ledgers.slice(0, 3), 'yaml');
    expect(yamlDoc).toContain('parties:\n  - partIdentifikator: "');
  });

  it('passes checkLedger for every party', () => {
    const bad = ledgers.map((l) => ({ id: l.partIdentifikator, problems: checkLedger(l) })).filter((x) => x.problems.length > 0);
    expect(bad.map((b) => `${b.id}:\n${formatProblems(b.problems)}`)).toEqual([]);
  });

  it('loads with the scenario loader, as the generator writes the files (JSON chunks and YAML)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kravmock-generator-load-'));
    try {
      await generateToFiles({ seed: 42, parties: 60, clock: CLOCK, format: 'json', layout: { kind: 'dir', path: join(dir, 'json'), perFile: 25 } });
      await generateToFiles({ seed: 42, parties: 4, clock: CLOCK, format: 'yaml', layout: { kind: 'file', path: join(dir, 'yaml', 'all.yaml') } });
      const json = loadScenarioFiles([join(dir, 'json')], { defaultClock: '2030-01-01' });
      expect(json.map((s) => s.name)).toEqual(['generert-seed42-parter-01-25', 'generert-seed42-parter-26-50', 'generert-seed42-parter-51-60']);
      expect(json.every((s) => s.clock === CLOCK)).toBe(true); // the files' own clock
      expect(json.flatMap((s) => s.parties)).toEqual(ledgers.slice(0, 60));
      const [yaml] = loadScenarioFiles([join(dir, 'yaml', 'all.yaml')], { defaultClock: '2030-01-01' });
      expect(yaml!.parties).toEqual(ledgers.slice(0, 4));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses only kravtype/kravgruppe/kravperiode combinations and amounts from the claim table', () => {
    expect(ledgers.flatMap(catalogueProblems)).toEqual([]);
    const kinds = new Set(claims().map((c) => c.kravtype));
    expect([...kinds].sort()).toEqual([...CLAIM_KIND_BY_KRAVTYPE.keys()].sort()); // every kind occurs in 300 parties
  });

  it('has the situations a volume test needs', () => {
    const all = events();
    const count = (pred: (e: LedgerEvent) => boolean): number => all.filter(pred).length;
    expect(count((e) => e.type === 'claimRaised' && e.hovedstolKravidentifikator !== undefined)).toBeGreaterThan(20); // late interest
    expect(count((e) => e.type === 'paymentReceived' && e.kidnummer === undefined)).toBeGreaterThan(5); // without KID
    expect(count((e) => e.type === 'setOffInLegalOrder')).toBeGreaterThan(5);
    expect(count((e) => e.type === 'payout' && e.fraKreditkrav !== undefined)).toBeGreaterThan(20);
    expect(count((e) => e.type === 'payout' && e.tilbakebetalingAv !== undefined)).toBeGreaterThan(5);
    expect(count((e) => e.type === 'claimRaised' && e.kravforfall.every((f) => f.beloep < 0))).toBeGreaterThan(10); // credits
    const forms = new Set(run.map((p) => p.profile.form));
    const behaviours = new Set(run.map((p) => p.profile.atferd));
    expect([...forms].sort()).toEqual(['AS', 'ENK']);
    expect([...behaviours].sort()).toEqual(['arrears', 'late', 'overpays', 'punctual']);
    // ENKs answer for their owner's personal taxes, an AS only for itself
    for (const p of run) {
      if (p.profile.form === 'ENK') expect(p.ledger.tilknyttedeParter).toEqual([p.profile.builder.owner.fnr]);
      else expect(p.ledger.tilknyttedeParter).toBeUndefined();
    }
  });

  it('names parties like Tenor test organisations: upper case, an AS ends in AS', () => {
    for (const p of run) {
      expect(p.ledger.navn).toBe(p.ledger.navn.toUpperCase());
      if (p.profile.form === 'AS') expect(p.ledger.navn).toMatch(/ AS$/);
      else expect(p.ledger.navn).toContain(p.profile.builder.owner.navn.split(' ').slice(-1)[0]!.toUpperCase());
    }
  });
});

describe('generated identifiers', () => {
  it('are valid: every orgnr, fødselsnummer, kontonummer and KID of 300 parties (thousands of values)', () => {
    const orgnr = new Set<string>();
    const fnr = new Set<string>();
    const konto = new Set<string>();
    const kid = new Set<string>();
    for (const l of ledgers) {
      orgnr.add(l.partIdentifikator);
      for (const t of l.tilknyttedeParter ?? []) fnr.add(t);
      for (const e of l.events) {
        if (e.type === 'claimRaised') for (const f of e.kravforfall) if (f.kidnummer) kid.add(f.kidnummer);
        if (e.type === 'paymentReceived') {
          if (e.kidnummer) kid.add(e.kidnummer);
          if (e.betaler.kontonummer) konto.add(e.betaler.kontonummer);
        }
        if (e.type === 'payout' && e.mottaker.kontonummer) konto.add(e.mottaker.kontonummer);
      }
    }
    for (const p of run) {
      konto.add(p.profile.builder.kontonummer);
      konto.add(p.profile.builder.owner.kontonummer);
      fnr.add(p.profile.builder.owner.fnr);
    }
    expect(orgnr.size).toBe(COUNT); // unique
    expect(fnr.size).toBe(COUNT); // one owner each, unique
    expect(orgnr.size + fnr.size + konto.size + kid.size).toBeGreaterThan(3_000);
    for (const v of orgnr) {
      expect(v, v).toMatch(/^[23]\d{8}$/);
      expect(organisasjonsnummer(v), v).toBe(true);
      expect(organisasjonsnummerProblem(v), v).toBeUndefined();
    }
    for (const v of fnr) {
      expect(Number(v.slice(2, 4)), v).toBeGreaterThan(80); // synthetic (Tenor) person
      expect(fodselsnummer(v), v).toBe(true);
      expect(foedselsnummerProblem(v), v).toBeUndefined();
    }
    for (const v of konto) {
      expect(kontonummer(v), v).toBe(true);
      expect(kontonummerProblem(v), v).toBeUndefined();
    }
    for (const v of kid) {
      expect(kidnummer(v), v).toBe(true); // norsk-validator, MOD10 or MOD11
      expect(kidProblem(v), v).toBeUndefined();
    }
  });

  it('gives 5,000 parties unique, valid organisation numbers and owners, none of the built-in ones', () => {
    const reserved = reservedIdentifiers();
    expect(reserved.has('313367002')).toBe(true); // built-in party
    expect(reserved.has('04827896468')).toBe(true); // its owner
    // every party (and owner) of the scenario library, which serve loads next to generated files
    const library = join(packageRoot, 'scenarios');
    const libraryIds = (existsSync(library) ? readdirSync(library) : [])
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .flatMap((f) => [...readFileSync(join(library, f), 'utf8').matchAll(/(?:partIdentifikator|tilknyttedeParter)\W+(\d{9}|\d{11})\b/g)].map((m) => m[1]!));
    for (const id of libraryIds) expect(reserved.has(id), id).toBe(true);
    const orgnrs = new Set<string>();
    const fnrs = new Set<string>();
    for (let i = 0; i < 5_000; i += 1) {
      const o = organisasjonsnummerFor(1, i);
      const p = syntheticPersonFor(1, i);
      if (!organisasjonsnummer(o) || reserved.has(o)) throw new Error(`bad orgnr ${o} for party ${i}`);
      if (foedselsnummerProblem(p.fnr) !== undefined || reserved.has(p.fnr)) throw new Error(`bad fnr ${p.fnr} for party ${i}`);
      if (Number(p.fnr.slice(8, 9)) % 2 !== (p.sex === 'male' ? 1 : 0)) throw new Error(`sex does not match ${p.fnr}`);
      orgnrs.add(o);
      fnrs.add(p.fnr);
    }
    expect(orgnrs.size).toBe(5_000);
    expect(fnrs.size).toBe(5_000);
    // the last party of the largest run too
    expect(organisasjonsnummer(organisasjonsnummerFor(1, MAX_PARTIES - 1))).toBe(true);
  });

  it('takes them from a seeded permutation: a bijection, different per seed', () => {
    const n = 10_007;
    const p = seededPermutation(5, 'test', n);
    const seen = new Set<number>();
    for (let i = 0; i < n; i += 1) seen.add(p(i));
    expect(seen.size).toBe(n);
    expect(Math.max(...seen)).toBe(n - 1);
    const q = seededPermutation(6, 'test', n);
    expect([0, 1, 2, 3].map(q)).not.toEqual([0, 1, 2, 3].map(p));
  });
});
