// startKravmock in-process: every handle method against a real listening server (each one is an
// admin API call over HTTP), its answers checked against the admin contract and the API responses
// against the API contract; the errors a vendor meets (bad options, a bad scenario, an unknown party,
// a port in use, a closed handle); and sessions isolated from each other and from the shared state.
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServeScenarios, readServeConfig } from '../../server/cli/serve-command.js';
import {
  KravmockAdminError,
  KravmockClosedError,
  KravmockStartError,
  ScenarioLoadError,
  createKravmock,
  startKravmock,
  type AapneKrav,
  type KravmockClient,
  type KravmockHandle,
  type ScenarioDocument,
} from '../../server/index.js';
import { adminContract, validateResponse, type CheckedResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const PARTY = '313367002';
const OPEN = `/v1/regnskapssystem/${PARTY}/aapnekrav`;
const GOOD = 'test/scenarios/fixtures/good';

/** An admin answer must be what the admin contract describes. */
function expectSchema<T>(schema: string, value: T): T {
  expect(adminContract.validateSchema(schema, value), `${schema} per contracts/admin-openapi.yaml`).toEqual([]);
  return value;
}

/** A call of the API as a vendor's code makes it (fetch), validated against contracts/openapi.yaml. */
async function api(client: KravmockClient, path: string, headers: Record<string, string> = {}): Promise<CheckedResponse> {
  const res = await fetch(`${client.url}${path}`, { headers: { ...client.headers, ...headers } });
  const text = await res.text();
  return validateResponse(path, { status: res.status, headers: Object.fromEntries(res.headers), text } as unknown as supertest.Response);
}

/** What a rejected promise was rejected with. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

async function adminError(promise: Promise<unknown>): Promise<KravmockAdminError> {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(KravmockAdminError);
  return error as KravmockAdminError;
}

const fixtureDocument = (name: string, partIdentifikator: string): ScenarioDocument => ({
  name,
  description: 'One claim falling due in a week.',
  parties: [
    {
      partIdentifikator,
      navn: 'DOKUMENT AS',
      events: [
        {
          type: 'claimRaised',
          date: '-10d',
          kravidentifikator: `${name}-1`,
          reskontro: 'skatteinnkreving',
          kravtype: 'RESTSKATT',
          kravgruppe: 'Skatt',
          kravbeskrivelse: 'Restskatt',
          kravforfall: [{ kravforfallsIdentifikator: `${name}-1-1`, forfallsdato: '+7d', beloep: 1200 }],
        },
      ],
    },
  ],
});

describe('startKravmock with the defaults of kravmock serve', () => {
  let mock: KravmockHandle;
  beforeAll(async () => {
    mock = await startKravmock({ clock: CLOCK });
  });
  afterAll(() => mock.close());

  it('listens on a free loopback port and answers the API', async () => {
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.headers).toEqual({});
    const res = await api(mock, OPEN);
    expect(res.status).toBe(200);
    expect((res.body as AapneKrav).partIdentifikator).toBe(PARTY);
  });

  it('serves what kravmock serve serves: the built-in parties and the scenario library', async () => {
    const scenarios = await mock.scenarios();
    for (const scenario of scenarios) expectSchema('Scenario', scenario);
    const served = loadServeScenarios(readServeConfig([`--clock=${CLOCK}`], {}), CLOCK).map((s) => s.name);
    expect(scenarios.map((s) => s.name)).toEqual(served);
    expect(served[0]).toBe('offisielle-testparter');
    expect(served).toHaveLength(1 + readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).length);
  });

  it('mints tokens: a system user for regnskapssystem, AltinnSamtykke for finans', async () => {
    const system = await mock.token({ org: PARTY, pakke: 'regnskapssystem' });
    expect(Object.keys(system.headers)).toEqual(['Authorization']);
    expect(system.headers.Authorization).toBe(`Bearer ${system.accessToken}`);
    expect(system.altinnSamtykke).toBeUndefined();
    expect((await api(mock, OPEN, system.headers)).status).toBe(200);

    const bank = await mock.token({ org: '311851381', pakke: 'finans', party: PARTY });
    expect(bank.headers).toEqual({ Authorization: `Bearer ${bank.accessToken}`, AltinnSamtykke: bank.altinnSamtykke });
    expect(bank.altinnSamtykke).toMatch(/^ey/);
    expect((await api(mock, `/v1/finans/${PARTY}/aapnekrav`, bank.headers)).status).toBe(200);

    const refused = await adminError(mock.token({ org: '1', pakke: 'regnskapssystem' }));
    expect(refused).toMatchObject({ status: 400, code: 'invalid_request', adminMessage: "org must be an organisation number of 9 digits, got '1'", problems: [] });
    expect(refused.message).toBe("kravmock admin API refused POST /__admin/tokens: 400 invalid_request: org must be an organisation number of 9 digits, got '1'");
  });

  it('sets, advances, reads and resets the clock', async () => {
    const session = mock.session();
    expect(expectSchema('ClockState', await session.clock())).toMatchObject({ fixed: CLOCK, offsetDays: 0, today: CLOCK });
    expect(await session.setClock('2027-01-15')).toMatchObject({ fixed: '2027-01-15', offsetDays: 0, today: '2027-01-15' });
    expect(await session.advanceClock({ weeks: 2 })).toMatchObject({ fixed: '2027-01-15', offsetDays: 14, today: '2027-01-29' });
    expect(await session.advanceClock({ months: -1 })).toMatchObject({ today: '2026-12-29' });
    expect(expectSchema('ClockState', await session.resetClock())).toMatchObject({ fixed: CLOCK, offsetDays: 0, today: CLOCK });

    const bad = await adminError(session.setClock('2027-02-30'));
    expect(bad).toMatchObject({ status: 400, code: 'invalid-body', adminMessage: "date '2027-02-30' is not a calendar date: 2027-02 has 28 days" });
    // A JavaScript caller can pass what the types forbid; the admin API refuses it.
    const twoUnits = await adminError(session.advanceClock({ days: 1, weeks: 1 } as unknown as { days: number }));
    expect(twoUnits.adminMessage).toBe('days and weeks given together: expected exactly one of days, weeks or months, e.g. {"days": 30}');
    expect((await session.clock()).today).toBe(CLOCK);
  });

  it('raises a claim, takes a payment on its KID, refunds an unplaced payment and appends any event', async () => {
    const session = mock.session();
    const claim = await session.claim(PARTY, { reskontro: 'skatteinnkreving', kravtype: 'RESTSKATT', kravgruppe: 'Skatt', kravbeskrivelse: 'Restskatt - 2026', kravforfall: [{ forfallsdato: '+3w', beloep: 12000 }] });
    expectSchema('LedgerActionResult', claim);
    expect(claim).toMatchObject({ partIdentifikator: PARTY, answeredAt: CLOCK, pending: false, event: { type: 'claimRaised', date: CLOCK } });
    const instalment = claim.event.kravforfall[0]!;
    expect(instalment.kidnummer).toMatch(/^\d+$/);

    const paid = await session.payment(PARTY, { beloep: 2000, kidnummer: instalment.kidnummer! });
    expectSchema('LedgerActionResult', paid);
    expect(paid.placement).toEqual({ placed: [{ kravidentifikator: claim.event.kravidentifikator, kravforfallsIdentifikator: instalment.kravforfallsIdentifikator, forfallsdato: instalment.forfallsdato, beloep: 2000 }], unplaced: 0 });

    const unplaced = await session.payment(PARTY, { beloep: 700 });
    expect(unplaced.placement).toEqual({ placed: [], unplaced: 700 });
    const payout = await session.payout(PARTY, { tilbakebetalingAv: [{ innbetalingsidentifikator: unplaced.event.innbetalingsidentifikator, beloep: 700 }] });
    expectSchema('LedgerActionResult', payout);
    expect(payout.event).toMatchObject({ type: 'payout', tilbakebetalingAv: [{ innbetalingsidentifikator: unplaced.event.innbetalingsidentifikator, beloep: 700 }] });

    const event = await session.event(PARTY, { type: 'paymentReceived', date: 'today', innbetalingsidentifikator: '99000001', beloep: 50, betaler: { navn: 'NOEN AS' } });
    expect(event.event).toEqual({ type: 'paymentReceived', date: CLOCK, innbetalingsidentifikator: '99000001', beloep: 50, betaler: { navn: 'NOEN AS' } });

    const open = (await api(session, OPEN)).body as AapneKrav;
    const ours = open.aapentKravMedGjenstaaendeBeloep?.find((k) => k.kravidentifikator === claim.event.kravidentifikator);
    expect(ours?.gjenstaaendeBeloep).toBe(10000);
  });

  it('throws the admin API refusals of ledger actions with their problems', async () => {
    const unknown = await adminError(mock.payment('999999999', { beloep: 10 }));
    expect(unknown).toMatchObject({ status: 404, code: 'unknown-party', method: 'POST', path: '/__admin/parties/999999999/payments', problems: [] });
    expect(unknown.adminMessage).toBe('no party 999999999 in this scope: a ledger action needs a party of a loaded scenario (GET /__admin/scenarios lists them)');

    const incomplete = await adminError(mock.event(PARTY, { type: 'paymentPlaced', date: 'today' } as never));
    expect(incomplete).toMatchObject({ status: 400, code: 'invalid-event' });
    expect(incomplete.problems).toEqual([
      { path: '(root)', message: "missing required property 'innbetalingsidentifikator'" },
      { path: '(root)', message: "missing required property 'kravforfallsIdentifikator'" },
      { path: '(root)', message: "missing required property 'beloep'" },
    ]);
    // The message lists the problems the admin API's own message does not quote.
    expect(incomplete.message).toBe(
      "kravmock admin API refused POST /__admin/parties/313367002/events: 400 invalid-event: the event was rejected, nothing changed: (root): missing required property 'innbetalingsidentifikator' (and 2 more, see problems)\n" +
        "  (root): missing required property 'kravforfallsIdentifikator'\n" +
        "  (root): missing required property 'beloep'",
    );
  });

  it('adds, lists, removes and clears fault rules, which shape the API answers', async () => {
    const session = mock.session();
    const rule = await session.addFault({ id: 'backend-down', endpoint: 'aapnekrav', failure: { type: 'error', kode: 'KB-002' } });
    expect(rule).toMatchObject({ id: 'backend-down', endpoint: 'aapnekrav', probability: 1, failure: { type: 'error', kode: 'KB-002' } });
    expect(typeof rule.seed).toBe('number');
    const failed = await api(session, OPEN);
    expect(failed.status).toBe(500);
    expect(failed.body.kode).toBe('KB-002');
    expect((await api(mock, OPEN)).status).toBe(200);

    const list = expectSchema('FaultRuleList', await session.faults());
    expect(list.rules).toEqual([{ ...rule, matched: 1, fired: 1 }]);
    const clash = await adminError(session.addFault({ id: 'backend-down', latency: { distribution: 'fixed', ms: 1 } }));
    expect(clash).toMatchObject({ status: 409, code: 'fault-rule-exists' });

    await session.removeFault('backend-down');
    expect((await api(session, OPEN)).status).toBe(200);
    const gone = await adminError(session.removeFault('backend-down'));
    expect(gone).toMatchObject({ status: 404, code: 'unknown-fault-rule', adminMessage: `session '${session.id}' has no fault rule 'backend-down'; GET /__admin/faults lists its rules` });

    await session.addFault({ latency: { distribution: 'fixed', ms: 1 } });
    await session.clearFaults();
    expect((await session.faults()).rules).toEqual([]);
  });

  it('reads and clears the journal of its scope, with filters', async () => {
    const session = mock.session();
    await api(session, OPEN);
    await api(session, `/v1/regnskapssystem/${PARTY}/krav?fraOgMed=2026-13-01&tilOgMed=2026-12-31`);
    const all = expectSchema('JournalPage', await session.journal());
    expect(all.entries.map((e) => [e.endpoint, e.status])).toEqual([
      ['krav', 400],
      ['aapnekrav', 200],
    ]);
    const errors = await session.journal({ status: '4xx', endpoint: 'krav', limit: 5 });
    expect(errors.entries).toHaveLength(1);
    expect(errors.entries[0]?.headers['x-kravmock-session']).toBe(session.id);

    const bad = await adminError(session.journal({ status: '7xx' }));
    expect(bad).toMatchObject({ status: 400, code: 'invalid-filter', path: '/__admin/journal?status=7xx' });
    await session.clearJournal();
    expect((await session.journal()).entries).toEqual([]);
  });
});

describe('startKravmock scenarios', () => {
  let mock: KravmockHandle;
  beforeAll(async () => {
    mock = await startKravmock({ builtin: false, clock: CLOCK, scenarios: [`${GOOD}/a-first.yaml`, fixtureDocument('dokument-start', '310000027')] });
  });
  afterAll(() => mock.close());

  it('loads the files and documents of the scenarios option at start, and nothing else without builtin', async () => {
    expect((await mock.scenarios()).map((s) => [s.name, s.source])).toEqual([
      ['fixture-a', `${GOOD}/a-first.yaml`],
      ['dokument-start', '<body>'],
    ]);
  });

  it('loads files and documents in order, and replaces them with { replace: true }', async () => {
    const session = mock.session();
    const loaded = await session.loadScenarios(`${GOOD}/b-second.json`, fixtureDocument('dokument-en', '310000035'));
    expect(loaded.map((s) => s.name)).toEqual(['fixture-b', 'dokument-en']);
    for (const s of loaded) expectSchema('Scenario', s);
    expect((await session.scenarios()).map((s) => s.name)).toEqual(['fixture-a', 'dokument-start', 'fixture-b', 'dokument-en']);
    expect((await mock.scenarios()).map((s) => s.name)).toEqual(['fixture-a', 'dokument-start']);

    const clash = await adminError(session.loadScenarios(fixtureDocument('dokument-en', '310000035')));
    expect(clash).toMatchObject({ status: 409, code: 'scenario-clash' });
    const replaced = await session.loadScenarios({ ...fixtureDocument('dokument-en', '310000035'), description: 'Replaced.' }, { replace: true });
    expect(replaced.map((s) => s.description)).toEqual(['Replaced.']);
  });

  it('refuses a bad scenario document with every problem, positioned in the body, and loads nothing', async () => {
    const session = mock.session();
    const document = fixtureDocument('kaputt', '310000000');
    document.parties[0]!.navn = '';
    const refused = await adminError(session.loadScenarios(document));
    expect(refused).toMatchObject({ status: 400, code: 'invalid-scenario', method: 'POST', path: '/__admin/scenarios' });
    expect(refused.problems.map((p) => [p.file, p.path, p.message])).toEqual([['<body>', 'parties[0].navn', 'must not be empty']]);
    expect((await session.scenarios()).map((s) => s.name)).toEqual(['fixture-a', 'dokument-start']);

    const missing = await adminError(session.loadScenarios('no/such/file.yaml'));
    expect(missing.problems).toEqual([{ path: '(file)', message: 'no such file or directory', file: 'no/such/file.yaml', line: 1, col: 1 }]);
  });

  it('checks its arguments before sending anything', async () => {
    const load = mock.loadScenarios as (...args: unknown[]) => Promise<unknown>;
    await expect(load()).rejects.toThrow(new TypeError('loadScenarios: expected at least one scenario file, folder or scenario document'));
    await expect(load('x.yaml', { replace: 'yes' })).rejects.toThrow(new TypeError("loadScenarios: replace must be true or false, got 'yes'"));
    await expect(load('x.yaml', { replac: true })).rejects.toThrow(new TypeError("loadScenarios: unknown option 'replac' in the last argument: expected { replace?: boolean }"));
    await expect(load(42)).rejects.toThrow(new TypeError('loadScenarios: argument 1 is number 42: expected a scenario file or folder (a non-empty path) or a scenario document (an object)'));
  });

  it('deletes a scenario, resets one, and resets the whole scope', async () => {
    const session = mock.session();
    await session.payment('310000000', { beloep: 100 });
    const before = (await session.scenarios()).find((s) => s.name === 'fixture-a');
    expect(before?.parties[0]?.innbetalinger).toBe(2);
    const reset = await session.resetScenario('fixture-a');
    expect(reset.parties[0]?.innbetalinger).toBe(1);

    await session.payment('310000000', { beloep: 100 });
    await session.setClock('+1m');
    const whole = expectSchema('ResetResult', await session.reset());
    expect(whole).toMatchObject({ session: session.id, scenarios: 2, parties: 2, faultRules: 0, clock: { today: CLOCK } });
    expect((await session.scenarios())[0]?.parties[0]?.innbetalinger).toBe(1);

    await session.deleteScenario('dokument-start');
    expect((await session.scenarios()).map((s) => s.name)).toEqual(['fixture-a']);
    const unknown = await adminError(session.deleteScenario('dokument-start'));
    expect(unknown).toMatchObject({ status: 404, code: 'unknown-scenario', adminMessage: "no scenario 'dokument-start' is loaded in this scope; loaded: 'fixture-a'" });
    expect((await mock.scenarios()).map((s) => s.name)).toEqual(['fixture-a', 'dokument-start']);
  });
});

describe('sessions', () => {
  let mock: KravmockHandle;
  beforeAll(async () => {
    mock = await startKravmock({ clock: CLOCK });
  });
  afterAll(() => mock.close());

  it('two sessions see their own payments, clocks and fault rules, and the shared state none of them', async () => {
    const a = mock.session('suite-a');
    const b = mock.session();
    expect(a.id).toBe('suite-a');
    expect(a.headers).toEqual({ 'X-Kravmock-Session': 'suite-a' });
    expect(b.id).toMatch(/^session-[0-9a-f-]{36}$/);
    const tokenA = await a.token({ org: PARTY, pakke: 'regnskapssystem' });
    expect(tokenA.headers).toEqual({ Authorization: `Bearer ${tokenA.accessToken}`, 'X-Kravmock-Session': 'suite-a' });

    const paidA = await a.payment(PARTY, { beloep: 1111, innbetalingsidentifikator: '77000001' });
    const paidB = await b.payment(PARTY, { beloep: 2222, innbetalingsidentifikator: '77000002' });
    await a.advanceClock({ days: 10 });
    await b.addFault({ endpoint: 'krav', failure: { type: 'unavailable' } });

    const unplacedIds = async (client: KravmockClient) =>
      ((await api(client, OPEN, (await client.token({ org: PARTY, pakke: 'regnskapssystem' })).headers)).body as AapneKrav).innbetalingMedUplassertBeloep?.map((i) => i.innbetalingsidentifikator) ?? [];
    const inA = await unplacedIds(a);
    const inB = await unplacedIds(b);
    const shared = await unplacedIds(mock);
    expect(inA).toContain(paidA.event.innbetalingsidentifikator);
    expect(inA).not.toContain(paidB.event.innbetalingsidentifikator);
    expect(inB).toContain(paidB.event.innbetalingsidentifikator);
    expect(inB).not.toContain(paidA.event.innbetalingsidentifikator);
    expect(shared).not.toContain(paidA.event.innbetalingsidentifikator);
    expect(shared).not.toContain(paidB.event.innbetalingsidentifikator);

    expect([(await a.clock()).today, (await b.clock()).today, (await mock.clock()).today]).toEqual(['2026-12-06', CLOCK, CLOCK]);
    expect([(await a.faults()).rules.length, (await b.faults()).rules.length, (await mock.faults()).rules.length]).toEqual([0, 1, 0]);
    const krav = `/v1/regnskapssystem/${PARTY}/krav?fraOgMed=2026-01-01&tilOgMed=2026-12-31`;
    expect([(await api(a, krav)).status, (await api(b, krav)).status, (await api(mock, krav)).status]).toEqual([200, 503, 200]);

    expect(await a.end()).toBe(true);
    expect(await a.end()).toBe(false);
    // A session id used again after its end starts afresh from the shared state.
    expect(await unplacedIds(a)).not.toContain(paidA.event.innbetalingsidentifikator);
    expect(await b.end()).toBe(true);
  });

  it('refuses an id the server would refuse, with the server’s rule', () => {
    expect(() => mock.session('has space')).toThrow(new TypeError("session: 'has space' is not a session id: expected 1 to 128 characters from A-Z a-z 0-9 . _ : -"));
  });
});

describe('startKravmock options and errors', () => {
  it.each([
    [{ prot: 1 }, "startKravmock: unknown option 'prot': expected port, host, builtin, scenarios, clock, access, emptyResult, validate, faultSeed, logLevel"],
    [{ clock: '2025-02-30' }, "startKravmock: option clock must be a calendar date YYYY-MM-DD, got '2025-02-30'"],
    [{ port: 70000 }, "startKravmock: option port must be a whole number from 0 to 65535, got '70000'"],
    [{ port: '8080' }, "startKravmock: option port must be a number, got '8080'"],
    [{ access: 'lenient' }, "startKravmock: option access must be off, permissive or strict, got 'lenient'"],
    [{ emptyResult: 'none' }, "startKravmock: option emptyResult must be KB-007 or empty, got 'none'"],
    [{ validate: 'strict' }, "startKravmock: option validate must be report, enforce or off, got 'strict'"],
    [{ faultSeed: -1 }, "startKravmock: option faultSeed must be a whole number from 0 to 4294967295, got '-1'"],
    [{ logLevel: 'loud' }, "startKravmock: option logLevel must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'"],
    [{ builtin: 'no' }, "startKravmock: option builtin must be true or false, got 'no'"],
    [{ scenarios: 'scenarios/' }, "startKravmock: option scenarios must be an array of scenario files, folders and documents, got 'scenarios/'"],
    [{ scenarios: [42] }, 'startKravmock: option scenarios[0] is number 42: expected a scenario file or folder (a non-empty path) or a scenario document (an object)'],
    [null, 'startKravmock: options must be an object, got null'],
  ])('refuses %j with a KravmockStartError naming the option', async (options, message) => {
    const error = await refusal(startKravmock(options as never));
    expect(error).toBeInstanceOf(KravmockStartError);
    expect((error as Error).message).toBe(message);
  });

  it('stops at scenario files that do not load, with every problem, as kravmock serve does', async () => {
    const error = await refusal(startKravmock({ builtin: false, scenarios: ['test/scenarios/fixtures/mixed'] }));
    expect(error).toBeInstanceOf(ScenarioLoadError);
    expect((error as ScenarioLoadError).problems.map((p) => `${p.line}:${p.col} ${p.path}`)).toEqual([
      '8:15 parties[0].events[0].date',
      '12:24 parties[1].partIdentifikator',
      '15:24 parties[2].partIdentifikator',
      '16:11 parties[2].navn',
    ]);
  });

  it('stops at a scenario document the admin API refuses, and leaves nothing listening', async () => {
    const port = await freePort();
    const document = fixtureDocument('kaputt', '310000000');
    document.parties[0]!.events[0]!.date = '2025-02-30';
    const error = await refusal(startKravmock({ port, builtin: false, scenarios: [document] }));
    expect(error).toBeInstanceOf(KravmockAdminError);
    expect((error as KravmockAdminError).problems.map((p) => [p.path, p.message])).toEqual([['parties[0].events[0].date', "'2025-02-30' is not a calendar date: 2025-02 has 28 days"]]);
    // The port is free again: a new mock can take it.
    const again = await startKravmock({ port, builtin: false });
    expect(again.port).toBe(port);
    await again.close();
  });

  it('names a port in use and how to get a free one', async () => {
    const first = await startKravmock({ builtin: false });
    try {
      const error = await refusal(startKravmock({ port: first.port, builtin: false }));
      expect(error).toBeInstanceOf(KravmockStartError);
      expect((error as Error).message).toBe(
        `startKravmock: cannot listen on 127.0.0.1:${first.port}: listen EADDRINUSE: address already in use 127.0.0.1:${first.port}: the port is in use; leave out port (or pass 0) for a free one`,
      );
    } finally {
      await first.close();
    }
  });

  it('passes access, emptyResult and faultSeed on as serve does', async () => {
    const mock = await startKravmock({ access: 'strict', emptyResult: 'empty', validate: 'enforce', faultSeed: 42, clock: CLOCK });
    try {
      const anonymous = await api(mock, OPEN);
      expect(anonymous.status).toBe(401);
      const { headers } = await mock.token({ org: PARTY, pakke: 'regnskapssystem' });
      expect((await api(mock, OPEN, headers)).status).toBe(200);
      const empty = await api(mock, `/v1/regnskapssystem/${PARTY}/utbetalinger?fraOgMed=2000-01-01&tilOgMed=2000-12-31`, headers);
      expect(empty.status).toBe(200);
      expect((await mock.faults()).serverSeed).toBe(42);
    } finally {
      await mock.close();
    }
  });

  it('listens on IPv6 loopback with the address in brackets', async () => {
    const mock = await startKravmock({ host: '::1', builtin: false });
    try {
      expect(mock.url).toBe(`http://[::1]:${mock.port}`);
      expect(await mock.scenarios()).toEqual([]);
    } finally {
      await mock.close();
    }
  });
});

describe('close()', () => {
  it('stops the server, resolves again when called twice, and refuses later calls before sending them', async () => {
    const mock = await startKravmock({ builtin: false });
    const session = mock.session('after-close');
    await Promise.all([mock.close(), mock.close()]);
    await mock.close();
    await expect(fetch(`${mock.url}/__admin/scenarios`)).rejects.toThrow('fetch failed');
    const closed = await refusal(mock.scenarios());
    expect(closed).toBeInstanceOf(KravmockClosedError);
    expect((closed as Error).message).toBe(`the mock at ${mock.url} is closed, so GET /__admin/scenarios was not sent: start a new one with startKravmock()`);
    await expect(session.payment(PARTY, { beloep: 1 })).rejects.toThrow(`the mock at ${mock.url} is closed, so POST /__admin/parties/313367002/payments was not sent: start a new one with startKravmock()`);
  });

  it('answers a request in flight before it closes', async () => {
    const mock = await startKravmock({ clock: CLOCK });
    await mock.addFault({ endpoint: 'aapnekrav', latency: { distribution: 'fixed', ms: 300 } });
    const inFlight = fetch(`${mock.url}${OPEN}`);
    // Close once the request is in the server, waiting out its latency.
    while ((await mock.faults()).rules[0]?.matched !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await mock.close();
    expect((await inFlight).status).toBe(200);
  });
});

describe('the package entry', () => {
  it('exports createKravmock for mounting the app yourself', () => {
    const { app, runtime } = createKravmock({ scenarios: [], clock: CLOCK });
    expect(typeof app.listen).toBe('function');
    expect(runtime.sessions).toBeDefined();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
