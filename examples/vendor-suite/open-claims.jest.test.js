// @ts-check
// The same vendor test as open-claims.vitest.test.ts, run by jest (ESM:
// node --experimental-vm-modules node_modules/jest/bin/jest.js). `kravmock` is imported by name.
/* global process, fetch */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KravmockAdminError, startKravmock } from 'kravmock';

const PARTY = '313367002';
// The repository's own test sets VENDOR_SUITE_BREAK=1 to prove that a wrong expectation fails this suite.
const PAID = 5000;
const EXPECTED_UNPLACED = process.env.VENDOR_SUITE_BREAK === '1' ? PAID + 1 : PAID;

/**
 * The code under test would do this: read the open claims of a customer.
 * @param {string} baseUrl
 * @param {Record<string, string>} headers
 * @returns {Promise<{ status: number, body: import('kravmock').AapneKrav }>}
 */
async function openClaims(baseUrl, headers) {
  const res = await fetch(`${baseUrl}/v1/regnskapssystem/${PARTY}/aapnekrav`, { headers: { Accept: 'application/json', ...headers } });
  return { status: res.status, body: /** @type {import('kravmock').AapneKrav} */ (await res.json()) };
}

/** @type {import('kravmock').KravmockHandle} */
let mock;

beforeAll(async () => {
  mock = await startKravmock({ clock: '2026-11-26' });
});

afterAll(async () => {
  await mock.close();
});

describe('open claims of a customer (jest)', () => {
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
    const refused = await mock.payment('999999999', { beloep: 10 }).catch((/** @type {unknown} */ error) => error);
    expect(refused).toBeInstanceOf(KravmockAdminError);
    expect(refused).toMatchObject({ status: 404, code: 'unknown-party' });
  });
});
