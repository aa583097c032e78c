// Loading files and folders: what is read, every problem across files, rules across files, the
// all-or-nothing guarantee, and which clock relative dates resolve against.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectScenarioFiles, loadScenarioFiles, loadScenarioText } from '../../server/scenarios/load.js';
import { ScenarioLoadError, type LoadedScenario } from '../../server/scenarios/types.js';
import { fileProblemsOf, OPTIONS, problemsOf, yamlWith } from './fixtures/helpers.js';

const FIXTURES = relative(process.cwd(), join(import.meta.dirname, 'fixtures'));
const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kravmock-loader-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('files and folders', () => {
  it('a folder gives its *.yaml, *.yml and *.json files, sorted by name; other files are ignored', () => {
    const loaded = loadScenarioFiles([fixture('good')], OPTIONS);
    expect(loaded.map((s) => [s.name, s.source])).toEqual([
      ['fixture-a', fixture('good', 'a-first.yaml')],
      ['fixture-b', fixture('good', 'b-second.json')],
    ]);
  });

  it('a file named twice (directly and through its folder) is read once', () => {
    const loaded = loadScenarioFiles([fixture('good', 'a-first.yaml'), fixture('good')], OPTIONS);
    expect(loaded.map((s) => s.name)).toEqual(['fixture-a', 'fixture-b']);
  });

  it('a missing path is a problem', () => {
    expect(fileProblemsOf([fixture('good'), fixture('nothing-here.yaml')])).toEqual([
      `${fixture('nothing-here.yaml')}:1:1 (file): no such file or directory`,
    ]);
  });

  it('an empty folder is a problem', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'readme.md'), 'no scenarios\n');
    expect(fileProblemsOf([empty])).toEqual([
      `${empty}:1:1 (file): no scenario files in this folder: expected *.yaml, *.yml or *.json files directly inside`,
    ]);
  });

  it('a file named explicitly with another extension is a problem', () => {
    expect(fileProblemsOf([fixture('good', 'notes.txt')])).toEqual([
      `${fixture('good', 'notes.txt')}:1:1 (file): not a scenario file: expected a .yaml, .yml or .json file`,
    ]);
  });

  it('.yml files, a byte-order mark and CRLF line ends are read', () => {
    const file = join(tmp, 'crlf.yml');
    writeFileSync(file, `\ufeff${yamlWith().replace(/\n/g, '\r\n')}`);
    expect(loadScenarioFiles([file], OPTIONS).map((s) => s.name)).toEqual(['base']);
    writeFileSync(file, `\ufeff${yamlWith({ 11: '        reskontro: moms' }).replace(/\n/g, '\r\n')}`);
    expect(fileProblemsOf([file])).toEqual([`${file}:11:20 parties[0].events[0].reskontro: 'moms' is not one of: mva, skatteinnkreving`]);
  });
});

describe('JSON files', () => {
  it('schema and ledger problems are positioned in the JSON text', () => {
    const file = fixture('bad-json', 'e-bad.json');
    expect(fileProblemsOf([file])).toEqual([
      `${file}:13:21 parties[0].events[0].beloep: amount 10.001 has more than two decimals`,
      `${file}:14:63 parties[0].events[0].betaler.kontonummer: expected a string but got the number 15031411111 (write it in quotes: "15031411111")`,
    ]);
  });

  it('a syntax error is positioned where JSON.parse stopped', () => {
    const file = fixture('bad-json', 'f-syntax.json');
    const problems = fileProblemsOf([file]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${file.replace(/[.\\]/g, '\\$&')}:5:1 \\(json\\): JSON syntax error: `));
  });

  it('two equal keys: the last wins, as JSON.parse has it, and positions agree', () => {
    const json = '{"name": "x", "description": "d", "parties": [], "parties": [1]}';
    expect(problemsOf(json, OPTIONS, 'k.json', 'json')).toEqual(['k.json:1:62 parties[0]: expected an object but got the number 1']);
  });
});

describe('every problem, in order', () => {
  it('lists every problem of a file in file order', () => {
    const file = fixture('mixed', 'g-three-problems.yaml');
    expect(fileProblemsOf([file])).toEqual([
      `${file}:8:15 parties[0].events[0].date: '2025-02-30' is not a calendar date: 2025-02 has 28 days`,
      `${file}:12:24 parties[1].partIdentifikator: partIdentifikator '310000050' is not a valid organisasjonsnummer: the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match`,
      `${file}:15:24 parties[2].partIdentifikator: party '310000051' is already in parties[0] of this scenario: a party has one ledger, in one scenario`,
      `${file}:16:11 parties[2].navn: must not be empty`,
    ]);
  });

  it('lists the problems of every file, file by file', () => {
    const g = fixture('mixed', 'g-three-problems.yaml');
    const e = fixture('bad-json', 'e-bad.json');
    const problems = fileProblemsOf([e, fixture('good'), g]);
    expect(problems.map((p) => p.split(' ')[0]!.replace(/:\d+:\d+$/, ''))).toEqual([e, e, g, g, g, g]);
  });
});

describe('rules across files', () => {
  it('two scenarios with the same name', () => {
    const file = fixture('dup-name', 'd-same-name.yaml');
    expect(fileProblemsOf([fixture('good'), file])).toEqual([
      `${file}:1:7 name: scenario name 'fixture-a' is already used by ${fixture('good', 'a-first.yaml')}: names must be unique`,
    ]);
  });

  it('the same party in two files names the other file and scenario', () => {
    const file = fixture('dup-party', 'c-same-party.yaml');
    expect(fileProblemsOf([fixture('good'), file])).toEqual([
      `${file}:7:24 parties[1].partIdentifikator: party '310000000' is already in parties[0] of scenario 'fixture-a' (${fixture('good', 'a-first.yaml')}): a party has one ledger, in one scenario`,
    ]);
  });

  it('clashes with scenarios served alongside (options.existing) are problems too', () => {
    const [a] = loadScenarioFiles([fixture('good', 'a-first.yaml')], OPTIONS);
    const builtIn: LoadedScenario = { ...a!, name: 'offisielle-testparter', source: '<built-in>' };
    expect(problemsOf(yamlWith({ 1: 'name: offisielle-testparter', 5: '  - partIdentifikator: "310000000"' }), { ...OPTIONS, existing: [builtIn] })).toEqual([
      "t.yaml:1:7 name: scenario name 'offisielle-testparter' is already used by <built-in>: names must be unique",
      "t.yaml:5:24 parties[0].partIdentifikator: party '310000000' is already in parties[0] of scenario 'offisielle-testparter' (<built-in>): a party has one ledger, in one scenario",
    ]);
  });
});

describe('all or nothing', () => {
  it('a load of three files where the third is bad throws and returns nothing', () => {
    const dir = join(tmp, 'three');
    mkdirSync(dir);
    writeFileSync(join(dir, '1.yaml'), yamlWith({ 1: 'name: one', 5: '  - partIdentifikator: "310000000"' }));
    writeFileSync(join(dir, '2.yaml'), yamlWith({ 1: 'name: two', 5: '  - partIdentifikator: "310000019"' }));
    writeFileSync(join(dir, '3.yaml'), yamlWith({ 1: 'name: three', 5: '  - partIdentifikator: "310000027"', 11: '        reskontro: moms' }));

    const before = loadScenarioFiles([join(dir, '1.yaml'), join(dir, '2.yaml')], OPTIONS);
    const snapshot = structuredClone(before);

    let result: LoadedScenario[] | undefined;
    let thrown: unknown;
    try {
      result = loadScenarioFiles([dir], OPTIONS);
    } catch (error) {
      thrown = error;
    }
    expect(result).toBeUndefined();
    expect(thrown).toBeInstanceOf(ScenarioLoadError);
    expect((thrown as ScenarioLoadError).problems.map((p) => p.file)).toEqual([join(dir, '3.yaml')]);
    // An earlier result is untouched, and a new good load builds new objects.
    expect(before).toEqual(snapshot);
    const again = loadScenarioFiles([join(dir, '1.yaml'), join(dir, '2.yaml')], OPTIONS);
    expect(again).toEqual(before);
    expect(again[0]!.parties[0]).not.toBe(before[0]!.parties[0]);
  });

  it('the error message lists every problem, one formatted line each', () => {
    try {
      loadScenarioText(yamlWith({ 11: '        reskontro: moms', 23: '        beloep: -400' }), 't.yaml', 'yaml', OPTIONS);
      expect.fail('should throw');
    } catch (error) {
      expect((error as Error).message).toBe(
        [
          '2 problems in scenario files:',
          "t.yaml:11:20 parties[0].events[0].reskontro: 'moms' is not one of: mva, skatteinnkreving",
          't.yaml:23:17 parties[0].events[1].beloep: amount -400 must be more than 0',
        ].join('\n'),
      );
    }
  });

  it('inspectScenarioFiles reports per file without throwing', () => {
    const report = inspectScenarioFiles([fixture('good'), fixture('dup-name'), fixture('missing')], OPTIONS);
    expect(report.files.map((f) => [f.file, f.read, f.scenario?.name ?? null, f.problems.length])).toEqual([
      [fixture('good', 'a-first.yaml'), true, 'fixture-a', 0],
      [fixture('good', 'b-second.json'), true, 'fixture-b', 0],
      [fixture('dup-name', 'd-same-name.yaml'), true, null, 1],
      [fixture('missing'), false, null, 1],
    ]);
    expect(report.problems).toHaveLength(2);
  });
});

describe('clocks', () => {
  const noClock = yamlWith({ 3: null });

  it('without any clock of its own, relative dates resolve against defaultClock', () => {
    const s = loadScenarioText(noClock, 't.yaml', 'yaml', { defaultClock: '2025-06-01' });
    expect(s.clock).toBe('2025-06-01');
    expect(s.ownClock).toBeUndefined();
    expect(s.parties[0]!.events[0]!.date).toBe('2025-04-02'); // -60d
  });

  it("the file's own clock wins over defaultClock", () => {
    const s = loadScenarioText(yamlWith(), 't.yaml', 'yaml', { defaultClock: '2025-06-01' });
    expect(s.clock).toBe('2025-03-15');
    expect(s.parties[0]!.events[0]!.date).toBe('2025-01-14');
  });

  it("fixedClock wins over the file's own clock", () => {
    const s = loadScenarioText(yamlWith(), 't.yaml', 'yaml', { defaultClock: '2025-06-01', fixedClock: '2024-12-31' });
    expect(s.clock).toBe('2024-12-31');
    expect(s.ownClock).toBe('2025-03-15');
    expect(s.parties[0]!.events[0]!.date).toBe('2024-11-01');
  });

  it('weeks, months and years; month ends are clamped; absolute dates stay', () => {
    const s = loadScenarioText(
      yamlWith({ 3: 'clock: 2024-03-31', 9: '        date: -1m', 17: '            forfallsdato: +2w', 21: '        date: -1y', 26: null }, []),
      't.yaml',
      'yaml',
      OPTIONS,
    );
    const claim = s.parties[0]!.events[0]!;
    const payment = s.parties[0]!.events[1]!;
    expect(claim.date).toBe('2024-02-29');
    expect(claim.type === 'claimRaised' && claim.kravforfall[0]!.forfallsdato).toBe('2024-04-14');
    expect(payment.date).toBe('2023-03-31');
    const b = loadScenarioFiles([fixture('good', 'b-second.json')], OPTIONS)[0]!;
    expect(b.parties[0]!.events[0]!.date).toBe('2024-12-31'); // -1m from 2025-01-31
  });

  it('a clock that is not a calendar date is the caller’s mistake and throws', () => {
    expect(() => loadScenarioText(yamlWith(), 't.yaml', 'yaml', { defaultClock: '2025-02-30' })).toThrow(RangeError);
    expect(() => loadScenarioFiles([fixture('good')], { defaultClock: '2025-06-01', fixedClock: 'today' })).toThrow(
      "fixedClock 'today' is not a calendar date YYYY-MM-DD",
    );
  });
});
