import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { addMonths } from '../../server/ledger/dates.js';
import type { LedgerEvent, PartyLedger } from '../../server/ledger/events.js';
import { kidProblem } from '../../server/ledger/identifiers.js';
import { aapneKravView } from '../../server/ledger/views.js';
import { appendEvent } from '../../server/scenarios/event.js';
import { request, type CheckedResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const CAFE = '313367002';
/** Forskuddsskatt KID of 313367002: instalment 459671539 (due 2026-09-15) has 9 252 left, 459671546 (due 2026-12-15) 19 252. */
const FORSKUDD_KID = '794081284012606';
/** The open MVA term of 313367002 (due 2026-10-12, 41 672) and its KID. */
const MVA_TERM = 'KRAV-34297448';
const MVA_KID = '131336700226402';
/** 5 000 paid to 313367002 without KID on 2026-11-20, unplaced. */
const UNPLACED = 'FORF-94341581';

const builtinLedger = (id: string): PartyLedger => builtinScenario(CLOCK).parties.find((p) => p.partIdentifikator === id)!;
const newApp = () => createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });
type App = ReturnType<typeof newApp>;

const session = (id: string) => ({ 'X-Kravmock-Session': id });

function post(app: App, path: string, body: unknown, headers: Record<string, string> = {}): Promise<CheckedResponse> {
  return request(app, 'post', path, { body, headers });
}

function withoutCorrelation(body: Record<string, unknown>): Record<string, unknown> {
  const { korrelasjonsid: _ignored, ...rest } = body;
  return rest;
}

/** The four API endpoints for a party (the period endpoints over the half-years before and after the clock). */
async function fourViews(app: App, id: string, headers: Record<string, string> = {}, clock = CLOCK) {
  const period = `fraOgMed=${addMonths(clock, -6)}&tilOgMed=${addMonths(clock, 6)}`;
  const read = async (path: string) => {
    const res = await request(app, 'get', path, { headers });
    return { status: res.status, body: withoutCorrelation(res.body) };
  };
  return {
    aapnekrav: await read(`/v1/regnskapssystem/${id}/aapnekrav`),
    krav: await read(`/v1/regnskapssystem/${id}/krav?${period}`),
    innbetalinger: await read(`/v1/regnskapssystem/${id}/innbetalinger?${period}`),
    utbetalinger: await read(`/v1/regnskapssystem/${id}/utbetalinger?${period}`),
  };
}

type Totals = { sumForfalteKrav: number; sumIkkeForfalteKrav: number; sumUplasserteInnbetalinger: number; saldo: number; sumStipulerteRenter: number };
const totals = (views: Awaited<ReturnType<typeof fourViews>>): Totals => views.aapnekrav.body.totalOversikt as Totals;

function expectEventValid(event: unknown, ledger: PartyLedger): void {
  // The stored event is exactly a scenario-file event: the loader's checks accept it as it is.
  const again = appendEvent(ledger, event, CLOCK);
  expect(again.ok ? [] : again.problems).toEqual([]);
}

async function expectRejected(app: App, path: string, body: unknown, problems: { path: string; message: string }[], headers: Record<string, string> = {}) {
  const before = await fourViews(app, CAFE, headers);
  const res = await post(app, path, body, headers);
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('invalid-event');
  expect(res.body.problems).toEqual(problems);
  expect(res.body.message).toBe(
    `the event was rejected, nothing changed: ${problems[0]!.path}: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more, see problems)` : ''}`,
  );
  expect(await fourViews(app, CAFE, headers)).toEqual(before);
  return res;
}

describe('POST /__admin/parties/{id}/payments', () => {
  it('places a payment with KID on the oldest due instalments first and the four endpoints show it at once', async () => {
    const app = newApp();
    const before = await fourViews(app, CAFE);
    const res = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 10000, kidnummer: FORSKUDD_KID });
    expect(res.status).toBe(201);
    const event = res.body.event as Extract<LedgerEvent, { type: 'paymentReceived' }>;
    expect(event).toEqual({
      type: 'paymentReceived',
      date: CLOCK,
      innbetalingsidentifikator: event.innbetalingsidentifikator,
      beloep: 10000,
      kidnummer: FORSKUDD_KID,
      betaler: { navn: 'LYSTIG KLAM KATT TUSJ' },
    });
    // The other-tax ledger's style: an eight-digit number, as the party's other payments.
    expect(event.innbetalingsidentifikator).toMatch(/^\d{8}$/);
    expect(res.body.placement).toEqual({
      placed: [
        { kravidentifikator: '247869462', kravforfallsIdentifikator: '459671539', forfallsdato: '2026-09-15', beloep: 9252 },
        { kravidentifikator: '247869462', kravforfallsIdentifikator: '459671546', forfallsdato: '2026-12-15', beloep: 748 },
      ],
      unplaced: 0,
    });
    expect(res.body.answeredAt).toBe(CLOCK);
    expect(res.body.pending).toBe(false);
    expectEventValid(event, builtinLedger(CAFE));

    const after = await fourViews(app, CAFE);
    expect(totals(after).sumForfalteKrav).toBe(totals(before).sumForfalteKrav - 9252);
    expect(totals(after).sumIkkeForfalteKrav).toBe(totals(before).sumIkkeForfalteKrav - 748);
    const ledger = { ...builtinLedger(CAFE), events: [...builtinLedger(CAFE).events, event] };
    expect(after.aapnekrav.body).toEqual(aapneKravView(ledger, { clock: CLOCK, rettighetspakke: 'regnskapssystem' }));
    const innbetaling = (after.innbetalinger.body.innbetaling as { innbetalingsidentifikator: string; innbetaltBeloep: number; plassertKrav: { kravforfallIdentifikator: string; plassertBeloep: number }[] }[]).find(
      (i) => i.innbetalingsidentifikator === event.innbetalingsidentifikator,
    );
    expect(innbetaling?.innbetaltBeloep).toBe(-10000);
    expect(innbetaling?.plassertKrav.map((k) => [k.kravforfallIdentifikator, k.plassertBeloep])).toEqual([
      ['459671539', 9252],
      ['459671546', 748],
    ]);
    expect(after.utbetalinger).toEqual(before.utbetalinger);
  });

  it('leaves a payment without KID unplaced, shown under innbetalingMedUplassertBeloep', async () => {
    const app = newApp();
    const before = await fourViews(app, CAFE);
    const res = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 1234.5, date: '-2d', betaler: { navn: 'Kari Nordmann', kontonummer: '12345678903' }, melding: 'Ukjent' });
    expect(res.status).toBe(201);
    expect(res.body.placement).toEqual({ placed: [], unplaced: 1234.5 });
    const event = res.body.event as { date: string; innbetalingsidentifikator: string };
    expect(event.date).toBe('2026-11-24');
    const after = await fourViews(app, CAFE);
    expect(totals(after).sumUplasserteInnbetalinger).toBe(totals(before).sumUplasserteInnbetalinger - 1234.5);
    expect(totals(after).sumForfalteKrav).toBe(totals(before).sumForfalteKrav);
    const unplaced = after.aapnekrav.body.innbetalingMedUplassertBeloep as { innbetalingsidentifikator: string; uplassertBeloep: number }[];
    expect(unplaced.map((u) => [u.innbetalingsidentifikator, u.uplassertBeloep])).toEqual([
      [UNPLACED, -5000],
      [event.innbetalingsidentifikator, -1234.5],
    ]);
  });

  it('gives each payment a fresh id in the style of its reskontro: FORF-9… for the VAT ledger', async () => {
    const app = newApp();
    const first = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 100, kidnummer: MVA_KID });
    const second = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 100, kidnummer: MVA_KID });
    const ids = [first, second].map((r) => (r.body.event as { innbetalingsidentifikator: string }).innbetalingsidentifikator);
    expect(ids[0]).toMatch(/^FORF-9\d{7}$/);
    expect(ids[1]).toMatch(/^FORF-9\d{7}$/);
    expect(ids[0]).not.toBe(ids[1]);
    const existing = builtinLedger(CAFE).events.flatMap((e) => (e.type === 'paymentReceived' ? [e.innbetalingsidentifikator] : []));
    expect(existing).not.toContain(ids[0]);
    expect(second.body.placement).toEqual({ placed: [{ kravidentifikator: MVA_TERM, kravforfallsIdentifikator: MVA_TERM, forfallsdato: '2026-10-12', beloep: 100 }], unplaced: 0 });
  });

  it('keeps an id the caller gives and refuses one already used', async () => {
    const app = newApp();
    const ok = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 100, innbetalingsidentifikator: 'ADMIN-1' });
    expect((ok.body.event as { innbetalingsidentifikator: string }).innbetalingsidentifikator).toBe('ADMIN-1');
    await expectRejected(app, `/__admin/parties/${CAFE}/payments`, { beloep: 100, innbetalingsidentifikator: 'ADMIN-1' }, [
      { path: 'innbetalingsidentifikator', message: `innbetalingsidentifikator 'ADMIN-1' is already used by events[${builtinLedger(CAFE).events.length}]` },
    ]);
  });

  it('a payment dated after the clock is pending: the API shows it once the clock gets there', async () => {
    const app = newApp();
    const res = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 500, date: '+5d' });
    expect(res.status).toBe(201);
    expect(res.body.pending).toBe(true);
    expect((res.body.event as { date: string }).date).toBe('2026-12-01');
    const now = await fourViews(app, CAFE);
    expect(totals(now).sumUplasserteInnbetalinger).toBe(-5000);
    await request(app, 'post', '/__admin/clock/advance', { body: { days: 5 } });
    const later = await fourViews(app, CAFE, {}, '2026-12-01');
    expect(totals(later).sumUplasserteInnbetalinger).toBe(-5500);
  });

  it.each([
    ['a text amount', { beloep: 'x' }, [{ path: 'beloep', message: "expected a number but got the text 'x'" }]],
    ['no amount', { kidnummer: FORSKUDD_KID }, [{ path: '(root)', message: "missing required property 'beloep'" }]],
    ['a negative amount', { beloep: -5 }, [{ path: 'beloep', message: 'amount -5 must be more than 0' }]],
    ['three decimals', { beloep: 10.005 }, [{ path: 'beloep', message: 'amount 10.005 has more than two decimals' }]],
    [
      'unknown fields',
      { beloep: 5, belop: 5, type: 'payout' },
      [
        { path: 'belop', message: "unknown property 'belop' (allowed: date, innbetalingsidentifikator, partIdentifikator, beloep, kidnummer, melding, betaler, reskontro, innbetalingstype, autoPlace)" },
        {
          path: 'type',
          message:
            "unknown property 'type' (allowed: date, innbetalingsidentifikator, partIdentifikator, beloep, kidnummer, melding, betaler, reskontro, innbetalingstype, autoPlace); this endpoint makes a paymentReceived event, POST /__admin/parties/{partIdentifikator}/events takes an event of any type",
        },
      ],
    ],
    ['a date that is no date', { beloep: 5, date: 'tomorrow' }, [{ path: 'date', message: "'tomorrow' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y" }]],
    ['a date not in the calendar', { beloep: 5, date: '2026-02-30' }, [{ path: 'date', message: "'2026-02-30' is not a calendar date: 2026-02 has 28 days" }]],
    ['a KID with a wrong check digit', { beloep: 5, kidnummer: '794081284012607' }, [{ path: 'kidnummer', message: "kidnummer '794081284012607' is not a valid KID: the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit" }]],
    ['a KID given as a number', { beloep: 5, kidnummer: 794081284012606 }, [{ path: 'kidnummer', message: 'expected a string but got the number 794081284012606 (write it in quotes: "794081284012606")' }]],
    ['a payer without a name', { beloep: 5, betaler: { kontonummer: '12345678903' } }, [{ path: 'betaler', message: "missing required property 'navn'" }]],
    ['a payer account with a wrong check digit', { beloep: 5, betaler: { navn: 'Kari', kontonummer: '12345678901' } }, [{ path: 'betaler.kontonummer', message: "betaler.kontonummer '12345678901' is not a valid kontonummer: the mod 11 check digit (weights 5 4 3 2 7 6 5 4 3 2) does not match" }]],
    ['a reskontro that does not exist', { beloep: 5, reskontro: 'moms' }, [{ path: 'reskontro', message: "'moms' is not one of: mva, skatteinnkreving" }]],
  ])('refuses %s with the loader’s message and changes nothing', async (_what, body, problems) => {
    await expectRejected(newApp(), `/__admin/parties/${CAFE}/payments`, body, problems);
  });

  it('refuses a KID that no claim of the party has (a typo), naming the KIDs it has', async () => {
    const app = newApp();
    const res = await expectRejected(app, `/__admin/parties/${CAFE}/payments`, { beloep: 5, kidnummer: '0095755263306220219' }, [
      {
        path: 'kidnummer',
        message:
          "kidnummer '0095755263306220219' is not the KID of any claim of party 313367002: expected the KID of one of its instalments (the newest: 3133670020526509, 3133670020626507, 794081284022506, 131336700226402, 431336700226307), or no kidnummer for a payment that stays unplaced",
      },
    ]);
    expect(res.body.problems).toHaveLength(1);
  });

  it('refuses __proto__ and constructor keys as unknown properties without touching any prototype', async () => {
    const app = newApp();
    const res = await request(app, 'post', `/__admin/parties/${CAFE}/payments`, {
      body: '{"beloep": 5, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect((res.body.problems as { path: string }[]).map((p) => p.path)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('answers 404 unknown-party for a party no scenario has', async () => {
    const res = await post(newApp(), '/__admin/parties/312438623/payments', { beloep: 5 });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'unknown-party', message: 'no party 312438623 in this scope: a ledger action needs a party of a loaded scenario (GET /__admin/scenarios lists them)' });
  });

  it('refuses bodies that are not a JSON object: invalid JSON, a list, none, another media type, too large', async () => {
    const app = newApp();
    const path = `/__admin/parties/${CAFE}/payments`;
    const invalid = await request(app, 'post', path, { body: '{"beloep": 5,', contentType: 'application/json' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('invalid-json');
    expect(invalid.body.message).toMatch(/^the request body is not valid JSON: .+; expected a JSON object$/);
    const list = await request(app, 'post', path, { body: [{ beloep: 5 }] });
    expect(list.body).toEqual({ error: 'invalid-event', message: 'the request body is a list: expected a JSON object such as {"beloep": 5000, "kidnummer": "…"}' });
    const none = await request(app, 'post', path);
    expect(none.body).toEqual({ error: 'invalid-event', message: 'the request has no body: expected a JSON object such as {"beloep": 5000, "kidnummer": "…"}' });
    const text = await request(app, 'post', path, { body: 'beloep=5', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ error: 'unsupported-media-type', message: 'the request body is text/plain: expected Content-Type: application/json with a JSON object such as {"beloep": 5000, "kidnummer": "…"}' });
    const large = await request(app, 'post', path, { body: { beloep: 5, melding: 'x'.repeat(70_000) } });
    expect(large.status).toBe(413);
    expect(large.body).toEqual({ error: 'body-too-large', message: 'the request body is larger than this endpoint accepts (64kb)' });
    expect(totals(await fourViews(app, CAFE)).sumUplasserteInnbetalinger).toBe(-5000);
  });
});

describe('POST /__admin/parties/{id}/payouts', () => {
  it('pays back an unplaced payment: utbetalinger shows it and the unplaced amount shrinks', async () => {
    const app = newApp();
    const before = await fourViews(app, CAFE);
    const res = await post(app, `/__admin/parties/${CAFE}/payouts`, { tilbakebetalingAv: [{ innbetalingsidentifikator: UNPLACED, beloep: 2000 }], melding: 'Tilbakebetaling' });
    expect(res.status).toBe(201);
    const event = res.body.event as { utbetalingsidentifikator: string };
    expect(res.body.event).toEqual({
      type: 'payout',
      date: CLOCK,
      utbetalingsidentifikator: event.utbetalingsidentifikator,
      mottaker: { navn: 'LYSTIG KLAM KATT TUSJ' },
      melding: 'Tilbakebetaling',
      tilbakebetalingAv: [{ innbetalingsidentifikator: UNPLACED, beloep: 2000 }],
    });
    expect(event.utbetalingsidentifikator).toMatch(/^\d{8}$/);
    expect(res.body.placement).toBeUndefined();
    expectEventValid(res.body.event, builtinLedger(CAFE));
    const after = await fourViews(app, CAFE);
    expect(totals(after).sumUplasserteInnbetalinger).toBe(totals(before).sumUplasserteInnbetalinger + 2000);
    expect(before.utbetalinger.status).toBe(404);
    expect(after.utbetalinger.status).toBe(200);
    const utbetaling = after.utbetalinger.body.utbetaling as { utbetalingsidentifikator: string; utbetaltBeloep: number }[];
    expect(utbetaling.map((u) => u.utbetalingsidentifikator)).toEqual([event.utbetalingsidentifikator]);
  });

  it('refuses paying out more than is left, naming what is left, and changes nothing', async () => {
    await expectRejected(newApp(), `/__admin/parties/${CAFE}/payouts`, { tilbakebetalingAv: [{ innbetalingsidentifikator: UNPLACED, beloep: 5000.01 }] }, [
      { path: 'tilbakebetalingAv[0].beloep', message: `tilbakebetalingAv[0].beloep 5000.01 exceeds the unplaced amount left on payment '${UNPLACED}' (5000 on ${CLOCK})` },
    ]);
  });

  it('refuses a payout of a payment that does not exist and one without parts', async () => {
    const app = newApp();
    await expectRejected(app, `/__admin/parties/${CAFE}/payouts`, { tilbakebetalingAv: [{ innbetalingsidentifikator: 'NOPE', beloep: 1 }] }, [
      { path: 'tilbakebetalingAv[0].innbetalingsidentifikator', message: "tilbakebetalingAv[0].innbetalingsidentifikator 'NOPE' does not match any payment (innbetalingsidentifikator) in the ledger" },
    ]);
    await expectRejected(app, `/__admin/parties/${CAFE}/payouts`, {}, [{ path: '(root)', message: 'a payout needs at least one part: fraKreditkrav and tilbakebetalingAv are both empty' }]);
  });
});

describe('POST /__admin/parties/{id}/claims', () => {
  const restskatt = { reskontro: 'skatteinnkreving', kravtype: 'RESTSKATT', kravgruppe: 'Skatt', kravbeskrivelse: 'Restskatt - 2026', kravforfall: [{ forfallsdato: '+3w', beloep: 12000 }, { forfallsdato: '+7w', beloep: 12000 }] };

  it('raises a claim with generated ids and one valid KID, and a payment with that KID is placed on it', async () => {
    const app = newApp();
    const before = await fourViews(app, CAFE);
    const res = await post(app, `/__admin/parties/${CAFE}/claims`, restskatt);
    expect(res.status).toBe(201);
    const event = res.body.event as Extract<LedgerEvent, { type: 'claimRaised' }>;
    expect(event.date).toBe(CLOCK);
    expect(event.kravidentifikator).toMatch(/^\d{9}$/);
    expect(event.kravforfall.map((f) => f.forfallsdato)).toEqual(['2026-12-17', '2027-01-14']);
    const [a, b] = event.kravforfall;
    expect(a!.kravforfallsIdentifikator).toMatch(/^\d{9}$/);
    expect(b!.kravforfallsIdentifikator).not.toBe(a!.kravforfallsIdentifikator);
    expect(a!.kidnummer).toBe(b!.kidnummer);
    expect(kidProblem(a!.kidnummer)).toBeUndefined();
    const otherKids = builtinLedger(CAFE).events.flatMap((e) => (e.type === 'claimRaised' ? e.kravforfall.map((f) => f.kidnummer) : []));
    expect(otherKids).not.toContain(a!.kidnummer);
    expectEventValid(event, builtinLedger(CAFE));

    const after = await fourViews(app, CAFE);
    expect(totals(after).sumIkkeForfalteKrav).toBe(totals(before).sumIkkeForfalteKrav + 24000);
    const open = after.aapnekrav.body.aapentKravMedGjenstaaendeBeloep as { kravidentifikator: string }[];
    expect(open.map((k) => k.kravidentifikator)).toContain(event.kravidentifikator);
    const krav = after.krav.body.krav as { kravidentifikator: string }[];
    expect(krav.map((k) => k.kravidentifikator)).toContain(event.kravidentifikator);

    const paid = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 15000, kidnummer: a!.kidnummer });
    expect(paid.body.placement).toEqual({
      placed: [
        { kravidentifikator: event.kravidentifikator, kravforfallsIdentifikator: a!.kravforfallsIdentifikator, forfallsdato: '2026-12-17', beloep: 12000 },
        { kravidentifikator: event.kravidentifikator, kravforfallsIdentifikator: b!.kravforfallsIdentifikator, forfallsdato: '2027-01-14', beloep: 3000 },
      ],
      unplaced: 0,
    });
  });

  it('writes a VAT claim as the VAT ledger does: KRAV-… ids, the single instalment under the claim id, a MOD11 KID', async () => {
    const res = await post(newApp(), `/__admin/parties/${CAFE}/claims`, {
      reskontro: 'mva',
      kravtype: 'Mva-melding',
      kravgruppe: 'Merverdiavgift',
      kravbeskrivelse: 'Mva-melding',
      kravperiode: { beskrivelse: 'september - oktober', aar: '2026' },
      kravforfall: [{ forfallsdato: '2026-12-10', beloep: 3210.5 }],
    });
    expect(res.status).toBe(201);
    const event = res.body.event as Extract<LedgerEvent, { type: 'claimRaised' }>;
    expect(event.kravidentifikator).toMatch(/^KRAV-3\d{7}$/);
    expect(event.kravforfall[0]!.kravforfallsIdentifikator).toBe(event.kravidentifikator);
    expect(event.kravforfall[0]!.kidnummer).toMatch(/^1313367002\d+[\d-]$/);
    expect(kidProblem(event.kravforfall[0]!.kidnummer)).toBeUndefined();
  });

  it('gives a credit claim no KID', async () => {
    const res = await post(newApp(), `/__admin/parties/${CAFE}/claims`, {
      reskontro: 'skatteinnkreving',
      kravtype: 'RESTERENDE_SKT_TILB',
      kravgruppe: 'Skatt',
      kravbeskrivelse: 'Tilgode skatt',
      kravforfall: [{ forfallsdato: 'today', beloep: -800 }],
    });
    expect(res.status).toBe(201);
    expect((res.body.event as Extract<LedgerEvent, { type: 'claimRaised' }>).kravforfall[0]!.kidnummer).toBeUndefined();
  });

  it('reports every problem with paths relative to the body', async () => {
    await expectRejected(
      newApp(),
      `/__admin/parties/${CAFE}/claims`,
      { ...restskatt, kravtype: 7, kravforfall: [{ forfallsdato: '+3w', beloep: 'x' }, { forfallsdato: 'soon', beloep: 5, kidnummer: 'abc', rente: 1 }], frist: 'today' },
      [
        {
          path: 'frist',
          message:
            "unknown property 'frist' (allowed: date, kravidentifikator, partIdentifikator, reskontro, kravtype, kravgruppe, kravbeskrivelse, kortBeskrivelse, kravperiode, fastsettingsmaate, hovedstolKravidentifikator, stipulerteRenter, konto, kravforfall)",
        },
        { path: 'kravtype', message: 'expected a string but got the number 7 (write it in quotes: "7")' },
        { path: 'kravforfall[0].beloep', message: "expected a number but got the text 'x'" },
        { path: 'kravforfall[1].rente', message: "unknown property 'rente' (allowed: kravforfallsIdentifikator, forfallsdato, beloep, kidnummer)" },
        { path: 'kravforfall[1].forfallsdato', message: "'soon' is not a date: expected YYYY-MM-DD, 'today' or an offset like -30d, +2w, -3m, +1y" },
        { path: 'kravforfall[1].kidnummer', message: "'abc' is not a KID: expected 2 to 25 digits, the last a MOD10 or MOD11 check digit" },
      ],
    );
  });

  it('resolves relative due dates against the party’s clock and refuses one that is not in the calendar', async () => {
    await expectRejected(newApp(), `/__admin/parties/${CAFE}/claims`, { ...restskatt, kravforfall: [{ forfallsdato: '+3w', beloep: 100 }, { forfallsdato: '2026-13-01', beloep: 5 }] }, [
      { path: 'kravforfall[1].forfallsdato', message: "'2026-13-01' is not a calendar date: there is no month 13" },
    ]);
  });

  it('refuses a claim that mixes debit and credit instalments and one without instalments', async () => {
    const app = newApp();
    await expectRejected(app, `/__admin/parties/${CAFE}/claims`, { ...restskatt, kravforfall: [{ forfallsdato: '+3w', beloep: 100, kidnummer: '123' }, { forfallsdato: '+4w', beloep: -5 }] }, [
      { path: 'kravforfall[0].kidnummer', message: "kidnummer '123' is not a valid KID: the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit" },
      { path: 'kravforfall', message: 'kravforfall mixes positive (debit) and negative (credit) instalments: a claim is either a debit or a credit claim' },
    ]);
    await expectRejected(app, `/__admin/parties/${CAFE}/claims`, { ...restskatt, kravforfall: [] }, [{ path: 'kravforfall', message: 'must not be empty: expected at least 1 item' }]);
    await expectRejected(app, `/__admin/parties/${CAFE}/claims`, { kravforfall: [{ forfallsdato: '+3w', beloep: 5 }] }, [
      { path: '(root)', message: "missing required property 'reskontro'" },
      { path: '(root)', message: "missing required property 'kravtype'" },
      { path: '(root)', message: "missing required property 'kravgruppe'" },
      { path: '(root)', message: "missing required property 'kravbeskrivelse'" },
    ]);
  });
});

describe('POST /__admin/parties/{id}/events', () => {
  it('places an unplaced payment by hand (paymentPlaced), exactly as in a scenario file', async () => {
    const app = newApp();
    const before = await fourViews(app, CAFE);
    const res = await post(app, `/__admin/parties/${CAFE}/events`, { type: 'paymentPlaced', date: 'today', innbetalingsidentifikator: UNPLACED, kravforfallsIdentifikator: MVA_TERM, beloep: 5000 });
    expect(res.status).toBe(201);
    expect(res.body.event).toEqual({ type: 'paymentPlaced', date: CLOCK, innbetalingsidentifikator: UNPLACED, kravforfallsIdentifikator: MVA_TERM, beloep: 5000 });
    const after = await fourViews(app, CAFE);
    expect(totals(after).sumUplasserteInnbetalinger).toBe(totals(before).sumUplasserteInnbetalinger + 5000);
    expect(totals(after).sumForfalteKrav).toBe(totals(before).sumForfalteKrav - 5000);
    expect(after.aapnekrav.body.innbetalingMedUplassertBeloep).toBeUndefined();
  });

  it('sets a new credit claim off against the debts in legal order', async () => {
    const app = newApp();
    const credit = await post(app, `/__admin/parties/${CAFE}/events`, {
      type: 'claimRaised',
      date: 'today',
      kravidentifikator: 'TILGODE-1',
      reskontro: 'skatteinnkreving',
      kravtype: 'RESTERENDE_SKT_TILB',
      kravgruppe: 'Skatt',
      kravbeskrivelse: 'Tilgode skatt',
      kravforfall: [{ kravforfallsIdentifikator: 'TILGODE-1-1', forfallsdato: 'today', beloep: -10000 }],
    });
    expect(credit.status).toBe(201);
    const before = await fourViews(app, CAFE);
    const res = await post(app, `/__admin/parties/${CAFE}/events`, { type: 'setOffInLegalOrder', date: 'today', kreditKravforfallsIdentifikator: 'TILGODE-1-1', motregningsidentifikator: 'M-1' });
    expect(res.status).toBe(201);
    const after = await fourViews(app, CAFE);
    // The credit (not yet overdue: due today) covers 10 000 of the overdue debts — forskuddsskatt first
    // (§ 13-6-1 a), then the MVA term (m) — and is used up.
    expect(totals(after).sumForfalteKrav).toBe(totals(before).sumForfalteKrav - 10000);
    expect(totals(after).sumIkkeForfalteKrav).toBe(totals(before).sumIkkeForfalteKrav + 10000);
    const open = after.aapnekrav.body.aapentKravMedGjenstaaendeBeloep as { kravidentifikator: string; gjenstaaendeBeloep: number }[];
    expect(open.find((k) => k.kravidentifikator === 'TILGODE-1')).toBeUndefined();
    expect(open.find((k) => k.kravidentifikator === '247869462')?.gjenstaaendeBeloep).toBe(28504 - 9252);
    expect(open.find((k) => k.kravidentifikator === MVA_TERM)?.gjenstaaendeBeloep).toBe(41672 - 748);
  });

  it('refuses an unknown event type, naming the types', async () => {
    await expectRejected(newApp(), `/__admin/parties/${CAFE}/events`, { type: 'refund', date: 'today' }, [
      { path: 'type', message: "unknown event type 'refund' (expected one of: claimRaised, paymentReceived, paymentPlaced, setOff, setOffInLegalOrder, payout)" },
    ]);
  });

  it('refuses a placement of more than the payment has left', async () => {
    await expectRejected(newApp(), `/__admin/parties/${CAFE}/events`, { type: 'paymentPlaced', date: 'today', innbetalingsidentifikator: UNPLACED, kravforfallsIdentifikator: MVA_TERM, beloep: 6000 }, [
      { path: 'beloep', message: `beloep 6000 exceeds the unplaced amount left on payment '${UNPLACED}' (5000 on ${CLOCK})` },
    ]);
  });

  it('reports what an event would break in the ledger under (ledger) events[i]', async () => {
    const app = newApp();
    const placed = await post(app, `/__admin/parties/${CAFE}/events`, { type: 'paymentPlaced', date: 'today', innbetalingsidentifikator: UNPLACED, kravforfallsIdentifikator: MVA_TERM, beloep: 5000 });
    expect(placed.status).toBe(201);
    const index = builtinLedger(CAFE).events.length;
    // A backdated payment with the MVA term's KID takes 41 000 of the 41 672 the hand placement above relied on.
    await expectRejected(app, `/__admin/parties/${CAFE}/payments`, { beloep: 41000, kidnummer: MVA_KID, date: '2026-11-21' }, [
      { path: `(ledger) events[${index}].beloep`, message: `beloep 5000 exceeds the amount left on instalment '${MVA_TERM}' (672 on ${CLOCK})` },
    ]);
  });
});

describe('ledger actions work in the request’s scope', () => {
  it('a payment in session a is seen by session a only, not by the shared state or session b', async () => {
    const app = newApp();
    const shared = await fourViews(app, CAFE);
    const b = await fourViews(app, CAFE, session('b'));
    const res = await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 777 }, session('a'));
    expect(res.status).toBe(201);
    expect(totals(await fourViews(app, CAFE, session('a'))).sumUplasserteInnbetalinger).toBe(-5777);
    expect(await fourViews(app, CAFE)).toEqual(shared);
    expect(await fourViews(app, CAFE, session('b'))).toEqual(b);
    const counts = await request(app, 'get', '/__admin/scenarios', { headers: session('a') });
    const party = (counts.body.scenarios as { parties: { partIdentifikator: string; innbetalinger: number }[] }[])[0]!.parties.find((p) => p.partIdentifikator === CAFE)!;
    expect(party.innbetalinger).toBe(builtinLedger(CAFE).events.filter((e) => e.type === 'paymentReceived').length + 1);
  });

  it('a rejected action in a session leaves the session as it was', async () => {
    const app = newApp();
    await post(app, `/__admin/parties/${CAFE}/payments`, { beloep: 1 }, session('a'));
    await expectRejected(app, `/__admin/parties/${CAFE}/payments`, { beloep: 0 }, [{ path: 'beloep', message: 'amount 0 must be more than 0' }], session('a'));
  });
});
