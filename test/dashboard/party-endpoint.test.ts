// GET /__admin/parties/{partIdentifikator}: the party's ledger as the dashboard shows it must be the
// API's own numbers — the same totals, remaining amounts, KIDs, accounts, placements and unplaced
// amounts the four endpoints answer — and the balance chart's points must be month ends.
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { balanceDates, MAX_BALANCE_POINTS } from '../../server/dashboard/party-view.js';
import { addYears, daysInMonth } from '../../server/ledger/dates.js';
import { aapneKravView } from '../../server/ledger/views.js';
import { get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const CAFE = '313367002';
const scenario = builtinScenario(CLOCK);
const newApp = (options: Parameters<typeof createApp>[0] = {}) => createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, ...options });

interface Instalment {
  kravforfallsIdentifikator: string;
  forfallsdato: string;
  opprinneligBeloep: number;
  gjenstaaendeBeloep: number;
  kidnummer?: string;
  kontonummer?: string;
  plassertInnbetaling: { innbetalingsIdentifikator: string; plassertBeloep: number; plassertDato?: string }[];
}
interface Claim {
  kravidentifikator: string;
  opprinneligBeloep: number;
  gjenstaaendeBeloep: number;
  stipulerteRenter?: number;
  kravforfall: Instalment[];
}
interface Payment {
  innbetalingsidentifikator: string;
  innbetalingsdato: string;
  innbetaltBeloep: number;
  uplassertBeloep: number;
  plassertKrav: { kravidentifikator: string; kravforfallIdentifikator: string; plassertBeloep: number }[];
}
interface Payout {
  utbetalingsidentifikator: string;
  utbetaltBeloep: number;
  kreditKrav: { kravforfallidentifikator: string; utbetaltBeloep: number }[];
  tilbakebetalingAv: { innbetalingsIdentifikator: string; utbetaltBeloep: number }[];
}
interface PartyView {
  partIdentifikator: string;
  navn: string;
  scenario: string;
  answeredAt: string;
  totalOversikt: Record<string, number>;
  krav: Claim[];
  innbetalinger: Payment[];
  utbetalinger: Payout[];
  pendingEvents: { type: string; date: string; id?: string }[];
  balanceOverTime: { stepMonths: number; points: ({ dato: string } & Record<string, number>)[] };
}

// Shapes of the API's answers, as far as the comparison reads them.
interface ApiInstalment {
  kravforfallsIdentifikator: string;
  gjenstaaendeBeloep: number;
  opprinneligBeloep: number;
  betalingsinformasjon: { kidnummer?: string; konto?: { kontonummer?: string } };
}
interface ApiClaim {
  kravidentifikator: string;
  opprinneligBeloep: number;
  gjenstaaendeBeloep: number;
  stipulerteRenter?: number;
  kravforfall: ApiInstalment[];
}
interface ApiPayment {
  innbetalingsidentifikator: string;
  innbetaltBeloep: number;
  uplassertBeloep: number;
  plassertKrav?: { kravforfallIdentifikator: string; plassertBeloep: number }[];
}

async function partyView(app: ReturnType<typeof newApp>, id: string, headers: Record<string, string> = {}): Promise<PartyView> {
  const res = await request(app, 'get', `/__admin/parties/${id}`, { headers });
  expect(res.status).toBe(200);
  return res.body as unknown as PartyView;
}

describe('GET /__admin/parties/{partIdentifikator}', () => {
  const app = newApp();

  it.each(scenario.parties.map((p) => [p.partIdentifikator, p.navn]))('%s (%s): the same figures as the four API endpoints', async (id) => {
    const view = await partyView(app, id);
    expect(view).toMatchObject({ partIdentifikator: id, scenario: 'offisielle-testparter', answeredAt: CLOCK });

    const aapnekrav = (await get(app, `/v1/regnskapssystem/${id}/aapnekrav`)).body as { totalOversikt: Record<string, number>; aapentKravMedGjenstaaendeBeloep?: ApiClaim[]; innbetalingMedUplassertBeloep?: ApiPayment[] };
    expect(view.totalOversikt).toEqual(aapnekrav.totalOversikt);

    // Open claims: exactly the API's, with the same amounts, KIDs and accounts per instalment.
    const open = aapnekrav.aapentKravMedGjenstaaendeBeloep ?? [];
    expect(view.krav.filter((k) => k.gjenstaaendeBeloep !== 0).map((k) => k.kravidentifikator).sort()).toEqual(open.map((k) => k.kravidentifikator).sort());
    for (const apiClaim of open) {
      const claim = view.krav.find((k) => k.kravidentifikator === apiClaim.kravidentifikator)!;
      expect({ o: claim.opprinneligBeloep, g: claim.gjenstaaendeBeloep, r: claim.stipulerteRenter }).toEqual({ o: apiClaim.opprinneligBeloep, g: apiClaim.gjenstaaendeBeloep, r: apiClaim.stipulerteRenter });
      expect(claim.kravforfall.map((f) => [f.kravforfallsIdentifikator, f.opprinneligBeloep, f.gjenstaaendeBeloep, f.kidnummer, f.kontonummer])).toEqual(
        apiClaim.kravforfall.map((f) => [f.kravforfallsIdentifikator, f.opprinneligBeloep, f.gjenstaaendeBeloep, f.betalingsinformasjon.kidnummer, f.betalingsinformasjon.konto?.kontonummer]),
      );
    }
    const unplaced = aapnekrav.innbetalingMedUplassertBeloep ?? [];
    expect(view.innbetalinger.filter((p) => p.uplassertBeloep !== 0).map((p) => [p.innbetalingsidentifikator, p.uplassertBeloep])).toEqual(unplaced.map((p) => [p.innbetalingsidentifikator, p.uplassertBeloep]));

    // Payments and payouts of the last year: as innbetalinger and utbetalinger answer them.
    const period = `fraOgMed=${addYears(CLOCK, -1)}&tilOgMed=${CLOCK}`;
    const innbetalinger = await get(app, `/v1/regnskapssystem/${id}/innbetalinger?${period}`);
    const apiPayments = innbetalinger.status === 200 ? ((innbetalinger.body.innbetaling ?? []) as ApiPayment[]) : [];
    for (const apiPayment of apiPayments) {
      const payment = view.innbetalinger.find((p) => p.innbetalingsidentifikator === apiPayment.innbetalingsidentifikator)!;
      expect(payment.innbetaltBeloep).toBe(apiPayment.innbetaltBeloep);
      expect(payment.uplassertBeloep).toBe(apiPayment.uplassertBeloep);
      expect(payment.plassertKrav.map((k) => [k.kravforfallIdentifikator, k.plassertBeloep])).toEqual((apiPayment.plassertKrav ?? []).map((k) => [k.kravforfallIdentifikator, k.plassertBeloep]));
    }
    expect(view.innbetalinger.filter((p) => p.innbetalingsdato >= addYears(CLOCK, -1)).length).toBe(apiPayments.length);
    const utbetalinger = await get(app, `/v1/regnskapssystem/${id}/utbetalinger?${period}`);
    const apiPayouts = utbetalinger.status === 200 ? ((utbetalinger.body.utbetaling ?? []) as { utbetalingsidentifikator: string; utbetaltBeloep: number }[]) : [];
    for (const apiPayout of apiPayouts) {
      expect(view.utbetalinger.find((u) => u.utbetalingsidentifikator === apiPayout.utbetalingsidentifikator)?.utbetaltBeloep).toBe(apiPayout.utbetaltBeloep);
    }

    // The chart ends at the clock with today's totals; before that one point per month end.
    const points = view.balanceOverTime.points;
    expect(points.at(-1)).toEqual({ dato: CLOCK, ...aapnekrav.totalOversikt });
    for (const p of points.slice(0, -1)) {
      const [y, m, d] = p.dato.split('-').map(Number) as [number, number, number];
      expect(d, p.dato).toBe(daysInMonth(y, m));
    }
    expect(points.map((p) => p.dato)).toEqual([...points.map((p) => p.dato)].sort());
  });

  it('shows each placement of a payment on the instalment and on the payment, and an instalment settled by it', async () => {
    const view = await partyView(app, CAFE);
    for (const payment of view.innbetalinger) {
      for (const placed of payment.plassertKrav) {
        const instalment = view.krav.find((k) => k.kravidentifikator === placed.kravidentifikator)?.kravforfall.find((f) => f.kravforfallsIdentifikator === placed.kravforfallIdentifikator);
        expect(instalment?.plassertInnbetaling.map((p) => p.innbetalingsIdentifikator), `${payment.innbetalingsidentifikator} on ${placed.kravforfallIdentifikator}`).toContain(payment.innbetalingsidentifikator);
      }
    }
  });

  it('follows a payment sent through the admin API: placed on the instalment its KID names, totals lower', async () => {
    const own = newApp();
    const before = await partyView(own, CAFE);
    // The forskuddsskatt KID of 313367002: instalment 459671539 (due 2026-09-15) has 9 252 left.
    const action = await request(own, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 5000, kidnummer: '794081284012606' } });
    expect(action.status).toBe(201);
    const id = (action.body.event as { innbetalingsidentifikator: string }).innbetalingsidentifikator;
    const after = await partyView(own, CAFE);
    const payment = after.innbetalinger.find((p) => p.innbetalingsidentifikator === id)!;
    expect(payment).toMatchObject({ innbetalingsdato: CLOCK, innbetaltBeloep: -5000, uplassertBeloep: 0 });
    expect(payment.plassertKrav.map((k) => [k.kravforfallIdentifikator, k.plassertBeloep])).toEqual([['459671539', 5000]]);
    const instalment = (v: PartyView) => v.krav.flatMap((k) => k.kravforfall).find((f) => f.kravforfallsIdentifikator === '459671539')!;
    expect(instalment(before).gjenstaaendeBeloep).toBe(9252);
    expect(instalment(after).gjenstaaendeBeloep).toBe(4252);
    // The instalment was overdue: 5 000 less overdue (and less interest on it), as aapnekrav says.
    expect(after.totalOversikt.sumForfalteKrav).toBe(before.totalOversikt.sumForfalteKrav! - 5000);
    expect(after.totalOversikt.sumStipulerteRenter).toBeLessThan(before.totalOversikt.sumStipulerteRenter!);
    expect(after.totalOversikt).toEqual((await get(own, `/v1/regnskapssystem/${CAFE}/aapnekrav`)).body.totalOversikt);
    expect(after.balanceOverTime.points.at(-1)!.saldo).toBe(after.totalOversikt.saldo);
  });

  it('lists events dated after the clock as pending, and shows them once the clock gets there', async () => {
    const own = newApp();
    const action = await request(own, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 250, date: '+5d', innbetalingsidentifikator: 'LATER-1' } });
    expect(action.body.pending).toBe(true);
    const now = await partyView(own, CAFE);
    expect(now.pendingEvents).toEqual([{ type: 'paymentReceived', date: '2026-12-01', id: 'LATER-1' }]);
    expect(now.innbetalinger.some((p) => p.innbetalingsidentifikator === 'LATER-1')).toBe(false);
    await request(own, 'post', '/__admin/clock/advance', { body: { days: 5 } });
    const later = await partyView(own, CAFE);
    expect(later.answeredAt).toBe('2026-12-01');
    expect(later.pendingEvents).toEqual([]);
    expect(later.innbetalinger.find((p) => p.innbetalingsidentifikator === 'LATER-1')).toMatchObject({ innbetaltBeloep: -250, uplassertBeloep: -250 });
  });

  it('works in the caller scope: a session sees its own payment, the shared state does not', async () => {
    const own = newApp();
    const headers = { 'X-Kravmock-Session': 'dash-1' };
    await request(own, 'post', `/__admin/parties/${CAFE}/payments`, { body: { beloep: 100, innbetalingsidentifikator: 'SESSION-1' }, headers });
    expect((await partyView(own, CAFE, headers)).innbetalinger.some((p) => p.innbetalingsidentifikator === 'SESSION-1')).toBe(true);
    expect((await partyView(own, CAFE)).innbetalinger.some((p) => p.innbetalingsidentifikator === 'SESSION-1')).toBe(false);
  });

  it('balance points are the ledger totals at each date', async () => {
    const view = await partyView(app, '314055403');
    const ledger = scenario.parties.find((p) => p.partIdentifikator === '314055403')!;
    for (const p of view.balanceOverTime.points) {
      const { dato, ...figures } = p;
      expect(figures, dato).toEqual(aapneKravView(ledger, { clock: dato, rettighetspakke: 'regnskapssystem' }).totalOversikt);
    }
  });

  it('answers 404 unknown-party for a party no scenario has', async () => {
    const res = await get(app, '/__admin/parties/974761076');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'unknown-party', message: 'no party 974761076 in this scope: GET /__admin/scenarios lists the parties of the loaded scenarios' });
  });

  it('answers 400 invalid-parameter for a query parameter', async () => {
    const res = await get(app, `/__admin/parties/${CAFE}?clock=2026-01-01`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid-parameter', message: "unknown parameter 'clock': GET /__admin/parties/{partIdentifikator} takes no query parameters" });
  });

  it('needs the admin token when kravmock has one', async () => {
    const guarded = newApp({ admin: { token: 'dash-secret-token' } });
    expect((await get(guarded, `/__admin/parties/${CAFE}`)).status).toBe(401);
    expect((await get(guarded, `/__admin/parties/${CAFE}`, { Authorization: 'Bearer dash-secret-token' })).status).toBe(200);
  });
});

describe('balance chart dates', () => {
  it('are the month ends from the first event to the clock, then the clock', () => {
    expect(balanceDates('2026-08-20', CLOCK)).toEqual({ stepMonths: 1, dates: ['2026-08-31', '2026-09-30', '2026-10-31', CLOCK] });
  });

  it('are the clock alone when the first event is in its month, after it, or there is none', () => {
    expect(balanceDates('2026-11-03', CLOCK).dates).toEqual([CLOCK]);
    expect(balanceDates('2026-12-03', CLOCK).dates).toEqual([CLOCK]);
    expect(balanceDates(undefined, CLOCK).dates).toEqual([CLOCK]);
  });

  it('do not repeat a clock that is itself a month end', () => {
    expect(balanceDates('2026-09-10', '2026-10-31').dates).toEqual(['2026-09-30', '2026-10-31']);
    expect(balanceDates('2024-01-31', '2024-02-29').dates).toEqual(['2024-01-31', '2024-02-29']);
  });

  it(`keep at most ${MAX_BALANCE_POINTS} points, every n-th month end counted back from the clock`, () => {
    const { stepMonths, dates } = balanceDates('2020-01-15', CLOCK); // 82 month ends before the clock
    expect(stepMonths).toBe(2);
    expect(dates.length).toBe(42);
    expect(dates.slice(-3)).toEqual(['2026-08-31', '2026-10-31', CLOCK]);
    expect(dates[0]).toBe('2020-02-29');
    const long = balanceDates('1990-01-01', CLOCK);
    expect(long.dates.length).toBeLessThanOrEqual(MAX_BALANCE_POINTS);
    expect(long.dates.at(-2)).toBe('2026-10-31');
  });
});
