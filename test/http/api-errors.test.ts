import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { createApp, createKravmock } from '../../server/app.js';
import type { PartyIndex } from '../../server/runtime/party-index.js';
import type { PartyLedger } from '../../server/ledger/events.js';
import { get, send } from '../helpers/contract-response.js';

const CLOCK = '2024-06-30';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const party: PartyLedger = {
  partIdentifikator: '313367002',
  navn: 'LYSTIG KLAM KATT TUSJ',
  events: [
    {
      type: 'claimRaised',
      date: '2024-03-20',
      kravidentifikator: '271000001',
      reskontro: 'skatteinnkreving',
      kravtype: 'RESTSKATT',
      kravgruppe: 'Skatt',
      kravbeskrivelse: 'Restskatt - 2023',
      kravperiode: { beskrivelse: 'Inntektstår', aar: '2023' },
      kravforfall: [{ kravforfallsIdentifikator: '371000001', forfallsdato: '2024-04-20', beloep: 12000, kidnummer: '0095755263306220219' }],
    },
  ],
};

const app: Express = createApp({ parties: [party], clock: CLOCK });

function expectError(res: { status: number; body: Record<string, unknown> }, status: number, kode: string, melding: string) {
  expect(res.status).toBe(status);
  expect(res.body.kode).toBe(kode);
  expect(res.body.melding).toBe(melding);
  expect(Object.keys(res.body).sort()).toEqual(['kode', 'korrelasjonsid', 'melding']);
}

const VALID_URLS = 'Gyldige adresser er /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.';
const API_SHAPE = 'API-et har GET /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.';
const PARTY_RULE = 'forventet organisasjonsnummer (9 siffer med gyldig kontrollsiffer) eller fødselsnummer/D-nummer (11 siffer med gyldige kontrollsifre)';
const DATE_RULE = 'forventet en gyldig dato på formatet YYYY-MM-DD';
const PARTY_PATTERN = 'pattern ^([0-9]{9}|[0-9]{11})$';

describe('KB-003 unknown URL (404)', () => {
  it('an unknown resource', async () => {
    const res = await get(app, '/v1/regnskapssystem/313367002/oversikt');
    expectError(res, 404, 'KB-003', `Ukjent URL: /v1/regnskapssystem/313367002/oversikt. ${VALID_URLS}`);
  });

  it('an unknown rettighetspakke', async () => {
    const res = await get(app, '/v1/bank/313367002/aapnekrav');
    expectError(res, 404, 'KB-003', `Ukjent URL: /v1/bank/313367002/aapnekrav. ${VALID_URLS}`);
  });

  it('an unknown rettighetspakke on the legacy prefix', async () => {
    const res = await get(app, '/api/innkreving/kravogbetalinger/v1/Finans/313367002/krav?fraOgMed=2024-01-01');
    expectError(res, 404, 'KB-003', `Ukjent URL: /v1/Finans/313367002/krav. ${VALID_URLS}`);
  });

  it.each(['/', '/v2/finans/313367002/aapnekrav', '/v1/finans/313367002', '/v1/finans/313367002/aapnekrav/extra'])('a path the API does not have: %s', async (path) => {
    const res = await get(app, path);
    expectError(res, 404, 'KB-003', `Ukjent URL: GET ${path}. ${API_SHAPE}`);
  });

  it.each(['post', 'put', 'delete', 'patch'] as const)('%s on an API path', async (method) => {
    const res = await send(app, method, '/v1/finans/313367002/aapnekrav');
    expectError(res, 404, 'KB-003', `Ukjent URL: ${method.toUpperCase()} /v1/finans/313367002/aapnekrav. ${API_SHAPE}`);
  });

  it('comes back as XML in the error namespace when XML is asked for', async () => {
    const res = await get(app, '/v1/bank/313367002/aapnekrav', { Accept: 'application/xml' });
    expect(res.mediaType).toBe('application/xml');
    expect(res.text).toContain('<feil xmlns="urn:no:skatteetaten:datasamarbeid:feil:v1">');
    expectError(res, 404, 'KB-003', `Ukjent URL: /v1/bank/313367002/aapnekrav. ${VALID_URLS}`);
  });
});

describe('KB-006 input validation (400)', () => {
  it.each([
    ['31336700', 'too short', PARTY_PATTERN],
    ['3133670021', 'ten digits', PARTY_PATTERN],
    ['31336700A', 'a letter', PARTY_PATTERN],
    ['313367003', 'a wrong organisation number check digit', 'kontrollsiffer mod 11'],
    ['13114614454', 'a wrong fødselsnummer check digit', 'kontrollsiffer mod 11'],
    ['32134567890', 'a fødselsnummer whose first six digits are no birth date', 'fødselsdato DDMMYY i siffer 1-6'],
  ])('partIdentifikator %s (%s) names the rule and the pointer', async (id, _label, rule) => {
    const res = await get(app, `/v1/regnskapssystem/${id}/aapnekrav`);
    expectError(res, 400, 'KB-006', `Ugyldig partIdentifikator '${id}': ${PARTY_RULE} (regel: ${rule}; peker: /path/partIdentifikator).`);
  });

  it.each(['krav', 'innbetalinger', 'utbetalinger'])('%s without fraOgMed', async (resource) => {
    const res = await get(app, `/v1/finans/313367002/${resource}`);
    expectError(res, 400, 'KB-006', `Mangler påkrevd parameter fraOgMed: ${DATE_RULE} (regel: required; peker: /query/fraOgMed).`);
  });

  it('an empty fraOgMed counts as missing', async () => {
    const res = await get(app, '/v1/finans/313367002/krav?fraOgMed=');
    expectError(res, 400, 'KB-006', `Mangler påkrevd parameter fraOgMed: ${DATE_RULE} (regel: required; peker: /query/fraOgMed).`);
  });

  it.each(['2023-02-30', '2023-13-01', '2023-1-1', '01.01.2023', '2023-01-01T00:00:00Z', 'i går'])('fraOgMed %s', async (value) => {
    const res = await get(app, `/v1/finans/313367002/krav?fraOgMed=${encodeURIComponent(value)}`);
    expectError(res, 400, 'KB-006', `Ugyldig fraOgMed '${value}': ${DATE_RULE} (regel: format date; peker: /query/fraOgMed).`);
  });

  it('tilOgMed that is not a date', async () => {
    const res = await get(app, '/v1/finans/313367002/innbetalinger?fraOgMed=2024-01-01&tilOgMed=2024-02-31');
    expectError(res, 400, 'KB-006', `Ugyldig tilOgMed '2024-02-31': ${DATE_RULE} (regel: format date; peker: /query/tilOgMed).`);
  });

  it('fraOgMed given twice', async () => {
    const res = await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-01-01&fraOgMed=2024-02-01');
    expectError(res, 400, 'KB-006', 'Parameteren fraOgMed er oppgitt flere ganger: forventet én verdi (regel: type string; peker: /query/fraOgMed).');
  });

  it('tilOgMed before fraOgMed', async () => {
    const res = await get(app, '/v1/finans/313367002/utbetalinger?fraOgMed=2022-01-01&tilOgMed=2021-12-31');
    expectError(res, 400, 'KB-006', 'Ugyldig periode: tilOgMed 2021-12-31 er før fraOgMed 2022-01-01. Forventet tilOgMed lik eller etter fraOgMed (regel: tilOgMed >= fraOgMed; peker: /query/tilOgMed).');
  });

  it('a period longer than one year', async () => {
    const res = await get(app, '/v1/finans/313367002/krav?fraOgMed=2023-01-01&tilOgMed=2024-01-02');
    expectError(res, 400, 'KB-006', 'Ugyldig periode: 2023-01-01 til 2024-01-02 er lengre enn ett år. Forventet tilOgMed senest 2024-01-01 (regel: periode høyst ett år; peker: /query/tilOgMed).');
  });

  it('a period that is too long because tilOgMed defaults to today', async () => {
    const res = await get(app, '/v1/finans/313367002/krav?fraOgMed=2023-01-01');
    expectError(res, 400, 'KB-006', `Ugyldig periode: 2023-01-01 til ${CLOCK} (dagens dato, fordi tilOgMed ikke er oppgitt) er lengre enn ett år. Forventet tilOgMed senest 2024-01-01 (regel: periode høyst ett år; peker: /query/fraOgMed).`);
  });

  it('a fraOgMed after today with no tilOgMed', async () => {
    const res = await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-07-01');
    expectError(res, 400, 'KB-006', `Ugyldig periode: tilOgMed ${CLOCK} (dagens dato, fordi tilOgMed ikke er oppgitt) er før fraOgMed 2024-07-01. Forventet tilOgMed lik eller etter fraOgMed (regel: tilOgMed >= fraOgMed; peker: /query/fraOgMed).`);
  });

  it('accepts exactly one year, and one day', async () => {
    expect((await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-01-01&tilOgMed=2025-01-01')).status).toBe(200);
    expect((await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-04-20&tilOgMed=2024-04-20')).status).toBe(200);
  });

  it('validates the party before the period', async () => {
    const res = await get(app, '/v1/finans/313367003/krav?fraOgMed=nope');
    expectError(res, 400, 'KB-006', `Ugyldig partIdentifikator '313367003': ${PARTY_RULE} (regel: kontrollsiffer mod 11; peker: /path/partIdentifikator).`);
  });
});

describe('KB-007 nothing in the period (404)', () => {
  it.each([
    ['krav', 'krav'],
    ['innbetalinger', 'innbetalinger'],
    ['utbetalinger', 'utbetalinger'],
  ])('%s', async (resource, noun) => {
    const res = await get(app, `/v1/regnskapssystem/313367002/${resource}?fraOgMed=2020-01-01&tilOgMed=2020-12-31`);
    expectError(res, 404, 'KB-007', `Fant ingen ${noun} for partIdentifikator 313367002 i perioden 2020-01-01 til 2020-12-31.`);
  });

  it('can be configured to an empty 200 instead', async () => {
    const lenient = createApp({ parties: [party], clock: CLOCK, emptyResult: 'empty' });
    const res = await get(lenient, '/v1/regnskapssystem/313367002/krav?fraOgMed=2020-01-01&tilOgMed=2020-12-31');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ partIdentifikator: '313367002', periode: { fraOgMed: '2020-01-01', tilOgMed: '2020-12-31' }, skjermet: false });
  });
});

describe('KB-008 unsupported format (406)', () => {
  it.each(['text/html', 'text/csv', 'application/pdf', 'image/*'])('Accept: %s', async (accept) => {
    const res = await get(app, '/v1/finans/313367002/aapnekrav', { Accept: accept });
    expect(res.mediaType).toBe('application/json');
    expectError(res, 406, 'KB-008', 'Feil tilknyttet dataformat. Kun json eller xml er støttet: send Accept: application/json eller application/xml.');
  });

  it('a known URL is checked before the format', async () => {
    const res = await get(app, '/v1/finans/313367002/oversikt', { Accept: 'text/html' });
    expect(res.status).toBe(404);
    expect(res.body.kode).toBe('KB-003');
  });
});

describe('KB-009 unknown party (404)', () => {
  it('a valid organisation number the mock does not know', async () => {
    const res = await get(app, '/v1/finans/974761076/aapnekrav');
    expectError(res, 404, 'KB-009', 'Ingen treff på partIdentifikator 974761076.');
  });

  it('a valid fødselsnummer the mock does not know, in XML', async () => {
    const res = await get(app, '/v1/regnskapssystem/13114614453/krav?fraOgMed=2024-01-01', { Accept: 'application/xml' });
    expect(res.mediaType).toBe('application/xml');
    expectError(res, 404, 'KB-009', 'Ingen treff på partIdentifikator 13114614453.');
  });
});

describe('KB-001 and KB-002 unexpected errors (500)', () => {
  it('an exception outside the ledger is KB-001 without a stack trace', async () => {
    const { app: broken, runtime } = createKravmock({ clock: CLOCK });
    const exploding = {
      get: () => {
        throw new Error('store exploded at /secret/path.ts:12');
      },
    } as unknown as PartyIndex;
    runtime.sessions.shared.world = { ...runtime.sessions.shared.world, parties: exploding };
    const res = await get(broken, '/v1/finans/313367002/aapnekrav');
    expectError(res, 500, 'KB-001', 'Uventet feil i tjenesten. Oppgi korrelasjonsid ved henvendelse til Skatteetaten.');
    expect(res.text).not.toContain('secret');
  });

  it('an exception inside the ledger (the back-end system) is KB-002', async () => {
    const corrupt = { ...party, get events(): never { throw new Error('reskontro unavailable'); } } as PartyLedger;
    const broken = createApp({ clock: CLOCK, parties: [corrupt] });
    const res = await get(broken, '/v1/finans/313367002/aapnekrav', { Accept: 'application/xml' });
    expectError(res, 500, 'KB-002', 'Uventet feil i bakenforliggende system (reskontro). Oppgi korrelasjonsid ved henvendelse til Skatteetaten.');
    expect(res.text).not.toContain('reskontro unavailable');
  });
});

describe('correlation id', () => {
  it('is a fresh UUID in the header and the error body', async () => {
    const a = await get(app, '/v1/finans/974761076/aapnekrav');
    const b = await get(app, '/v1/finans/974761076/aapnekrav');
    expect(a.body.korrelasjonsid).toMatch(UUID);
    expect(a.body.korrelasjonsid).not.toBe(b.body.korrelasjonsid);
    expect(a.headers['korrelasjonsid']).toBe(a.body.korrelasjonsid);
  });

  it('echoes the caller\'s Korrelasjonsid header', async () => {
    const res = await get(app, '/v1/finans/974761076/aapnekrav', { Korrelasjonsid: 'regnskap-42' });
    expect(res.body.korrelasjonsid).toBe('regnskap-42');
  });

  it('echoes X-Correlation-ID', async () => {
    const res = await get(app, '/v1/finans/974761076/aapnekrav', { 'X-Correlation-ID': 'bank.7:1' });
    expect(res.body.korrelasjonsid).toBe('bank.7:1');
  });

  it('echoes the Korrelasjonsid query parameter real clients send, also on success', async () => {
    const res = await get(app, '/v1/finans/313367002/aapnekrav?Korrelasjonsid=abc-123');
    expect(res.status).toBe(200);
    expect(res.headers['korrelasjonsid']).toBe('abc-123');
  });

  it('replaces an unusable caller id with a UUID', async () => {
    const res = await get(app, '/v1/finans/974761076/aapnekrav', { Korrelasjonsid: 'x'.repeat(101) });
    expect(res.body.korrelasjonsid).toMatch(UUID);
  });
});

describe('the gateway', () => {
  it('ignores unknown query parameters', async () => {
    const plain = await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-01-01&tilOgMed=2024-06-30');
    const extra = await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-01-01&tilOgMed=2024-06-30&foo=bar&side=2');
    expect(extra.status).toBe(200);
    expect(extra.body).toEqual(plain.body);
  });
});
