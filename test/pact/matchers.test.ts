// The contract-derived Pact matchers: what each kind of schema becomes, the Norwegian identifier
// rules, and the errors that keep an example honest.
import { describe, expect, it } from 'vitest';
import { createContract, loadContractDocument, type OpenApiDocument } from '../../server/contract.js';
import { IDENTIFIER_RULES, commonShape, errorBody, errorBodyXml, matchContract, matchContractXml, withXmlBody } from '../../server/pact/index.js';

type M = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): M =>
  path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value) as M;

const bankkonto = { kontoeiersNavn: 'SKATTEETATEN - SKATTEINNKREVING', kontonummer: '76940524802', iban: 'NO42 7694 0524 802', swiftBIC: 'DNBANOKKXXX' };

describe('matchContract', () => {
  it('matches an object property by property, each by its own schema', () => {
    expect(matchContract('Periode', { fraOgMed: '2026-01-01', tilOgMed: '2026-11-26' })).toEqual({
      fraOgMed: { 'pact:matcher:type': 'date', format: 'yyyy-MM-dd', value: '2026-01-01' },
      tilOgMed: { 'pact:matcher:type': 'date', format: 'yyyy-MM-dd', value: '2026-11-26' },
    });
  });

  it('turns arrays into eachLike (at least one) of the shape all elements share; an empty array stays empty', () => {
    const template = matchContract('MultiSpraakTekst', {
      spraakTekst: [
        { tekst: 'Restskatt', spraak: 'nb' },
        { tekst: 'Residual tax', spraak: 'en' },
      ],
    });
    expect(at(template, 'spraakTekst')).toEqual({
      'pact:matcher:type': 'type',
      min: 1,
      value: [{ tekst: { 'pact:matcher:type': 'type', value: 'Restskatt' }, spraak: { 'pact:matcher:type': 'regex', regex: '^[a-z]{2}$', value: 'nb' } }],
    });
    expect(matchContract('AdresseFrittFormat', { adressetekst: [], postnummer: '0107' })).toEqual({
      adressetekst: [],
      postnummer: { 'pact:matcher:type': 'type', value: '0107' },
    });
  });

  it('keeps in an array element only what every element has, so each element the provider sends can match it', () => {
    const shape = commonShape([
      { a: 1, b: 2, list: [{ x: 1, y: 2 }], mixed: [1] },
      { a: 3, list: [{ x: 5 }], mixed: [] },
    ]);
    expect(shape).toEqual({ a: 1, list: [{ x: 1 }] });
    const innbetalinger = matchContract('Innbetalinger', {
      partIdentifikator: '313367002',
      skjermet: false,
      innbetaling: [
        { partIdentifikator: '313367002', innbetalingsidentifikator: '1', innbetalingsdato: '2026-01-13', innbetaltBeloep: -100, uplassertBeloep: 0, innbetalingstype: 'OCR', mottakersKontonummer: { kontonummer: '76940524802' } },
        { partIdentifikator: '313367002', innbetalingsidentifikator: '2', innbetalingsdato: '2026-02-13', innbetaltBeloep: -200.5, uplassertBeloep: 0, innbetalingstype: 'OCR' },
      ],
    });
    const item = at(innbetalinger, 'innbetaling', 'value', 0);
    expect(Object.keys(item).sort()).toEqual(['innbetalingsdato', 'innbetalingsidentifikator', 'innbetalingstype', 'innbetaltBeloep', 'partIdentifikator', 'uplassertBeloep']);
  });

  it('matches format: date with a date matcher and refuses an example that is not a date', () => {
    expect(at(matchContract('Kravperiode', { periodeBeskrivelse: { spraakTekst: [{ tekst: 'Termin', spraak: 'nb' }] }, fraDato: '2026-01-01' }), 'fraDato')).toEqual({
      'pact:matcher:type': 'date',
      format: 'yyyy-MM-dd',
      value: '2026-01-01',
    });
    expect(() => matchContract('Periode', { fraOgMed: '2026-13-01' })).toThrow("Periode.fraOgMed: '2026-13-01' is not a date (YYYY-MM-DD)");
  });

  it('matches an enum with a regex of its alternatives, also through a $ref, and refuses other values', () => {
    const utbetaling = {
      partIdentifikator: '311851381',
      utbetalingsidentifikator: '64213027',
      utbetaltdato: '2026-07-15',
      utbetaltBeloep: 1200,
      betaltTil: { valutakode: 'NOK' },
      grunnlagForUtbetaling: {},
      utbetalingstatus: 'bekreftet',
    };
    expect(at(matchContract('Utbetaling', utbetaling), 'utbetalingstatus')).toEqual({
      'pact:matcher:type': 'regex',
      regex: '^(bekreftet|underUtbetaling)$',
      value: 'bekreftet',
    });
    expect(() => matchContract('Utbetaling', { ...utbetaling, utbetalingstatus: 'utbetalt' })).toThrow(
      "Utbetaling.utbetalingstatus: 'utbetalt' is not one of the contract's values bekreftet, underUtbetaling",
    );
  });

  it('matches Norwegian identifiers by field name with the documented rules', () => {
    const konto = matchContract('Bankkonto', bankkonto);
    expect(at(konto, 'kontonummer')).toMatchObject({ 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.kontonummer!.pattern });
    expect(at(konto, 'iban')).toMatchObject({ 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.iban!.pattern });
    expect(at(konto, 'swiftBIC')).toMatchObject({ 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.swiftBIC!.pattern });
    expect(at(konto, 'kontoeiersNavn')).toEqual({ 'pact:matcher:type': 'type', value: 'SKATTEETATEN - SKATTEINNKREVING' });
    const info = matchContract('Betalingsinformasjon', { kidnummer: '794081284012606', valutakode: 'NOK' });
    expect(at(info, 'kidnummer')).toMatchObject({ 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.kidnummer!.pattern });
    expect(at(info, 'valutakode')).toMatchObject({ 'pact:matcher:type': 'regex', regex: '^[A-Z]{3}$' });
    const feil = matchContract('Feil', { kode: 'KB-006', melding: 'Ugyldig', korrelasjonsid: '0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10' });
    expect(at(feil, 'korrelasjonsid')).toMatchObject({ 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.korrelasjonsid!.pattern });
    // Opaque ids differ between ledgers (KRAV-33712709, 253517389): type-matched.
    const krav = matchContract('KravPlassertMotInnbetaling', { kravforfallIdentifikator: 'KRAV-33158653', plassertBeloep: 51321 });
    expect(at(krav, 'kravforfallIdentifikator')).toEqual({ 'pact:matcher:type': 'type', value: 'KRAV-33158653' });
  });

  it('has identifier rules that accept the real shapes and refuse others', () => {
    const cases: [string, string[], string[]][] = [
      ['partIdentifikator', ['313367002', '13114614453'], ['31336700', '3133670021', 'ABC367002']],
      ['kidnummer', ['18719784330100322000006', '794081284012606', '1234567-', '12'], ['1', '12345678901234567890123456', '12a4', '-1234']],
      ['kontonummer', ['76940524802', '******43210', '627xxxxxx'], ['7694052480', '*****43210', 'NO76940524802']],
      ['korrelasjonsid', ['13a865f5-28f9-47db-9abd-ab78977c79fe'], ['13a865f5-28f9-47db-9abd', 'not-a-uuid']],
      ['iban', ['NO5876940518888', 'NO42 7694 0524 802', 'NO42 6345 06 24804'], ['76940518888', 'NO58']],
      ['swiftBIC', ['DNBANOKK', 'DNBANOKKXXX', 'NDEANOKK'], ['DNBANO', 'DNBANOKKX']],
    ];
    for (const [field, good, bad] of cases) {
      const pattern = new RegExp(IDENTIFIER_RULES[field]!.pattern!);
      for (const value of good) expect(pattern.test(value), `${field} ${value}`).toBe(true);
      for (const value of bad) expect(pattern.test(value), `${field} ${value}`).toBe(false);
    }
  });

  it('refuses an identifier example that breaks its rule, naming the path', () => {
    expect(() => matchContract('Bankkonto', { kontonummer: '1234' })).toThrow("Bankkonto.kontonummer: '1234' does not match");
  });

  it('uses type matchers for numbers (never decimal: amounts can be whole) and booleans', () => {
    const total = matchContract('TotalOversikt', { sumStipulerteRenter: 400, sumForfalteKrav: 20000.5, sumIkkeForfalteKrav: 0, sumUplasserteInnbetalinger: 0, saldo: 20400 });
    expect(at(total, 'sumStipulerteRenter')).toEqual({ 'pact:matcher:type': 'number', value: 400 });
    expect(at(total, 'sumForfalteKrav')).toEqual({ 'pact:matcher:type': 'number', value: 20000.5 });
    expect(at(matchContract('AapneKrav', { partIdentifikator: '313367002', skjermet: false }), 'skjermet')).toEqual({ 'pact:matcher:type': 'type', value: false });
    expect(() => matchContract('TotalOversikt', { saldo: '20400' })).toThrow('TotalOversikt.saldo: expected a number as the contract says, got "20400"');
  });

  it('uses integer matchers for integer schemas and lets a contract pattern win over the identifier table', () => {
    const doc = loadContractDocument();
    const custom: OpenApiDocument = {
      ...doc,
      components: {
        ...doc.components,
        schemas: {
          ...doc.components.schemas,
          Teller: { type: 'object', properties: { antall: { type: 'integer' }, kidnummer: { type: 'string', pattern: '^[0-9]{4}$' } } },
        },
      },
    };
    const template = matchContract('Teller', { antall: 3, kidnummer: '1234' }, createContract(custom));
    expect(template).toEqual({
      antall: { 'pact:matcher:type': 'integer', value: 3 },
      kidnummer: { 'pact:matcher:type': 'regex', regex: '^[0-9]{4}$', value: '1234' },
    });
    expect(() => matchContract('Teller', { antall: 2.5 }, createContract(custom))).toThrow('Teller.antall: expected an integer');
  });

  it('names an unknown schema and lists the ones that exist', () => {
    expect(() => matchContract('ApneKrav', {})).toThrow(/contract has no schema 'ApneKrav' \(schemas: AapneKrav, AdresseFrittFormat/);
  });

  it('refuses a property the contract does not declare (a renamed field cannot slip into a pact)', () => {
    expect(() => matchContract('Periode', { fraOgMed: '2026-01-01', tilOgmed: '2026-11-26' })).toThrow(
      "Periode.tilOgmed: the contract does not declare 'tilOgmed' here (declared: fraOgMed, tilOgMed)",
    );
  });
});

describe('errorBody', () => {
  it('keeps kode exact, matches melding by type and korrelasjonsid as a UUID', () => {
    expect(errorBody('KB-007', { melding: 'Fant ingen krav' })).toEqual({
      kode: 'KB-007',
      melding: { 'pact:matcher:type': 'type', value: 'Fant ingen krav' },
      korrelasjonsid: { 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.korrelasjonsid!.pattern, value: '0b7c8f44-6d8f-4a39-9d1c-3f2f6b1f6a10' },
    });
    expect(() => errorBody('KB6')).toThrow("error code 'KB6' is not of the form KB-006");
  });
});

describe('matchContractXml', () => {
  it('builds the XML body with the root element of the schema, repeated elements for lists and regexes for numbers', () => {
    const xml = matchContractXml('Utbetalinger', {
      partIdentifikator: '311851381',
      periode: { fraOgMed: '2026-01-01' },
      skjermet: false,
      utbetaling: [
        { partIdentifikator: '311851381', utbetalingsidentifikator: '1', utbetaltdato: '2026-07-15', utbetaltBeloep: 1200, betaltTil: {}, grunnlagForUtbetaling: {} },
        { partIdentifikator: '311851381', utbetalingsidentifikator: '2', utbetaltdato: '2026-09-15', utbetaltBeloep: 800.5, betaltTil: {}, grunnlagForUtbetaling: {} },
      ],
    });
    const root = (JSON.parse(xml.body) as { root: { name: string; children: M[] } }).root;
    expect(root.name).toBe('utbetalinger');
    const list = root.children.find((c) => c['pact:matcher:type'] === 'type')!;
    expect(at(list, 'value', 'name')).toBe('utbetaling');
    const belop = (at(list, 'value', 'children') as unknown as M[]).find((c) => c.name === 'utbetaltBeloep')!;
    expect(at(belop, 'children', 0, 'matcher')).toMatchObject({ 'pact:matcher:type': 'regex', regex: '^-?[0-9]+(\\.[0-9]+)?$', value: '1200' });
    expect(xml.matchingRules).toEqual([]);
  });

  it('refuses a list whose elements have different children, since Pact matches XML children strictly', () => {
    expect(() =>
      matchContractXml('AlleKrav', {
        partIdentifikator: '311851381',
        periode: { fraOgMed: '2026-01-01' },
        skjermet: false,
        krav: [
          { partIdentifikator: '311851381', kravidentifikator: '1', kravtype: 'RESTSKATT', opprinneligBeloep: 1, gjenstaaendeBeloep: 1, kravforfall: [], stipulerteRenter: 5 },
          { partIdentifikator: '311851381', kravidentifikator: '2', kravtype: 'RESTSKATT', opprinneligBeloep: 1, gjenstaaendeBeloep: 1, kravforfall: [] },
        ],
      }),
    ).toThrow('AlleKrav.krav: element 0 has <stipulerteRenter> that other elements lack');
  });

  it('writes the rules of a namespaced error body with qualified paths and keeps kode exact', () => {
    const xml = errorBodyXml('KB-007', { melding: 'Fant ingen innbetalinger' });
    expect(xml.body).toContain('"xmlns":"urn:no:skatteetaten:datasamarbeid:feil:v1"');
    expect(xml.body).toContain('{"content":"KB-007"}');
    const ns = 'urn:no:skatteetaten:datasamarbeid:feil:v1';
    expect(xml.matchingRules).toEqual([
      { path: `$['${ns}:feil']['${ns}:melding']['#text']`, rules: [expect.objectContaining({ 'pact:matcher:type': 'type' })] },
      { path: `$['${ns}:feil']['${ns}:korrelasjonsid']['#text']`, rules: [expect.objectContaining({ 'pact:matcher:type': 'regex', regex: IDENTIFIER_RULES.korrelasjonsid!.pattern })] },
    ]);
    const calls: string[] = [];
    withXmlBody({ xmlBody: () => calls.push('xmlBody'), matchingRules: (rules) => calls.push(`rules:${(rules.body as unknown[]).length}`) }, xml);
    expect(calls).toEqual(['xmlBody', 'rules:2']);
  });
});
