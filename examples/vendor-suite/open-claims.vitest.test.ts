// A vendor's integration test, run by vitest: kravmock starts inside the test process, the code under
// test calls it over HTTP like the real API, and the test sets the data and the clock through the
// handle. `kravmock` is imported by name, as from npm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KravmockAdminError, startKravmock, type AapneKrav, type KravmockHandle } from 'kravmock';

const PARTY = '313367002';
// The repository's own test sets VENDOR_SUITE_BREAK=1 to prove that a wrong expectation fails this suite.
const PAID = 5000;
const EXPECTED_UNPLACED = process.env.VENDOR_SUITE_BREAK === '1' ? PAID + 1 : PAID;

/** The code under test would do this: read the open claims of a customer. */
async function openClaims(baseUrl: string, headers: Record<string, string>): Promise<{ status: number; body: AapneKrav }> {
  const res = await fetch(`${baseUrl}/v1/regnskapssystem/${PARTY}/aapnekrav`, { headers: { Accept: 'application/json', ...headers } });
  return { status: res.status, body: (await res.json()) as AapneKrav };
}

let mock: KravmockHandle;

beforeAll(async () => {
  mock = await startKravmock({ clock: '2026-11-26' });
});

afterAll(async () => {
  await mock.close();
});

describe('open claims of a customer (vitest)', () => {
  it('reads them with a system-user token', async () => {
    const { headers } = await mock.token({ org: PARTY, pakke: 'regnskapssystem' });
    const { status, body } = await openClaims(mock.url, headers);
    expect(status).toBe(200);
    expect(body.partIdentifikator).toBe(PARTY);
    expect(body.aapentKravMedGjenstaaendeBeloep?.length).toBeGreaterThan(0);
  });

  it('sees a payment without KID as unplaced, in its own session only, and moves the clock', async () => {
    const session = mock.session();
    const { headers } = await session.token({ org: PARTY, pakke: 'regnskapssystem' });
    const payment = await session.payment(PARTY, { beloep: PAID });
    expect(payment.placement).toEqual({ placed: [], unplaced: PAID });

    const inSession = await openClaims(mock.url, headers);
    const unplaced = inSession.body.innbetalingMedUplassertBeloep?.find((i) => i.innbetalingsidentifikator === payment.event.innbetalingsidentifikator);
    expect(Math.abs(unplaced?.uplassertBeloep ?? 0)).toBe(EXPECTED_UNPLACED);

    const shared = await openClaims(mock.url, (await mock.token({ org: PARTY, pakke: 'regnskapssystem' })).headers);
    expect(shared.body.innbetalingMedUplassertBeloep?.some((i) => i.innbetalingsidentifikator === payment.event.innbetalingsidentifikator) ?? false).toBe(false);

    const clock = await session.advanceClock({ days: 30 });
    expect(clock.today).toBe('2026-12-26');
    expect((await mock.clock()).today).toBe('2026-11-26');
    expect(await session.end()).toBe(true);
  });

  it('gets the admin API refusal as a KravmockAdminError', async () => {
    const refused = await mock.payment('999999999', { beloep: 10 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(KravmockAdminError);
    expect(refused).toMatchObject({ status: 404, code: 'unknown-party' });
  });
});
