// A vendor's consumer test: the accounting system "mitt-regnskap" reads a customer's open claims.
// The response is described with kravmock's contract-derived matchers, so the pact states what the
// API promises (types, dates, identifiers), not one data set.
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { errorBody, matchContract } from 'kravmock/pact';
import { describe, expect, it } from 'vitest';

const pact = new PactV4({ consumer: 'mitt-regnskap', provider: 'skatteetaten-kravogbetalinger', dir: 'pacts', logLevel: 'warn' });

// One open claim as the API shows it; matchContract keeps the shape and turns values into matchers.
const aapneKrav = {
  partIdentifikator: '313367002',
  aapentKravMedGjenstaaendeBeloep: [
    {
      kravidentifikator: 'KRAV-33712709',
      kravgruppe: 'Merverdiavgift',
      kravforfall: [{ kravforfallsIdentifikator: 'KRAV-33712709', forfallsdato: '2026-10-12', gjenstaaendeBeloep: 48000 }],
    },
  ],
};

/** The code under test: what the accounting system does with the answer. */
async function sumOpen(baseUrl: string, party: string): Promise<number> {
  const res = await fetch(`${baseUrl}/v1/regnskapssystem/${party}/aapnekrav`, {
    headers: { Accept: 'application/json', Authorization: 'Bearer eyJraWQiOiJleGFtcGxlIn0.e30.c2ln' },
  });
  if (res.status !== 200) throw new Error(`${res.status} ${((await res.json()) as { kode: string }).kode}`);
  const body = (await res.json()) as typeof aapneKrav;
  return body.aapentKravMedGjenstaaendeBeloep.flatMap((k) => k.kravforfall).reduce((sum, f) => sum + f.gjenstaaendeBeloep, 0);
}

describe('mitt-regnskap reads open claims', () => {
  it('sums what is left to pay', () =>
    pact
      .addInteraction()
      .given('offisielle-testparter', { partIdentifikator: '313367002', clock: '2026-11-26' })
      .uponReceiving('open claims of a customer')
      .withRequest('GET', '/v1/regnskapssystem/313367002/aapnekrav', (req) =>
        req.headers({ Accept: 'application/json', Authorization: MatchersV3.regex('^Bearer .+$', 'Bearer eyJraWQiOiJleGFtcGxlIn0.e30.c2ln') }),
      )
      .willRespondWith(200, (res) => res.headers({ 'Content-Type': 'application/json' }).jsonBody(matchContract('AapneKrav', aapneKrav)))
      .executeTest(async (mock) => {
        expect(await sumOpen(mock.url, '313367002')).toBe(48000);
      }));

  it('tells an unknown organisation apart (404 KB-009)', () =>
    pact
      .addInteraction()
      .given('offisielle-testparter', { partIdentifikator: '974761076', clock: '2026-11-26' })
      .uponReceiving('open claims of an organisation Skatteetaten does not know')
      .withRequest('GET', '/v1/regnskapssystem/974761076/aapnekrav', (req) =>
        req.headers({ Accept: 'application/json', Authorization: MatchersV3.regex('^Bearer .+$', 'Bearer eyJraWQiOiJleGFtcGxlIn0.e30.c2ln') }),
      )
      .willRespondWith(404, (res) => res.headers({ 'Content-Type': 'application/json' }).jsonBody(errorBody('KB-009')))
      .executeTest(async (mock) => {
        await expect(sumOpen(mock.url, '974761076')).rejects.toThrow('404 KB-009');
      }));
});
