import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
// With a fixed clock, serverToday is still the server's own (real) date.
import { today } from '../../server/ledger/dates.js';
import { loadScenarioText } from '../../server/scenarios/load.js';
import { ScenarioLoadError } from '../../server/scenarios/types.js';
import { request, type CheckedResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const TIGER = '312438623';
const CAFE = '313367002';

const newApp = () => createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });
type App = ReturnType<typeof newApp>;
const session = (id: string) => ({ 'X-Kravmock-Session': id });

/** An overdue restskatt half paid by KID and a payment without KID, all dated relative to the clock. */
const TIGER_YAML = `name: restskatt-halvt-betalt
description: An AS with overdue restskatt, half paid by KID, and a payment without KID.
parties:
  - partIdentifikator: "${TIGER}"
    navn: OVERFØLSOM GLAD TIGER AS
    events:
      - type: claimRaised
        date: -90d
        kravidentifikator: "270000001"
        reskontro: skatteinnkreving
        kravtype: RESTSKATT
        kravgruppe: Skatt
        kravbeskrivelse: Restskatt - 2025
        kravforfall:
          - kravforfallsIdentifikator: "370000001"
            forfallsdato: -60d
            beloep: 24000
            kidnummer: "0095755263306220219"
      - type: paymentReceived
        date: -20d
        innbetalingsidentifikator: "850000001"
        beloep: 12000
        kidnummer: "0095755263306220219"
        betaler: { navn: Kari Nordmann }
      - type: paymentReceived
        date: -5d
        innbetalingsidentifikator: "850000002"
        beloep: 2500
        betaler: { navn: OVERFØLSOM GLAD TIGER AS }
`;

const tigerJson = (name = 'tiger-json', partIdentifikator = TIGER) => ({
  name,
  description: 'One party, one open claim.',
  parties: [
    {
      partIdentifikator,
      navn: 'OVERFØLSOM GLAD TIGER AS',
      events: [
        {
          type: 'claimRaised',
          date: 'today',
          kravidentifikator: 'K-1',
          reskontro: 'skatteinnkreving',
          kravtype: 'RESTSKATT',
          kravgruppe: 'Skatt',
          kravbeskrivelse: 'Restskatt',
          kravforfall: [{ kravforfallsIdentifikator: 'F-1', forfallsdato: '+10d', beloep: 500 }],
        },
      ],
    },
  ],
});

const load = (app: App, text: string, contentType = 'application/yaml', query = '', headers: Record<string, string> = {}) =>
  request(app, 'post', `/__admin/scenarios${query}`, { body: text, contentType, headers });

async function scenarioNames(app: App, headers: Record<string, string> = {}): Promise<string[]> {
  const res = await request(app, 'get', '/__admin/scenarios', { headers });
  return (res.body.scenarios as { name: string }[]).map((s) => s.name);
}

type Totals = { sumForfalteKrav: number; sumUplasserteInnbetalinger: number; saldo: number };

async function totals(app: App, id: string, headers: Record<string, string> = {}): Promise<Totals | number> {
  const res = await request(app, 'get', `/v1/regnskapssystem/${id}/aapnekrav`, { headers });
  return res.status === 200 ? (res.body.totalOversikt as Totals) : res.status;
}

function loaderProblems(text: string, format: 'yaml' | 'json', existing = builtinScenario(CLOCK)) {
  try {
    loadScenarioText(text, '<body>', format, { defaultClock: CLOCK, fixedClock: CLOCK, existing: [existing] });
  } catch (error) {
    if (error instanceof ScenarioLoadError) return error.problems;
    throw error;
  }
  return [];
}

function expectClash(res: CheckedResponse, message: string): void {
  expect(res.status).toBe(409);
  expect(res.body.error).toBe('scenario-clash');
  expect(res.body.message).toBe(message);
}

describe('POST /__admin/scenarios', () => {
  it('loads a YAML scenario: 201 with its summary, listed, and its party answers on the API', async () => {
    const app = newApp();
    expect(await totals(app, TIGER)).toBe(404);
    const res = await load(app, TIGER_YAML);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      name: 'restskatt-halvt-betalt',
      description: 'An AS with overdue restskatt, half paid by KID, and a payment without KID.',
      source: '<body>',
      clock: CLOCK,
      answeredAt: CLOCK,
      parties: [{ partIdentifikator: TIGER, navn: 'OVERFØLSOM GLAD TIGER AS', skjermet: false, krav: 1, innbetalinger: 2, utbetalinger: 0 }],
    });
    const list = await request(app, 'get', '/__admin/scenarios');
    expect((list.body.scenarios as unknown[])[1]).toEqual(res.body);
    expect(await totals(app, TIGER)).toMatchObject({ sumForfalteKrav: 12000, sumUplasserteInnbetalinger: -2500 });
  });

  it.each(['text/yaml', 'application/x-yaml', 'application/yaml; charset=utf-8'])('reads YAML sent as %s', async (type) => {
    const res = await load(newApp(), TIGER_YAML, type);
    expect(res.status).toBe(201);
  });

  it('loads a JSON scenario, its relative dates counted from the date the scope answers at', async () => {
    const app = newApp();
    await request(app, 'post', '/__admin/clock/advance', { body: { days: 10 } });
    const res = await load(app, JSON.stringify(tigerJson()), 'application/json');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'tiger-json', clock: '2026-12-06', answeredAt: '2026-12-06' });
    const krav = await request(app, 'get', `/v1/regnskapssystem/${TIGER}/krav?fraOgMed=2026-12-01&tilOgMed=2026-12-31`);
    expect(krav.body.krav).toEqual([expect.objectContaining({ kravidentifikator: 'K-1', opprettelsesdatoForKrav: '2026-12-06' })]);
  });

  it('rejects a YAML syntax error with its line and column, and loads nothing', async () => {
    const app = newApp();
    const text = 'name: broken\ndescription: d\nparties:\n  - partIdentifikator: "312438623"\n    navn: [A\n    events: []\n';
    const res = await load(app, text);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-scenario');
    const expected = loaderProblems(text, 'yaml');
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.problems).toEqual(expected);
    expect(expected[0]).toMatchObject({ file: '<body>', line: 6, col: 5, path: '(yaml)' });
    expect(res.body.message).toBe(`the scenario was rejected, nothing was loaded: <body>:${expected[0]!.line}:${expected[0]!.col} (yaml): ${expected[0]!.message}${expected.length > 1 ? ` (and ${expected.length - 1} more problem${expected.length > 2 ? 's' : ''}, see problems)` : ''}`);
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter']);
  });

  it('lists every problem, positioned, with the messages kravmock validate gives', async () => {
    const app = newApp();
    const text = TIGER_YAML.replace('beloep: 24000', 'beloep: 24000\n            rente: 5').replace('"0095755263306220219"\n      - type: paymentReceived', '"0095755263306220218"\n      - type: paymentReceived').replace('date: -5d', 'date: -5x');
    const res = await load(app, text);
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual(loaderProblems(text, 'yaml'));
    expect(res.body.problems).toEqual([
      { file: '<body>', line: 18, col: 13, path: 'parties[0].events[0].kravforfall[0].rente', message: "unknown property 'rente' (allowed: kravforfallsIdentifikator, forfallsdato, beloep, kidnummer)" },
      { file: '<body>', line: 27, col: 15, path: 'parties[0].events[2].date', message: "'-5x' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y" },
    ]);
    expect(await totals(app, TIGER)).toBe(404);
  });

  it('reports a semantic problem of the ledger with its position', async () => {
    const text = TIGER_YAML.replace('beloep: 12000', 'beloep: 12000.001');
    const res = await load(newApp(), text);
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual(loaderProblems(text, 'yaml'));
    expect(res.body.problems).toEqual([{ file: '<body>', line: 22, col: 17, path: 'parties[0].events[1].beloep', message: 'amount 12000.001 has more than two decimals' }]);
  });

  it('rejects a JSON body with __proto__ as an unknown property and pollutes nothing', async () => {
    const text = JSON.stringify(tigerJson()).replace('{"name"', '{"__proto__":{"polluted":true},"name"');
    const res = await load(newApp(), text, 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.problems).toEqual([expect.objectContaining({ path: '__proto__', message: expect.stringContaining("unknown property '__proto__'") })]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers 409 scenario-clash for a name already loaded, naming both, and replaces it with ?replace=true', async () => {
    const app = newApp();
    expect((await load(app, TIGER_YAML)).status).toBe(201);
    const paid = await request(app, 'post', `/__admin/parties/${TIGER}/payments`, { body: { beloep: 100 } });
    expect(paid.status).toBe(201);
    const again = TIGER_YAML.replace('beloep: 2500', 'beloep: 3000');
    const clash = await load(app, again);
    expectClash(clash, "the scenario clashes with what is loaded, nothing was loaded: scenario name 'restskatt-halvt-betalt' is already used by <body>: names must be unique; party '312438623' is already in parties[0] of scenario 'restskatt-halvt-betalt' (<body>): a party has one ledger, in one scenario; send ?replace=true to replace the scenario of that name");
    expect(clash.body.problems).toEqual([
      { file: '<body>', line: 1, col: 7, path: 'name', message: "scenario name 'restskatt-halvt-betalt' is already used by <body>: names must be unique" },
      {
        file: '<body>',
        line: 4,
        col: 24,
        path: 'parties[0].partIdentifikator',
        message: "party '312438623' is already in parties[0] of scenario 'restskatt-halvt-betalt' (<body>): a party has one ledger, in one scenario",
      },
    ]);
    expect(await totals(app, TIGER)).toMatchObject({ sumUplasserteInnbetalinger: -2600 });

    const replaced = await load(app, again, 'application/yaml', '?replace=true');
    expect(replaced.status).toBe(201);
    // The new version as loaded: the payment added to the old one is gone.
    expect(await totals(app, TIGER)).toMatchObject({ sumUplasserteInnbetalinger: -3000 });
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter', 'restskatt-halvt-betalt']);
  });

  it('answers 409 for a party that belongs to another scenario, even with replace', async () => {
    const app = newApp();
    const text = JSON.stringify(tigerJson('cafe-again', CAFE));
    const res = await load(app, text, 'application/json', '?replace=true');
    expectClash(res, "the scenario clashes with what is loaded, nothing was loaded: party '313367002' is already in parties[0] of scenario 'offisielle-testparter' (<built-in>): a party has one ledger, in one scenario");
    expect(res.body.problems).toEqual([expect.objectContaining({ file: '<body>', line: 1, path: 'parties[0].partIdentifikator' })]);
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter']);
  });

  it('refuses a replace value other than true or false', async () => {
    const res = await load(newApp(), TIGER_YAML, 'application/yaml', '?replace=yes');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid-request', message: 'replace="yes": expected replace=true or replace=false' });
  });

  it('refuses no body, another media type and a body over 5 MB', async () => {
    const app = newApp();
    const none = await request(app, 'post', '/__admin/scenarios');
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('invalid-scenario');
    const text = await load(app, TIGER_YAML, 'text/plain');
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ error: 'unsupported-media-type', message: 'the request body is text/plain: expected a scenario document as application/json, or as YAML (application/yaml, text/yaml, application/x-yaml)' });
    const large = await load(app, `${TIGER_YAML}# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(large.status).toBe(413);
    expect(large.body).toEqual({ error: 'body-too-large', message: 'the request body is larger than this endpoint accepts (5mb)' });
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter']);
  });
});

describe('POST /__admin/scenarios/files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kravmock-admin-'));
  writeFileSync(join(dir, 'tiger.yaml'), TIGER_YAML);
  mkdirSync(join(dir, 'more'));
  writeFileSync(join(dir, 'more', 'a.json'), JSON.stringify(tigerJson('more-a', '315810000')));
  writeFileSync(join(dir, 'more', 'b.yaml'), TIGER_YAML.replace('name: restskatt-halvt-betalt', 'name: more-b').replaceAll(TIGER, '315820006'));
  writeFileSync(join(dir, 'bad.yaml'), TIGER_YAML.replace('date: -5d', 'date: later'));

  it('loads files and folders from the server’s disk', async () => {
    const app = newApp();
    const res = await request(app, 'post', '/__admin/scenarios/files', { body: { paths: [join(dir, 'tiger.yaml'), join(dir, 'more')] } });
    expect(res.status).toBe(201);
    const scenarios = res.body.scenarios as { name: string; source: string }[];
    expect(scenarios.map((s) => [s.name, s.source])).toEqual([
      ['restskatt-halvt-betalt', join(dir, 'tiger.yaml')],
      ['more-a', join(dir, 'more', 'a.json')],
      ['more-b', join(dir, 'more', 'b.yaml')],
    ]);
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter', 'restskatt-halvt-betalt', 'more-a', 'more-b']);
    expect(await totals(app, '315820006')).toMatchObject({ sumForfalteKrav: 12000 });
  });

  it('loads nothing when any file has a problem, listing every problem with its file', async () => {
    const app = newApp();
    const res = await request(app, 'post', '/__admin/scenarios/files', { body: { paths: [join(dir, 'tiger.yaml'), join(dir, 'bad.yaml'), join(dir, 'missing.yaml')] } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-scenario');
    const bad = join(dir, 'bad.yaml');
    expect(res.body.problems).toEqual([
      { file: bad, line: 1, col: 7, path: 'name', message: `scenario name 'restskatt-halvt-betalt' is already used by ${join(dir, 'tiger.yaml')}: names must be unique` },
      {
        file: bad,
        line: 4,
        col: 24,
        path: 'parties[0].partIdentifikator',
        message: `party '312438623' is already in parties[0] of scenario 'restskatt-halvt-betalt' (${join(dir, 'tiger.yaml')}): a party has one ledger, in one scenario`,
      },
      { file: bad, line: 26, col: 15, path: 'parties[0].events[2].date', message: "'later' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y" },
      { file: join(dir, 'missing.yaml'), line: 1, col: 1, path: '(file)', message: 'no such file or directory' },
    ]);
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter']);
  });

  it('answers 409 for a clash with a loaded scenario and replaces with "replace": true', async () => {
    const app = newApp();
    await load(app, TIGER_YAML);
    const clash = await request(app, 'post', '/__admin/scenarios/files', { body: { paths: [join(dir, 'tiger.yaml')] } });
    expectClash(clash, "the scenario clashes with what is loaded, nothing was loaded: scenario name 'restskatt-halvt-betalt' is already used by <body>: names must be unique; party '312438623' is already in parties[0] of scenario 'restskatt-halvt-betalt' (<body>): a party has one ledger, in one scenario; send ?replace=true to replace the scenario of that name");
    const replaced = await request(app, 'post', '/__admin/scenarios/files', { body: { paths: [join(dir, 'tiger.yaml')], replace: true } });
    expect(replaced.status).toBe(201);
    const list = await request(app, 'get', '/__admin/scenarios');
    expect((list.body.scenarios as { source: string }[])[1]!.source).toBe(join(dir, 'tiger.yaml'));
  });

  it.each([
    [{}, "paths: missing required property 'paths': expected a list of files and folders"],
    [{ paths: [] }, 'paths: expected a non-empty list of files and folders on the server'],
    [{ paths: ['a.yaml', 3] }, 'paths[1]: expected a file or folder path (text) but got 3'],
    [{ paths: ['a.yaml'], replace: 'yes' }, 'replace: expected true or false but got "yes"'],
    [{ paths: ['a.yaml'], force: true }, "force: unknown property 'force' (allowed: paths, replace)"],
  ])('refuses %j naming the field', async (body, first) => {
    const res = await request(newApp(), 'post', '/__admin/scenarios/files', { body });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-body');
    expect(res.body.message).toBe(`${first}; expected {"paths": ["scenarios/x.yaml", "more/"], "replace": false}`);
  });
});

describe('DELETE /__admin/scenarios/{name}', () => {
  it('removes a scenario and its parties, for good (a reset does not bring it back)', async () => {
    const app = newApp();
    await load(app, TIGER_YAML);
    const res = await request(app, 'delete', '/__admin/scenarios/restskatt-halvt-betalt');
    expect(res.status).toBe(204);
    expect(await totals(app, TIGER)).toBe(404);
    await request(app, 'post', '/__admin/reset');
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter']);
    expect(await totals(app, TIGER)).toBe(404);
  });

  it('answers 404 unknown-scenario listing the loaded ones', async () => {
    const res = await request(newApp(), 'delete', '/__admin/scenarios/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'unknown-scenario', message: "no scenario 'nope' is loaded in this scope; loaded: 'offisielle-testparter'" });
  });
});

describe('POST /__admin/scenarios/{name}/reset', () => {
  it("puts that scenario's parties back as loaded and leaves the clock and other scenarios alone", async () => {
    const app = newApp();
    await load(app, TIGER_YAML);
    const cafe = await totals(app, CAFE);
    await request(app, 'post', `/__admin/parties/${TIGER}/payments`, { body: { beloep: 100 } });
    await request(app, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 100 } });
    await request(app, 'post', '/__admin/clock/advance', { body: { days: 1 } });
    const res = await request(app, 'post', '/__admin/scenarios/restskatt-halvt-betalt/reset');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'restskatt-halvt-betalt', answeredAt: '2026-11-27', parties: [expect.objectContaining({ innbetalinger: 2 })] });
    expect(await totals(app, TIGER)).toMatchObject({ sumUplasserteInnbetalinger: -2500 });
    expect(await totals(app, CAFE)).not.toEqual(cafe);
    expect((await request(app, 'get', '/__admin/clock')).body).toMatchObject({ offsetDays: 1 });
  });

  it('answers 404 for an unknown scenario', async () => {
    const res = await request(newApp(), 'post', '/__admin/scenarios/nope/reset');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown-scenario');
  });
});

describe('POST /__admin/reset', () => {
  it('returns the scope to its baseline: ledgers and clock as loaded, admin-loaded scenarios kept', async () => {
    const app = newApp();
    const cafe = await totals(app, CAFE);
    await load(app, TIGER_YAML);
    await request(app, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 100 } });
    await request(app, 'post', `/__admin/parties/${TIGER}/payments`, { body: { beloep: 100 } });
    await request(app, 'put', '/__admin/clock', { body: { date: '2027-03-01' } });
    const res = await request(app, 'post', '/__admin/reset');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      scenarios: 2,
      parties: 7,
      faultRules: 0,
      clock: {
        serverToday: today(),
        fixed: CLOCK,
        offsetDays: 0,
        today: CLOCK,
        scenarios: [
          { name: 'offisielle-testparter', answeredAt: CLOCK },
          { name: 'restskatt-halvt-betalt', answeredAt: CLOCK },
        ],
      },
    });
    expect(await totals(app, CAFE)).toEqual(cafe);
    expect(await totals(app, TIGER)).toMatchObject({ sumUplasserteInnbetalinger: -2500 });
  });

  it('in a session resets only that session', async () => {
    const app = newApp();
    await request(app, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 100 } });
    await request(app, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 200 }, headers: session('a') });
    const res = await request(app, 'post', '/__admin/reset', { headers: session('a') });
    expect(res.body).toMatchObject({ session: 'a', scenarios: 1, parties: 6 });
    expect(await totals(app, CAFE, session('a'))).toMatchObject({ sumUplasserteInnbetalinger: -5000 });
    expect(await totals(app, CAFE)).toMatchObject({ sumUplasserteInnbetalinger: -5100 });
  });
});

describe('scenarios belong to the request’s scope', () => {
  it('a scenario loaded in session a is seen by session a only', async () => {
    const app = newApp();
    const res = await load(app, TIGER_YAML, 'application/yaml', '', session('a'));
    expect(res.status).toBe(201);
    expect(await scenarioNames(app, session('a'))).toEqual(['offisielle-testparter', 'restskatt-halvt-betalt']);
    expect(await totals(app, TIGER, session('a'))).toMatchObject({ sumForfalteKrav: 12000 });
    expect(await scenarioNames(app)).toEqual(['offisielle-testparter']);
    expect(await scenarioNames(app, session('b'))).toEqual(['offisielle-testparter']);
    expect(await totals(app, TIGER)).toBe(404);
    expect(await totals(app, TIGER, session('b'))).toBe(404);
    // Deleting the built-in scenario in session b leaves the shared state and session a as they were.
    expect((await request(app, 'delete', '/__admin/scenarios/offisielle-testparter', { headers: session('b') })).status).toBe(204);
    expect(await totals(app, CAFE, session('b'))).toBe(404);
    expect(await totals(app, CAFE)).toMatchObject({ sumUplasserteInnbetalinger: -5000 });
    expect(await totals(app, CAFE, session('a'))).toMatchObject({ sumUplasserteInnbetalinger: -5000 });
  });
});

describe('the README examples of scenarios, clock and ledger actions', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Scenarios and reset'), readme.indexOf('### Journal'));
  const curls = section
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('curl '))
    .map((line) => {
      const url = /'?(http:\/\/localhost:8080[^'"\s]*)'?/.exec(line)![1]!;
      const headers = Object.fromEntries([...line.matchAll(/-H (['"])([^:]+): ([^'"]+)\1/g)].map((m) => [m[2]!, m[3]!]));
      const { 'Content-Type': contentType, ...rest } = headers;
      const file = /--data-binary @(\S+)/.exec(line)?.[1];
      const body = file ? readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8') : /-d '([^']*)'/.exec(line)?.[1];
      const method = (/-X (\w+)/.exec(line)?.[1] ?? 'GET').toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      return { line, method, path: url.replace('http://localhost:8080', ''), headers: rest, contentType, body };
    });
  const app = newApp();

  it('has an example for every endpoint', () => {
    const endpoints = curls.map((c) => `${c.method} ${c.path.replace(/\?.*/, '')}`);
    for (const endpoint of [
      'post /__admin/scenarios',
      'post /__admin/scenarios/files',
      'post /__admin/scenarios/uplassert-innbetaling-uten-kid/reset',
      'delete /__admin/scenarios/uplassert-innbetaling-uten-kid',
      'post /__admin/reset',
      'get /__admin/clock',
      'put /__admin/clock',
      'post /__admin/clock/advance',
      'delete /__admin/clock',
      'post /__admin/parties/313367002/claims',
      'post /__admin/parties/313367002/payments',
      'post /__admin/parties/313367002/payouts',
      'post /__admin/parties/313367002/events',
    ]) {
      expect(endpoints).toContain(endpoint);
    }
  });

  it.each(curls)('$line', async ({ method, path, headers, contentType, body }) => {
    const res = await request(app, method, path, { headers, ...(body !== undefined ? { body } : {}), ...(contentType ? { contentType } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });

  it('leaves the ledger as the examples say: 5 000 by KID and 1 500 placed by hand on the new claim', async () => {
    const res = await request(app, 'get', `/v1/regnskapssystem/${CAFE}/aapnekrav`);
    const claim = (res.body.aapentKravMedGjenstaaendeBeloep as { kravidentifikator: string; gjenstaaendeBeloep: number }[]).find((k) => k.kravidentifikator === 'DEMO-1');
    expect(claim?.gjenstaaendeBeloep).toBe(12000 - 5000 - 1500);
  });
});
