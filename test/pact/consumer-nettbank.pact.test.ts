// Consumer `nettbank-referanse`: an online bank (rettighetspakke finans) that shows a business
// customer its open claims with what it needs to pay them - account, KID, amount, due date - and
// the payments Skatteetaten has received, with the customer's Altinn consent in `AltinnSamtykke`.
// Drives the reference client against Pact's mock server; the pact it writes is
// contracts/pacts/nettbank-referanse-skatteetaten-kravogbetalinger.json.
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { KravOgBetalingerClient, KravOgBetalingerError, type AapneKrav } from '../../examples/reference-client/client.js';
import { errorBody, matchContract } from '../../server/pact/index.js';
import {
  CLOCK,
  EXAMPLE_ACCESS_TOKEN,
  EXAMPLE_CONSENT_TOKEN,
  SCENARIO,
  UNKNOWN_ORG,
  altinnSamtykke,
  authorization,
  committedPactDrift,
  consumerPact,
  example,
  queryDate,
  recorded,
  state,
} from './consumer-kit.js';

const CONSUMER = 'nettbank-referanse';
const consumer = consumerPact(CONSUMER);
const { pact } = consumer;

/** The headers of a call with the customer's consent. */
const WITH_CONSENT = { Accept: 'application/json', Authorization: authorization(), AltinnSamtykke: altinnSamtykke() };

/** The bank's client: consent tokens per customer, none for a customer who has not consented. */
const client = (baseUrl: string, consents: Record<string, string>) =>
  new KravOgBetalingerClient({ baseUrl, accessToken: () => EXAMPLE_ACCESS_TOKEN, altinnSamtykke: (party) => consents[party] });

/** One payment the bank offers its customer: what the bank needs to pay an instalment. */
interface Betalingsforslag {
  kravidentifikator: string;
  forfallsdato: string;
  beloep: number;
  kid: string | undefined;
  tilKonto: string | undefined;
}

/** What the bank does with the open claims: a payment for every instalment with something left to pay. */
function betalingsforslag(aapne: AapneKrav): Betalingsforslag[] {
  return (aapne.aapentKravMedGjenstaaendeBeloep ?? []).flatMap((krav) =>
    krav.kravforfall
      .filter((forfall) => forfall.gjenstaaendeBeloep > 0)
      .map((forfall) => ({
        kravidentifikator: krav.kravidentifikator,
        forfallsdato: forfall.forfallsdato,
        beloep: forfall.gjenstaaendeBeloep,
        kid: forfall.betalingsinformasjon.kidnummer,
        tilKonto: forfall.betalingsinformasjon.konto?.kontonummer,
      })),
  );
}

async function failure(call: Promise<unknown>): Promise<KravOgBetalingerError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KravOgBetalingerError);
  return error as KravOgBetalingerError;
}

describe(`consumer ${CONSUMER}`, () => {
  it('shows the open claims of a customer with account and KID to pay them', async () => {
    const recordedBody = await example('/v1/finans/313367002/aapnekrav');
    // The bank pays instalments with something left: take the example from an open instalment.
    const aapne = recordedBody.aapentKravMedGjenstaaendeBeloep as AapneKrav['aapentKravMedGjenstaaendeBeloep'] & object;
    const openFirst = aapne.map((krav) => ({ ...krav, kravforfall: [...krav.kravforfall].sort((a, b) => Number(b.gjenstaaendeBeloep > 0) - Number(a.gjenstaaendeBeloep > 0)) }));
    const body = matchContract('AapneKrav', { ...recordedBody, aapentKravMedGjenstaaendeBeloep: openFirst });
    await pact
      .addInteraction()
      .given(SCENARIO, state('313367002'))
      .uponReceiving('a request for the open claims of a customer, with payment information')
      .withRequest('GET', '/v1/finans/313367002/aapnekrav', (b) => b.headers(WITH_CONSENT))
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest(async (server) => {
        const result = await client(server.url, { '313367002': EXAMPLE_CONSENT_TOKEN }).aapneKrav('finans', '313367002');
        expect(result).toEqual(MatchersV3.reify(body as never));
        const [forslag, ...more] = betalingsforslag(result);
        expect(more).toEqual([]);
        expect(forslag!.beloep).toBeGreaterThan(0);
        expect(forslag!.kid).toMatch(/^[0-9]{1,24}[0-9-]$/);
        expect(forslag!.tilKonto).toMatch(/^[0-9]{11}$/);
        expect(forslag!.forfallsdato).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });
  });

  it('shows the payments Skatteetaten received from a customer in a period', async () => {
    const period = { fraOgMed: '2026-01-01', tilOgMed: CLOCK };
    const body = matchContract('Innbetalinger', await example(`/v1/finans/313367002/innbetalinger?fraOgMed=${period.fraOgMed}&tilOgMed=${period.tilOgMed}`));
    await pact
      .addInteraction()
      .given(SCENARIO, state('313367002'))
      .uponReceiving('a request for the payments of a customer in a period')
      .withRequest('GET', '/v1/finans/313367002/innbetalinger', (b) =>
        b.query({ fraOgMed: queryDate(period.fraOgMed), tilOgMed: queryDate(period.tilOgMed) }).headers(WITH_CONSENT),
      )
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest(async (server) => {
        const result = await client(server.url, { '313367002': EXAMPLE_CONSENT_TOKEN }).innbetalinger('finans', '313367002', period);
        expect(result).toEqual(MatchersV3.reify(body as never));
        expect(result.innbetaling?.[0]?.innbetalingsdato).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      });
  });

  it('gets 403 KB-005 for a customer who has not consented', async () => {
    await pact
      .addInteraction()
      .given(SCENARIO, state('311851381', { access: 'strict', consent: 'none' }))
      .uponReceiving('a request without consent from the party')
      .withRequest('GET', '/v1/finans/311851381/aapnekrav', (b) => b.headers({ Accept: 'application/json', Authorization: authorization() }))
      .willRespondWith(403, (b) =>
        b.jsonBody(
          errorBody('KB-005', {
            melding:
              'Rettighetspakke finans krever samtykke fra partIdentifikator 311851381: fant verken AltinnSamtykke-header eller authorization_details av type urn:altinn:consent i access token.',
          }),
        ),
      )
      .executeTest(async (server) => {
        const error = await failure(client(server.url, {}).aapneKrav('finans', '311851381'));
        expect({ status: error.status, kode: error.kode }).toEqual({ status: 403, kode: 'KB-005' });
        expect(error.melding).not.toBe('');
      });
  });

  it('gets 404 KB-009 for an organisation the ledgers do not know', async () => {
    const path = `/v1/finans/${UNKNOWN_ORG}/aapnekrav`;
    const res = await recorded(path);
    expect(res.status).toBe(404);
    await pact
      .addInteraction()
      .given(SCENARIO, state(UNKNOWN_ORG))
      .uponReceiving('a request for the open claims of an organisation the ledgers do not know')
      .withRequest('GET', path, (b) => b.headers(WITH_CONSENT))
      .willRespondWith(404, (b) => b.jsonBody(errorBody('KB-009', { melding: String(res.body.melding) })))
      .executeTest(async (server) => {
        const error = await failure(client(server.url, { [UNKNOWN_ORG]: EXAMPLE_CONSENT_TOKEN }).aapneKrav('finans', UNKNOWN_ORG));
        expect({ status: error.status, kode: error.kode, melding: error.melding }).toEqual({ status: 404, kode: 'KB-009', melding: res.body.melding });
      });
  });

  it('gets 500 KB-001 when the service fails, and can quote the korrelasjonsid', async () => {
    await pact
      .addInteraction()
      .given(SCENARIO, state('314961900', { fault: 'KB-001' }))
      .uponReceiving('a request while the service has an unexpected error')
      .withRequest('GET', '/v1/finans/314961900/aapnekrav', (b) => b.headers(WITH_CONSENT))
      .willRespondWith(500, (b) => b.jsonBody(errorBody('KB-001', { melding: 'Uventet feil i tjenesten.' })))
      .executeTest(async (server) => {
        const error = await failure(client(server.url, { '314961900': EXAMPLE_CONSENT_TOKEN }).aapneKrav('finans', '314961900'));
        expect({ status: error.status, kode: error.kode }).toEqual({ status: 500, kode: 'KB-001' });
        expect(error.korrelasjonsid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(error.message).toContain(error.korrelasjonsid);
      });
  });

  it('wrote the pact that is committed in contracts/pacts (npm run pacts regenerates it)', () => {
    expect(committedPactDrift(consumer)).toEqual([]);
  });
});
