// The reference client against kravmock itself (not Pact's mock server): the same typed value from
// JSON and from XML for every built-in party and endpoint, the headers the access checks need, and
// errors as KravOgBetalingerError from JSON, XML and non-API bodies.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KravOgBetalingerClient, KravOgBetalingerError } from '../../examples/reference-client/client.js';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { CLOCK, KEYS, accessClaims, altinnConsent, sign, systemUserToken } from '../access/helpers.js';

const PARTIES = ['313367002', '311851381', '314961900', '314055403', '212201782', '871978433'];
const PERIOD = { fraOgMed: '2025-11-27', tilOgMed: CLOCK };
const BANK = '910000009';

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, access: { mode: 'strict', keys: KEYS } });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A client of an accounting system acting for `party` through its system user. */
const regnskapssystem = (party: string, format: 'json' | 'xml' = 'json') =>
  new KravOgBetalingerClient({ baseUrl, accessToken: () => systemUserToken(party), format });

async function failure(call: Promise<unknown>): Promise<KravOgBetalingerError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KravOgBetalingerError);
  return error as KravOgBetalingerError;
}

describe('reference client against kravmock', () => {
  it('reads the same typed value from XML as from JSON, for every built-in party and endpoint', async () => {
    let compared = 0;
    for (const party of PARTIES) {
      const calls = [
        (format: 'json' | 'xml') => regnskapssystem(party, format).aapneKrav('regnskapssystem', party),
        (format: 'json' | 'xml') => regnskapssystem(party, format).krav('regnskapssystem', party, PERIOD),
        (format: 'json' | 'xml') => regnskapssystem(party, format).innbetalinger('regnskapssystem', party, PERIOD),
        (format: 'json' | 'xml') => regnskapssystem(party, format).utbetalinger('regnskapssystem', party, PERIOD),
      ];
      for (const call of calls) {
        const json = await call('json').catch((e: unknown) => e);
        const xml = await call('xml').catch((e: unknown) => e);
        if (json instanceof KravOgBetalingerError) {
          expect(xml).toBeInstanceOf(KravOgBetalingerError);
          expect({ status: (xml as KravOgBetalingerError).status, kode: (xml as KravOgBetalingerError).kode }).toEqual({ status: json.status, kode: 'KB-007' });
          continue;
        }
        expect(xml).toEqual(json);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(18);
  });

  it('keeps a list of one element a list in XML', async () => {
    const aapne = await regnskapssystem('311851381', 'xml').aapneKrav('regnskapssystem', '311851381');
    expect(aapne.aapentKravMedGjenstaaendeBeloep).toHaveLength(1);
    expect(aapne.oversiktPerKravgruppe).toHaveLength(1);
    expect(typeof aapne.totalOversikt?.saldo).toBe('number');
  });

  it('sends the consent for finans, and gets 403 KB-005 without it', async () => {
    const bank = (consent: string | undefined) =>
      new KravOgBetalingerClient({ baseUrl, accessToken: () => sign(accessClaims(BANK)), altinnSamtykke: () => consent });
    const aapne = await bank(await altinnConsent('313367002', BANK)).aapneKrav('finans', '313367002');
    expect(aapne.partIdentifikator).toBe('313367002');
    const error = await failure(bank(undefined).aapneKrav('finans', '313367002'));
    expect({ status: error.status, kode: error.kode }).toEqual({ status: 403, kode: 'KB-005' });
  });

  it('turns JSON and XML error bodies into KravOgBetalingerError with the korrelasjonsid it sent', async () => {
    for (const format of ['json', 'xml'] as const) {
      const client = new KravOgBetalingerClient({
        baseUrl,
        accessToken: () => systemUserToken('974761076'),
        format,
        korrelasjonsid: () => `ref-client-${format}`,
      });
      const error = await failure(client.aapneKrav('regnskapssystem', '974761076'));
      expect({ status: error.status, kode: error.kode, melding: error.melding, korrelasjonsid: error.korrelasjonsid }).toEqual({
        status: 404,
        kode: 'KB-009',
        melding: 'Ingen treff på partIdentifikator 974761076.',
        korrelasjonsid: `ref-client-${format}`,
      });
    }
    const expired = new KravOgBetalingerClient({ baseUrl, accessToken: () => sign(accessClaims(BANK, { exp: 1_700_000_000 })) });
    expect((await failure(expired.aapneKrav('regnskapssystem', '313367002'))).kode).toBe('KB-004');
  });

  it('reports a body that is no API error with the status and the text, without a kode', async () => {
    const gateway = new KravOgBetalingerClient({
      baseUrl: 'https://kravogbetalinger.api.skatteetaten-test.no/',
      accessToken: () => 'token',
      fetch: async (url) => {
        expect(String(url)).toBe('https://kravogbetalinger.api.skatteetaten-test.no/v1/regnskapssystem/313367002/krav?fraOgMed=2026-01-01');
        return new Response('Unknown instance', { status: 404, headers: { 'content-type': 'text/plain' } });
      },
    });
    const error = await failure(gateway.krav('regnskapssystem', '313367002', { fraOgMed: '2026-01-01' }));
    expect({ status: error.status, kode: error.kode, melding: error.melding, korrelasjonsid: error.korrelasjonsid }).toEqual({
      status: 404,
      kode: undefined,
      melding: 'Unknown instance',
      korrelasjonsid: undefined,
    });
  });
});
