// One test per rejection rule, each with the exact line a user sees: `file:line:col path: message`.
// The scenario is BASE (fixtures/helpers.ts) with a line or two changed; line numbers refer to it.
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../server/scenarios/load.js';
import { BASE, OPTIONS, problemsOf, yamlWith } from './fixtures/helpers.js';

describe('the base scenario', () => {
  it('loads, with relative dates resolved against its own clock', () => {
    const s = loadScenarioText(yamlWith(), 't.yaml', 'yaml', OPTIONS);
    expect(s.name).toBe('base');
    expect(s.ownClock).toBe('2025-03-15');
    expect(s.clock).toBe('2025-03-15');
    expect(s.parties[0]!.events[0]!.date).toBe('2025-01-14');
    expect(BASE).toHaveLength(26);
  });
});

describe('YAML syntax', () => {
  it('a syntax error, at the parser line:col', () => {
    expect(problemsOf(yamlWith({ 6: '    navn: "TEST ENK' }))).toEqual([
      't.yaml:6:20 (yaml): YAML syntax error: Missing closing "quote',
    ]);
  });

  it('bad indentation: every error the parser finds', () => {
    // One space too many makes line 10 part of line 9's value.
    expect(problemsOf(yamlWith({ 10: '         kravidentifikator: K1' }))).toEqual([
      't.yaml:9:15 (yaml): YAML syntax error: Nested mappings are not allowed in compact mappings',
      't.yaml:9:15 (yaml): YAML syntax error: Implicit keys need to be on a single line',
    ]);
  });

  it('a duplicate key names the key and where it first was; the rest is still checked', () => {
    expect(problemsOf(yamlWith({ 6: ['    navn: TEST ENK', '    navn: TEST ENK 2'] }))).toEqual([
      "t.yaml:7:5 parties[0].navn: duplicate key 'navn' (first at line 6, col 5): each key may appear once",
    ]);
  });

  it('an alias bomb is refused, not expanded', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    ];
    expect(problemsOf(yamlWith({}, bomb))).toEqual([
      't.yaml:28:8 b[0]: too many alias expansions (more than 100): refusing a possible alias bomb; write the data out instead of nesting aliases',
    ]);
  });

  it('absurd nesting is refused as a problem, never a crash', () => {
    const deep = `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const problems = problemsOf(deep);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^t\.yaml:1:\d+ \(yaml\): /);
  });

  it('a tag is a problem: scenario files are plain YAML', () => {
    expect(problemsOf(yamlWith({ 6: '    navn: !firma TEST ENK' }))).toEqual([
      't.yaml:6:11 parties[0].navn: Unresolved tag: !firma: scenario files use plain YAML without tags',
    ]);
  });
});

describe('prototype-safe keys', () => {
  it('__proto__ is an unknown property at its own position and pollutes nothing', () => {
    const problems = problemsOf(yamlWith({ 2: ['description: A valid scenario to break.', '__proto__:', '  polluted: yes'] }));
    expect(problems).toEqual([
      "t.yaml:3:1 __proto__: unknown property '__proto__' (allowed: $schema, name, description, clock, parties)",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('constructor and prototype are unknown properties too', () => {
    const problems = problemsOf(yamlWith({ 6: ['    navn: TEST ENK', '    constructor: { polluted: yes }', '    prototype: 1'] }));
    expect(problems).toEqual([
      "t.yaml:7:5 parties[0].constructor: unknown property 'constructor' (allowed: partIdentifikator, navn, skjermet, tilknyttedeParter, events)",
      "t.yaml:8:5 parties[0].prototype: unknown property 'prototype' (allowed: partIdentifikator, navn, skjermet, tilknyttedeParter, events)",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('__proto__ in JSON is caught the same way', () => {
    const json = '{\n  "name": "x",\n  "description": "d",\n  "__proto__": { "polluted": true },\n  "parties": []\n}\n';
    expect(problemsOf(json, OPTIONS, 't.json', 'json')).toEqual([
      "t.json:4:3 __proto__: unknown property '__proto__' (allowed: $schema, name, description, clock, parties)",
      't.json:5:14 parties: must not be empty: expected at least 1 item',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('schema rules', () => {
  it('missing required property, at the object that lacks it', () => {
    expect(problemsOf(yamlWith({ 12: null }))).toEqual([
      "t.yaml:8:9 parties[0].events[0]: missing required property 'kravtype'",
    ]);
  });

  it('unknown property, at its key, listing what is allowed', () => {
    expect(problemsOf(yamlWith({ 18: ['            beloep: 1000', '            belop: 1000'] }))).toEqual([
      "t.yaml:19:13 parties[0].events[0].kravforfall[0].belop: unknown property 'belop' (allowed: kravforfallsIdentifikator, forfallsdato, beloep, kidnummer)",
    ]);
  });

  it('wrong type, with a hint to quote a number that should be text', () => {
    expect(problemsOf(yamlWith({ 19: '            kidnummer: 0100200302' }))).toEqual([
      "t.yaml:19:24 parties[0].events[0].kravforfall[0].kidnummer: expected a string but got the number 100200302 (write it in quotes: '0100200302')",
    ]);
  });

  it('wrong type: a list where an object belongs', () => {
    expect(problemsOf(yamlWith({ 24: '        betaler: [Betaler AS]', 25: null, 26: null }))).toEqual([
      't.yaml:24:18 parties[0].events[1].betaler: expected an object but got a list',
    ]);
  });

  it('a bad date', () => {
    expect(problemsOf(yamlWith({ 9: '        date: 15.03.2025' }))).toEqual([
      "t.yaml:9:15 parties[0].events[0].date: '15.03.2025' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y",
    ]);
  });

  it('a bad relative date', () => {
    expect(problemsOf(yamlWith({ 17: '            forfallsdato: -30days' }))).toEqual([
      "t.yaml:17:27 parties[0].events[0].kravforfall[0].forfallsdato: '-30days' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y",
    ]);
  });

  it('a relative clock: the clock must be absolute', () => {
    expect(problemsOf(yamlWith({ 3: 'clock: today' }))).toEqual([
      "t.yaml:3:8 clock: 'today' is not a date: expected YYYY-MM-DD (an absolute date; only event dates may be relative)",
    ]);
  });

  it('unknown event type, naming the known ones', () => {
    expect(problemsOf(yamlWith({ 20: '      - type: paymentRecieved' }))).toEqual([
      "t.yaml:20:15 parties[0].events[1].type: unknown event type 'paymentRecieved' (expected one of: claimRaised, paymentReceived, paymentPlaced, setOff, setOffInLegalOrder, payout)",
    ]);
  });

  it('an event without a type is a missing property, said once', () => {
    expect(problemsOf(yamlWith({ 20: '      - date: -20d', 21: null }))).toEqual([
      "t.yaml:20:9 parties[0].events[1]: missing required property 'type'",
    ]);
  });

  it('a bad enum value', () => {
    expect(problemsOf(yamlWith({ 11: '        reskontro: moms' }))).toEqual([
      "t.yaml:11:20 parties[0].events[0].reskontro: 'moms' is not one of: mva, skatteinnkreving",
    ]);
  });

  it('an amount with three decimals', () => {
    expect(problemsOf(yamlWith({ 18: '            beloep: 1000.005' }))).toEqual([
      't.yaml:18:21 parties[0].events[0].kravforfall[0].beloep: amount 1000.005 has more than two decimals',
    ]);
  });

  it('two-decimal amounts that are not exact in binary are fine', () => {
    expect(problemsOf(yamlWith({ 18: '            beloep: 1000.07', 23: '        beloep: 0.07' }))).toEqual([]);
  });

  it('a negative payment amount', () => {
    expect(problemsOf(yamlWith({ 23: '        beloep: -400' }))).toEqual([
      't.yaml:23:17 parties[0].events[1].beloep: amount -400 must be more than 0',
    ]);
  });

  it('a oneOf reports its most specific error only', () => {
    expect(problemsOf(yamlWith({ 14: ['        kravbeskrivelse: Mva januar - februar', '        stipulerteRenter: 1.005'] }))).toEqual([
      't.yaml:15:27 parties[0].events[0].stipulerteRenter: amount 1.005 has more than two decimals',
    ]);
    expect(problemsOf(yamlWith({ 14: ['        kravbeskrivelse: Mva januar - februar', '        stipulerteRenter: lots'] }))).toEqual([
      "t.yaml:15:27 parties[0].events[0].stipulerteRenter: expected a number or null but got the text 'lots'",
    ]);
  });

  it('a bad scenario name', () => {
    expect(problemsOf(yamlWith({ 1: 'name: Base Case' }))).toEqual([
      "t.yaml:1:7 name: 'Base Case' is not a scenario name: expected lower-case letters, digits and hyphens, starting with a letter or digit, at most 80 characters",
    ]);
  });

  it('an empty file', () => {
    expect(problemsOf('# nothing here\n')).toEqual([
      't.yaml:1:1 (root): the file is empty: expected a scenario with name, description and parties',
    ]);
  });
});

describe('dates', () => {
  it('a date that is not in the calendar', () => {
    expect(problemsOf(yamlWith({ 17: '            forfallsdato: 2025-02-30' }))).toEqual([
      "t.yaml:17:27 parties[0].events[0].kravforfall[0].forfallsdato: '2025-02-30' is not a calendar date: 2025-02 has 28 days",
    ]);
  });

  it('a month that does not exist', () => {
    expect(problemsOf(yamlWith({ 9: '        date: 2025-13-01' }))).toEqual([
      "t.yaml:9:15 parties[0].events[0].date: '2025-13-01' is not a calendar date: there is no month 13",
    ]);
  });

  it("the scenario's own clock must be a calendar date", () => {
    expect(problemsOf(yamlWith({ 3: 'clock: 2024-02-30' }))).toEqual([
      "t.yaml:3:8 clock: '2024-02-30' is not a calendar date: 2024-02 has 29 days",
    ]);
  });

  it('an offset that leaves the years 0000-9999', () => {
    expect(problemsOf(yamlWith({ 21: '        date: +99999y' }))).toEqual([
      "t.yaml:21:15 parties[0].events[1].date: '+99999y' resolves to a date outside the years 0000-9999 (clock 2025-03-15)",
    ]);
  });
});

describe('ledger rules (checkLedger), positioned in the file', () => {
  it('an invalid organisation number (check digit)', () => {
    expect(problemsOf(yamlWith({ 5: '  - partIdentifikator: "313367003"' }))).toEqual([
      "t.yaml:5:24 parties[0].partIdentifikator: partIdentifikator '313367003' is not a valid organisasjonsnummer: the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match",
    ]);
  });

  it('an invalid KID', () => {
    expect(problemsOf(yamlWith({ 19: '            kidnummer: "100200303"' }))).toEqual([
      "t.yaml:19:24 parties[0].events[0].kravforfall[0].kidnummer: kidnummer '100200303' is not a valid KID: the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit",
    ]);
  });

  it('an invalid account number', () => {
    expect(problemsOf(yamlWith({ 26: '          kontonummer: "15031411112"' }))).toEqual([
      "t.yaml:26:24 parties[0].events[1].betaler.kontonummer: betaler.kontonummer '15031411112' is not a valid kontonummer: the mod 11 check digit (weights 5 4 3 2 7 6 5 4 3 2) does not match",
    ]);
  });

  const secondClaim = (claimId: string, instalmentId: string): string[] => [
    '      - type: claimRaised',
    '        date: -50d',
    `        kravidentifikator: ${claimId}`,
    '        reskontro: skatteinnkreving',
    '        kravtype: RESTSKATT',
    '        kravgruppe: Skatt',
    '        kravbeskrivelse: Restskatt - 2024',
    '        kravforfall:',
    `          - kravforfallsIdentifikator: ${instalmentId}`,
    '            forfallsdato: -10d',
    '            beloep: 500',
  ];

  it('a duplicate claim id', () => {
    expect(problemsOf(yamlWith({}, secondClaim('K1', 'K2-1')))).toEqual([
      "t.yaml:29:28 parties[0].events[2].kravidentifikator: kravidentifikator 'K1' is already used by events[0]",
    ]);
  });

  it('a duplicate instalment id', () => {
    expect(problemsOf(yamlWith({}, secondClaim('K2', 'K1-1')))).toEqual([
      "t.yaml:35:40 parties[0].events[2].kravforfall[0].kravforfallsIdentifikator: kravforfallsIdentifikator 'K1-1' is already used by events[0].kravforfall[0]",
    ]);
  });

  const placement = (instalment: string, beloep: number): string[] => [
    '      - type: paymentPlaced',
    '        date: -19d',
    '        innbetalingsidentifikator: P1',
    `        kravforfallsIdentifikator: ${instalment}`,
    `        beloep: ${beloep}`,
  ];

  it('a placement on an instalment that does not exist', () => {
    expect(problemsOf(yamlWith({}, placement('K1-2', 100)))).toEqual([
      "t.yaml:30:36 parties[0].events[2].kravforfallsIdentifikator: kravforfallsIdentifikator 'K1-2' does not match any instalment (kravforfallsIdentifikator) in the ledger",
    ]);
  });

  it('placing more than the payment has', () => {
    expect(problemsOf(yamlWith({}, placement('K1-1', 500)))).toEqual([
      "t.yaml:31:17 parties[0].events[2].beloep: beloep 500 exceeds the unplaced amount left on payment 'P1' (400 on 2025-02-24)",
    ]);
  });

  const credit = [
    '      - type: claimRaised',
    '        date: -15d',
    '        kravidentifikator: K9',
    '        reskontro: skatteinnkreving',
    '        kravtype: RESTERENDE_SKT_TILB',
    '        kravgruppe: Skatt',
    '        kravbeskrivelse: Tilgode',
    '        kravforfall:',
    '          - kravforfallsIdentifikator: K9-1',
    '            forfallsdato: -15d',
    '            beloep: -300',
  ];

  it('a payout larger than the credit', () => {
    const payout = [
      '      - type: payout',
      '        date: -5d',
      '        utbetalingsidentifikator: U1',
      '        mottaker: { navn: TEST ENK }',
      '        fraKreditkrav:',
      '          - { kravforfallsIdentifikator: K9-1, beloep: 300.01 }',
    ];
    expect(problemsOf(yamlWith({}, [...credit, ...payout]))).toEqual([
      "t.yaml:43:56 parties[0].events[3].fraKreditkrav[0].beloep: fraKreditkrav[0].beloep 300.01 exceeds the credit left on instalment 'K9-1' (300 on 2025-03-10)",
    ]);
  });

  it('a set-off larger than the debt', () => {
    const setOff = [
      '      - type: setOff',
      '        date: -5d',
      '        kreditKravforfallsIdentifikator: K9-1',
      '        debetKravforfallsIdentifikator: K1-1',
      '        beloep: 250',
    ];
    // P1 (no KID) is placed by hand: 600 of K1-1's 1000 is left when 3000 of credit meets it.
    const bigCredit = credit.map((l) => l.replace('-300', '-3000'));
    expect(problemsOf(yamlWith({}, [...placement('K1-1', 400), ...bigCredit, ...setOff.map((l) => l.replace('250', '700'))]))).toEqual([
      "t.yaml:47:17 parties[0].events[4].beloep: beloep 700 exceeds the debt left on instalment 'K1-1' (600 on 2025-03-10)",
    ]);
    expect(problemsOf(yamlWith({}, [...placement('K1-1', 400), ...bigCredit, ...setOff.map((l) => l.replace('250', '600'))]))).toEqual([]);
  });
});
