import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
// With a fixed clock, serverToday is still the server's own (real) date.
import { today } from '../../server/ledger/dates.js';
import type { LoadedScenario } from '../../server/scenarios/types.js';
import { request, type CheckedResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const CAFE = '313367002';
/** 313367002's forskuddsskatt instalment due 2026-12-15 (19 252, not yet due at CLOCK). */
const DECEMBER_INSTALMENT = '459671546';

const pinned: LoadedScenario = {
  name: 'tiger-2023',
  description: 'Pinned to August 2023.',
  source: 'scenarios/tiger.yaml',
  clock: '2023-08-28',
  ownClock: '2023-08-28',
  parties: [{ partIdentifikator: '312438623', navn: 'OVERFØLSOM GLAD TIGER AS', events: [] }],
};

/** Fixed at CLOCK, as `--clock` does. */
const fixedApp = () => createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });
/** The server's date is CLOCK, nothing fixed: scenarios' own clocks apply. */
const liveApp = () => createApp({ scenarios: [builtinScenario(CLOCK), pinned], clock: () => CLOCK });
type App = ReturnType<typeof fixedApp>;

const session = (id: string) => ({ 'X-Kravmock-Session': id });

const clock = (app: App, headers: Record<string, string> = {}) => request(app, 'get', '/__admin/clock', { headers });
const put = (app: App, body: unknown, headers: Record<string, string> = {}) => request(app, 'put', '/__admin/clock', { body, headers });
const advance = (app: App, body: unknown, headers: Record<string, string> = {}) => request(app, 'post', '/__admin/clock/advance', { body, headers });

type Instalment = { kravforfallsIdentifikator: string; forfallsdato: string; gjenstaaendeBeloep: number };
type OpenClaim = { kravidentifikator: string; stipulerteRenter?: number; kravforfall: Instalment[] };
type Totals = { sumForfalteKrav: number; sumIkkeForfalteKrav: number; sumStipulerteRenter: number };

async function aapnekrav(app: App, id = CAFE, headers: Record<string, string> = {}) {
  const res = await request(app, 'get', `/v1/regnskapssystem/${id}/aapnekrav`, { headers });
  expect(res.status).toBe(200);
  return { claims: res.body.aapentKravMedGjenstaaendeBeloep as OpenClaim[], totals: res.body.totalOversikt as Totals };
}

/**
 * The date the API answers a party at, read from the API itself: `krav` without `tilOgMed` takes the
 * clock, and a period from year 1 is too long, so the KB-006 message names that date.
 */
async function answeredAt(app: App, id = CAFE, headers: Record<string, string> = {}): Promise<string> {
  const res = await request(app, 'get', `/v1/regnskapssystem/${id}/krav?fraOgMed=0001-01-01`, { headers });
  expect(res.status).toBe(400);
  const match = /^Ugyldig periode: 0001-01-01 til (\d{4}-\d{2}-\d{2}) \(dagens dato/.exec(String(res.body.melding));
  expect(match, String(res.body.melding)).not.toBeNull();
  return match![1]!;
}

function expectBadBody(res: CheckedResponse, message: string): void {
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('invalid-body');
  expect(res.body.message).toBe(message);
}

describe('GET /__admin/clock', () => {
  it('shows the fixed clock of --clock', async () => {
    const res = await clock(fixedApp());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ serverToday: today(), fixed: CLOCK, offsetDays: 0, today: CLOCK, scenarios: [{ name: 'offisielle-testparter', answeredAt: CLOCK }] });
  });

  it("without a fixed clock shows the server's date and each scenario's own clock", async () => {
    const res = await clock(liveApp());
    expect(res.body).toEqual({
      serverToday: CLOCK,
      offsetDays: 0,
      today: CLOCK,
      scenarios: [
        { name: 'offisielle-testparter', answeredAt: CLOCK },
        { name: 'tiger-2023', answeredAt: '2023-08-28' },
      ],
    });
  });
});

describe('PUT /__admin/clock', () => {
  it('fixes today at a date that wins over scenarios’ own clocks; the API answers at it', async () => {
    const app = liveApp();
    const res = await put(app, { date: '2027-01-15' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serverToday: CLOCK,
      fixed: '2027-01-15',
      offsetDays: 0,
      today: '2027-01-15',
      scenarios: [
        { name: 'offisielle-testparter', answeredAt: '2027-01-15' },
        { name: 'tiger-2023', answeredAt: '2027-01-15' },
      ],
    });
    expect(await answeredAt(app)).toBe('2027-01-15');
    expect(await answeredAt(app, '312438623')).toBe('2027-01-15');
    expect((await clock(app)).body).toEqual(res.body);
  });

  it.each([
    ['today', CLOCK],
    ['+30d', '2026-12-26'],
    ['-2w', '2026-11-12'],
    ['-1m', '2026-10-26'],
    ['+1y', '2027-11-26'],
  ])('accepts %s, counted from the current today', async (date, expected) => {
    const res = await put(fixedApp(), { date });
    expect(res.body.fixed).toBe(expected);
    expect(res.body.today).toBe(expected);
  });

  it('counts a relative date from today after an advance, and sets the offset back to 0', async () => {
    const app = fixedApp();
    await advance(app, { days: 10 });
    const res = await put(app, { date: '+1d' });
    expect(res.body).toMatchObject({ fixed: '2026-12-07', offsetDays: 0, today: '2026-12-07' });
  });

  it.each([
    [{}, "missing property 'date': expected {\"date\": \"2027-01-15\"}, or a date relative to today (2026-11-26) such as \"today\", \"+30d\", \"-1m\""],
    [{ date: 20270115 }, 'date is 20270115: expected a text YYYY-MM-DD or relative to today (2026-11-26): "today", "+30d", "+2w", "-1m", "+1y"'],
    [{ date: '2027-02-30' }, "date '2027-02-30' is not a calendar date: 2027-02 has 28 days"],
    [{ date: 'tomorrow' }, "date 'tomorrow' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y (relative forms count from today, 2026-11-26)"],
    [{ date: '+99999y' }, "date '+99999y' counted from today (2026-11-26) falls outside the years 0000-9999"],
    [{ date: '2027-01-15', offset: 3 }, "unknown property 'offset' (allowed: date): expected {\"date\": \"2027-01-15\"}"],
    [['2027-01-15'], 'the request body is a list: expected a JSON object such as {"date": "2027-01-15"}'],
  ])('refuses %j, naming the field and what is expected, and changes nothing', async (body, message) => {
    const app = fixedApp();
    expectBadBody(await put(app, body), message);
    expect((await clock(app)).body).toMatchObject({ fixed: CLOCK, offsetDays: 0 });
  });

  it('refuses a missing body, invalid JSON, another media type and __proto__', async () => {
    const app = fixedApp();
    expectBadBody(await request(app, 'put', '/__admin/clock'), 'the request has no body: expected a JSON object such as {"date": "2027-01-15"}');
    const invalid = await request(app, 'put', '/__admin/clock', { body: '{"date": ', contentType: 'application/json' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid-json');
    const text = await request(app, 'put', '/__admin/clock', { body: 'date=2027-01-15', contentType: 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
    expect(text.body.error).toBe('unsupported-media-type');
    const proto = await request(app, 'put', '/__admin/clock', { body: '{"date": "2027-01-15", "__proto__": {"fixed": "1999-01-01"}}', contentType: 'application/json' });
    expect(proto.status).toBe(400);
    expect(proto.body.problems).toEqual([{ path: '__proto__', message: "unknown property '__proto__' (allowed: date)" }]);
    expect((await clock(app)).body).toMatchObject({ fixed: CLOCK });
  });
});

describe('POST /__admin/clock/advance', () => {
  it('moves the clock: a claim not yet due becomes overdue and interest grows', async () => {
    const app = fixedApp();
    const before = await aapnekrav(app);
    const decemberBefore = before.claims.flatMap((c) => c.kravforfall).find((f) => f.kravforfallsIdentifikator === DECEMBER_INSTALMENT)!;
    expect(decemberBefore.forfallsdato > CLOCK).toBe(true);

    const res = await advance(app, { days: 30 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ serverToday: today(), fixed: CLOCK, offsetDays: 30, today: '2026-12-26', scenarios: [{ name: 'offisielle-testparter', answeredAt: '2026-12-26' }] });
    expect(await answeredAt(app)).toBe('2026-12-26');

    const after = await aapnekrav(app);
    // Both instalments not yet due (forskuddsskatt 19 252 on 2026-12-15, restskatt 11 342 on 2026-12-16) are overdue now.
    expect(before.totals).toMatchObject({ sumForfalteKrav: 50924, sumIkkeForfalteKrav: 19252 + 11342 });
    expect(after.totals).toMatchObject({ sumForfalteKrav: 50924 + 19252 + 11342, sumIkkeForfalteKrav: 0 });
    const mvaBefore = before.claims.find((c) => c.kravidentifikator === 'KRAV-34297448')!;
    const mvaAfter = after.claims.find((c) => c.kravidentifikator === 'KRAV-34297448')!;
    expect(mvaAfter.stipulerteRenter).toBeGreaterThan(mvaBefore.stipulerteRenter!);
    expect(after.totals.sumStipulerteRenter).toBeGreaterThan(before.totals.sumStipulerteRenter);
  });

  it('adds up: two advances and a move back', async () => {
    const app = fixedApp();
    await advance(app, { days: 30 });
    await advance(app, { weeks: 2 });
    const res = await advance(app, { days: -4 });
    expect(res.body).toMatchObject({ offsetDays: 40, today: '2027-01-05' });
  });

  it('counts months as calendar months from today', async () => {
    const app = createApp({ scenarios: [builtinScenario('2026-01-31')], clock: '2026-01-31' });
    const res = await advance(app, { months: 1 });
    expect(res.body).toMatchObject({ offsetDays: 28, today: '2026-02-28' });
  });

  it("moves a scenario's own clock too when nothing is fixed", async () => {
    const app = liveApp();
    const res = await advance(app, { days: 10 });
    expect(res.body.scenarios).toEqual([
      { name: 'offisielle-testparter', answeredAt: '2026-12-06' },
      { name: 'tiger-2023', answeredAt: '2023-09-07' },
    ]);
    expect(await answeredAt(app, '312438623')).toBe('2023-09-07');
  });

  it.each([
    [{ days: 0 }, 'days is 0: expected a whole number other than 0, from -36600 to 36600 (negative moves the clock back)'],
    [{ days: 1.5 }, 'days is 1.5: expected a whole number other than 0, from -36600 to 36600 (negative moves the clock back)'],
    [{ days: '30' }, "days is '30': expected a whole number other than 0, from -36600 to 36600 (negative moves the clock back)"],
    [{ days: 36601 }, 'days is 36601: expected a whole number other than 0, from -36600 to 36600 (negative moves the clock back)'],
    [{ weeks: 6000 }, 'weeks is 6000: expected a whole number other than 0, from -5228 to 5228 (negative moves the clock back)'],
    [{ months: -1201 }, 'months is -1201: expected a whole number other than 0, from -1200 to 1200 (negative moves the clock back)'],
    [{}, 'no amount given: expected exactly one of days, weeks or months, e.g. {"days": 30}'],
    [{ days: 1, weeks: 1 }, 'days and weeks given together: expected exactly one of days, weeks or months, e.g. {"days": 30}'],
    [{ dager: 30 }, "unknown property 'dager' (allowed: days, weeks, months): expected {\"days\": 30}"],
  ])('refuses %j, naming the field and what is expected, and changes nothing', async (body, message) => {
    const app = fixedApp();
    expectBadBody(await advance(app, body), message);
    expect((await clock(app)).body).toMatchObject({ offsetDays: 0, today: CLOCK });
  });

  it('refuses a move past the year 9999', async () => {
    const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: '9990-01-01' });
    expectBadBody(await advance(app, { days: 36600 }), 'moving the clock by 36600 days would move today outside the years 0000-9999');
    expect((await clock(app)).body).toMatchObject({ offsetDays: 0, today: '9990-01-01' });
  });
});

describe('DELETE /__admin/clock', () => {
  it("returns to the baseline's setting: the fixed --clock, no offset", async () => {
    const app = fixedApp();
    await put(app, { date: '2030-01-01' });
    await advance(app, { days: 5 });
    const res = await request(app, 'delete', '/__admin/clock');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ serverToday: today(), fixed: CLOCK, offsetDays: 0, today: CLOCK, scenarios: [{ name: 'offisielle-testparter', answeredAt: CLOCK }] });
    expect(await answeredAt(app)).toBe(CLOCK);
  });

  it("returns to no fixed clock when the server started without one: scenarios' own clocks apply again", async () => {
    const app = liveApp();
    await put(app, { date: '2030-01-01' });
    const res = await request(app, 'delete', '/__admin/clock');
    expect(res.body).toMatchObject({ offsetDays: 0, today: CLOCK, scenarios: [{ name: 'offisielle-testparter', answeredAt: CLOCK }, { name: 'tiger-2023', answeredAt: '2023-08-28' }] });
    expect(res.body.fixed).toBeUndefined();
  });
});

describe('the clock belongs to the request’s scope', () => {
  it('a clock set in session a moves neither the shared state nor session b', async () => {
    const app = fixedApp();
    await put(app, { date: '2027-06-01' }, session('a'));
    await advance(app, { days: 3 }, session('a'));
    expect((await clock(app, session('a'))).body).toMatchObject({ fixed: '2027-06-01', offsetDays: 3, today: '2027-06-04' });
    expect(await answeredAt(app, CAFE, session('a'))).toBe('2027-06-04');
    expect((await clock(app)).body).toMatchObject({ fixed: CLOCK, offsetDays: 0, today: CLOCK });
    expect((await clock(app, session('b'))).body).toMatchObject({ fixed: CLOCK, offsetDays: 0, today: CLOCK });
    expect(await answeredAt(app)).toBe(CLOCK);
    expect(await answeredAt(app, CAFE, session('b'))).toBe(CLOCK);
  });
});
