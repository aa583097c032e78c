// Consumer `regnskapssystem-referanse`: an accounting system that, with a system-user token for its
// customer (rettighetspakke regnskapssystem), reads the open claims, the claims and payments of a
// period and the payouts, and imports payments in XML. Drives the reference client against Pact's
// mock server; the pact it writes is contracts/pacts/regnskapssystem-referanse-skatteetaten-kravogbetalinger.json.
import { MatchersV3 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import {
  KravOgBetalingerClient,
  KravOgBetalingerError,
  type AapneKrav,
  type AlleKrav,
  type Innbetalinger,
  type Utbetalinger,
} from '../../examples/reference-client/client.js';
import { commonShape, errorBody, errorBodyXml, matchContract, matchContractXml, withXmlBody } from '../../server/pact/index.js';
import {
  CLOCK,
  EXAMPLE_ACCESS_TOKEN,
  EXPIRED_ACCESS_TOKEN,
  SCENARIO,
  UNKNOWN_ORG,
  authorization,
  committedPactDrift,
  consumerPact,
  example,
  queryDate,
  recorded,
  state,
} from './consumer-kit.js';

const CONSUMER = 'regnskapssystem-referanse';
const consumer = consumerPact(CONSUMER);
const { pact } = consumer;

const JSON_HEADERS = { Accept: 'application/json', Authorization: authorization() };
const XML_HEADERS = { Accept: 'application/xml', Authorization: authorization() };
const PERIOD = { fraOgMed: '2026-01-01', tilOgMed: CLOCK };
const periodQuery = { fraOgMed: queryDate(PERIOD.fraOgMed), tilOgMed: queryDate(PERIOD.tilOgMed) };

const client = (baseUrl: string, token = EXAMPLE_ACCESS_TOKEN, format: 'json' | 'xml' = 'json') =>
  new KravOgBetalingerClient({ baseUrl, accessToken: async () => token, format });

/** The value Pact's mock server answers for a matcher template: the examples, one element per list. */
const reified = (template: unknown) => MatchersV3.reify(template as never) as unknown;

/** The client's error, for assertions on its fields. */
async function failure(call: Promise<unknown>): Promise<KravOgBetalingerError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KravOgBetalingerError);
  return error as KravOgBetalingerError;
}

/** The example error of kravmock for a request, for the `melding` example. */
async function melding(path: string, status: number): Promise<string> {
  const res = await recorded(path);
  expect(res.status).toBe(status);
  return String(res.body.melding);
}

describe(`consumer ${CONSUMER}`, () => {
  it('reads the open claims of its customer, with the totals', async () => {
    const body = matchContract('AapneKrav', await example('/v1/regnskapssystem/313367002/aapnekrav'));
    await pact
      .addInteraction()
      .given(SCENARIO, state('313367002'))
      .uponReceiving('a request for the open claims of a party')
      .withRequest('GET', '/v1/regnskapssystem/313367002/aapnekrav', (b) => b.headers(JSON_HEADERS))
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest(async (server) => {
        const result: AapneKrav = await client(server.url).aapneKrav('regnskapssystem', '313367002');
        expect(result).toEqual(reified(body));
        expect(result.partIdentifikator).toBe('313367002');
        const krav = result.aapentKravMedGjenstaaendeBeloep ?? [];
        expect(krav.length).toBe(1);
        expect(krav[0]!.kravforfall[0]!.forfallsdato).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(typeof result.totalOversikt?.saldo).toBe('number');
      });
  });

  it('reads the claims of a period', async () => {
    const body = matchContract('AlleKrav', await example(`/v1/regnskapssystem/313367002/krav?fraOgMed=${PERIOD.fraOgMed}&tilOgMed=${PERIOD.tilOgMed}`));
    await pact
      .addInteraction()
      .given(SCENARIO, state('313367002'))
      .uponReceiving('a request for the claims of a party in a period')
      .withRequest('GET', '/v1/regnskapssystem/313367002/krav', (b) => b.query(periodQuery).headers(JSON_HEADERS))
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest(async (server) => {
        const result: AlleKrav = await client(server.url).krav('regnskapssystem', '313367002', PERIOD);
        expect(result).toEqual(reified(body));
        expect(result.periode).toEqual(PERIOD);
        expect(result.krav?.[0]?.kravidentifikator).toEqual(expect.any(String));
      });
  });

  it('reads the payments of a period', async () => {
    const body = matchContract('Innbetalinger', await example(`/v1/regnskapssystem/313367002/innbetalinger?fraOgMed=${PERIOD.fraOgMed}&tilOgMed=${PERIOD.tilOgMed}`));
    await pact
      .addInteraction()
      .given(SCENARIO, state('313367002'))
      .uponReceiving('a request for the payments of a party in a period')
      .withRequest('GET', '/v1/regnskapssystem/313367002/innbetalinger', (b) => b.query(periodQuery).headers(JSON_HEADERS))
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest(async (server) => {
        const result: Innbetalinger = await client(server.url).innbetalinger('regnskapssystem', '313367002', PERIOD);
        expect(result).toEqual(reified(body));
        expect(result.innbetaling?.[0]?.innbetaltBeloep).toEqual(expect.any(Number));
      });
  });

  it('imports the payments of a period in XML, lists of one element included', async () => {
    const recordedBody = await example(`/v1/regnskapssystem/314961900/innbetalinger?fraOgMed=${PERIOD.fraOgMed}&tilOgMed=${PERIOD.tilOgMed}`);
    const xml = matchContractXml('Innbetalinger', recordedBody);
    await pact
      .addInteraction()
      .given(SCENARIO, state('314961900'))
      .uponReceiving('a request for the payments of a party in a period, in XML')
      .withRequest('GET', '/v1/regnskapssystem/314961900/innbetalinger', (b) => b.query(periodQuery).headers(XML_HEADERS))
      .willRespondWith(200, (b) => withXmlBody(b, xml))
      .executeTest(async (server) => {
        const result: Innbetalinger = await client(server.url, EXAMPLE_ACCESS_TOKEN, 'xml').innbetalinger('regnskapssystem', '314961900', PERIOD);
        // The mock server sends one <innbetaling>; the client still reads a list, with numbers as numbers.
        const { innbetaling, ...rest } = recordedBody;
        expect(result).toEqual({ ...rest, innbetaling: [commonShape(innbetaling as unknown[])] });
        expect(result.innbetaling).toHaveLength(1);
        expect(typeof result.innbetaling![0]!.innbetaltBeloep).toBe('number');
        expect(result.skjermet).toBe(false);
      });
  });

  it('reads the payouts of a period', async () => {
    const body = matchContract('Utbetalinger', await example(`/v1/regnskapssystem/311851381/utbetalinger?fraOgMed=${PERIOD.fraOgMed}&tilOgMed=${PERIOD.tilOgMed}`));
    await pact
      .addInteraction()
      .given(SCENARIO, state('311851381'))
      .uponReceiving('a request for the payouts to a party in a period')
      .withRequest('GET', '/v1/regnskapssystem/311851381/utbetalinger', (b) => b.query(periodQuery).headers(JSON_HEADERS))
      .willRespondWith(200, (b) => b.jsonBody(body))
      .executeTest(async (server) => {
        const result: Utbetalinger = await client(server.url).utbetalinger('regnskapssystem', '311851381', PERIOD);
        expect(result).toEqual(reified(body));
        const utbetaling = result.utbetaling?.[0];
        expect(utbetaling?.utbetaltBeloep).toBeGreaterThan(0);
        expect(utbetaling?.utbetalingstatus === undefined || ['bekreftet', 'underUtbetaling'].includes(utbetaling.utbetalingstatus)).toBe(true);
      });
  });

  it('gets 401 KB-004 for an expired access token', async () => {
    await pact
      .addInteraction()
      .given(SCENARIO, state('311851381', { access: 'strict', token: 'expired' }))
      .uponReceiving('a request with an expired access token')
      .withRequest('GET', '/v1/regnskapssystem/311851381/aapnekrav', (b) =>
        b.headers({ Accept: 'application/json', Authorization: authorization(EXPIRED_ACCESS_TOKEN) }),
      )
      .willRespondWith(401, (b) =>
        b.jsonBody(errorBody('KB-004', { melding: 'Access token utløp 2023-11-14T22:13:20.000Z: hent et nytt token fra Maskinporten.' })),
      )
      .executeTest(async (server) => {
        const error = await failure(client(server.url, EXPIRED_ACCESS_TOKEN).aapneKrav('regnskapssystem', '311851381'));
        expect({ status: error.status, kode: error.kode }).toEqual({ status: 401, kode: 'KB-004' });
        expect(error.korrelasjonsid).toMatch(/^[0-9a-f-]{36}$/);
      });
  });

  it('gets 400 KB-006 for a period longer than one year', async () => {
    const path = '/v1/regnskapssystem/311851381/krav';
    const query = { fraOgMed: '2024-01-01', tilOgMed: CLOCK };
    const message = await melding(`${path}?fraOgMed=${query.fraOgMed}&tilOgMed=${query.tilOgMed}`, 400);
    await pact
      .addInteraction()
      .given(SCENARIO, state('311851381'))
      .uponReceiving('a request for the claims of a period longer than one year')
      .withRequest('GET', path, (b) => b.query(query).headers(JSON_HEADERS))
      .willRespondWith(400, (b) => b.jsonBody(errorBody('KB-006', { melding: message })))
      .executeTest(async (server) => {
        const error = await failure(client(server.url).krav('regnskapssystem', '311851381', query));
        expect({ status: error.status, kode: error.kode, melding: error.melding }).toEqual({ status: 400, kode: 'KB-006', melding: message });
      });
  });

  it('gets 404 KB-007 in XML for a period without payments', async () => {
    const path = '/v1/regnskapssystem/311851381/innbetalinger';
    const query = { fraOgMed: '2010-01-01', tilOgMed: '2010-12-31' };
    const message = await melding(`${path}?fraOgMed=${query.fraOgMed}&tilOgMed=${query.tilOgMed}`, 404);
    const xml = errorBodyXml('KB-007', { melding: message });
    await pact
      .addInteraction()
      .given(SCENARIO, state('311851381'))
      .uponReceiving('a request for the payments of a period without payments, in XML')
      .withRequest('GET', path, (b) => b.query(query).headers(XML_HEADERS))
      .willRespondWith(404, (b) => withXmlBody(b, xml))
      .executeTest(async (server) => {
        const error = await failure(client(server.url, EXAMPLE_ACCESS_TOKEN, 'xml').innbetalinger('regnskapssystem', '311851381', query));
        expect({ status: error.status, kode: error.kode, melding: error.melding }).toEqual({ status: 404, kode: 'KB-007', melding: message });
      });
  });

  it('gets 404 KB-009 for an organisation the ledgers do not know', async () => {
    const path = `/v1/regnskapssystem/${UNKNOWN_ORG}/aapnekrav`;
    const message = await melding(path, 404);
    await pact
      .addInteraction()
      .given(SCENARIO, state(UNKNOWN_ORG))
      .uponReceiving('a request for the open claims of an organisation the ledgers do not know')
      .withRequest('GET', path, (b) => b.headers(JSON_HEADERS))
      .willRespondWith(404, (b) => b.jsonBody(errorBody('KB-009', { melding: message })))
      .executeTest(async (server) => {
        const error = await failure(client(server.url).aapneKrav('regnskapssystem', UNKNOWN_ORG));
        expect({ status: error.status, kode: error.kode }).toEqual({ status: 404, kode: 'KB-009' });
      });
  });

  it('wrote the pact that is committed in contracts/pacts (npm run pacts regenerates it)', () => {
    expect(committedPactDrift(consumer)).toEqual([]);
  });
});
