// `Prefer` through HTTP: every preference, their combinations and every malformed header, with the
// exact status, kode and melding. Socket faults (`fault=…`) are in socket-faults.test.ts.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createApp } from '../../server/app.js';
import { BACKEND_MESSAGE, FEILKODER, UNEXPECTED_MESSAGE, type Feilkode } from '../../server/http/errors.js';
import { get, request } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const PARTY = '313367002';
const AAPNEKRAV = `/v1/regnskapssystem/${PARTY}/aapnekrav`;
const KRAV = `/v1/finans/${PARTY}/krav?fraOgMed=2026-01-01`;
const VALID = 'Gyldige preferanser: code=<status>, kode=<feilkode>, delay=<0-60000 ms>, fault=reset|empty|truncated.';

const app = createApp({ parties: builtinParties(CLOCK), clock: CLOCK, faultSeed: 1 });

function expectError(res: { status: number; body: Record<string, unknown> }, status: number, kode: string, melding: string) {
  expect(res.status).toBe(status);
  expect(res.body.kode).toBe(kode);
  expect(res.body.melding).toBe(melding);
}

const MELDING: Record<Feilkode, string> = {
  'KB-001': UNEXPECTED_MESSAGE,
  'KB-002': BACKEND_MESSAGE,
  'KB-003': 'Ukjent URL. Gyldige adresser er /v1/{finans|regnskapssystem}/{partIdentifikator}/{aapnekrav|krav|innbetalinger|utbetalinger}.',
  'KB-004': 'Feil i autentisering: send et gyldig Maskinporten-token som Authorization: Bearer <token> med scope skatteetaten:kravogbetalinger.',
  'KB-005': `Feil i samtykketoken eller tilgang: virksomheten har ikke tilgang til partIdentifikator ${PARTY}.`,
  'KB-006': 'Feil i validering av inputdata.',
  'KB-007': `Fant ingen krav eller betalinger for partIdentifikator ${PARTY} i perioden.`,
  'KB-008': 'Feil tilknyttet dataformat. Kun json eller xml er støttet: send Accept: application/json eller application/xml.',
  'KB-009': `Ingen treff på partIdentifikator ${PARTY}.`,
  'KRAVMOCK-429': 'For mange samtidige kall (fair use). Prøv igjen om 1 sekund.',
  'KRAVMOCK-503': 'Tjenesten er midlertidig utilgjengelig. Prøv igjen om 1 sekund.',
};

describe('Prefer: code=<status>', () => {
  it('code=200 answers as without the header', async () => {
    const plain = await get(app, AAPNEKRAV);
    const preferred = await get(app, AAPNEKRAV, { Prefer: 'code=200' });
    expect(preferred.status).toBe(200);
    expect(preferred.text).toBe(plain.text);
  });

  it.each([
    [400, 'KB-006'],
    [401, 'KB-004'],
    [403, 'KB-005'],
    [404, 'KB-009'],
    [406, 'KB-008'],
    [429, 'KRAVMOCK-429'],
    [500, 'KB-001'],
    [503, 'KRAVMOCK-503'],
  ] as const)('code=%i answers %s with its usual melding', async (status, kode) => {
    const res = await get(app, AAPNEKRAV, { Prefer: `code=${status}` });
    expectError(res, status, kode, MELDING[kode]);
    if (status === 429 || status === 503) expect(res.headers['retry-after']).toBe('1');
    else expect(res.headers['retry-after']).toBeUndefined();
  });

  it('works on every endpoint and on the legacy prefix', async () => {
    for (const path of [KRAV, `/v1/finans/${PARTY}/innbetalinger?fraOgMed=2026-01-01`, `/api/innkreving/kravogbetalinger/v1/finans/${PARTY}/utbetalinger?fraOgMed=2026-01-01`]) {
      expectError(await get(app, path, { Prefer: 'code=500' }), 500, 'KB-001', UNEXPECTED_MESSAGE);
    }
  });

  it('renders the error in XML when XML was asked for', async () => {
    const res = await get(app, AAPNEKRAV, { Prefer: 'code=503', Accept: 'application/xml' });
    expect(res.mediaType).toBe('application/xml');
    expectError(res, 503, 'KRAVMOCK-503', MELDING['KRAVMOCK-503']);
    expect(res.text).toContain('<kode>KRAVMOCK-503</kode>');
  });

  it('takes a quoted value and a name in any case (RFC 7240)', async () => {
    expectError(await get(app, AAPNEKRAV, { Prefer: 'code="404"' }), 404, 'KB-009', MELDING['KB-009']);
    expectError(await get(app, AAPNEKRAV, { Prefer: 'CODE=500' }), 500, 'KB-001', UNEXPECTED_MESSAGE);
  });

  it('is answered before the access check: a forced 500 needs no token even in strict mode', async () => {
    const strict = createApp({ parties: builtinParties(CLOCK), clock: CLOCK, access: { mode: 'strict' } });
    expectError(await get(strict, AAPNEKRAV, { Prefer: 'code=500' }), 500, 'KB-001', UNEXPECTED_MESSAGE);
    expect((await get(strict, AAPNEKRAV, { Prefer: 'code=200' })).status).toBe(401);
  });

  it('does not apply where routing or format negotiation already answered', async () => {
    expect((await get(app, `/v1/bank/${PARTY}/aapnekrav`, { Prefer: 'code=500' })).body.kode).toBe('KB-003');
    expect((await get(app, AAPNEKRAV, { Prefer: 'code=500', Accept: 'text/csv' })).body.kode).toBe('KB-008');
  });
});

describe('Prefer: kode=<feilkode>', () => {
  it.each(Object.keys(FEILKODER) as Feilkode[])('kode=%s answers that code with its status', async (kode) => {
    const res = await get(app, AAPNEKRAV, { Prefer: `kode=${kode}` });
    expectError(res, FEILKODER[kode].status, kode, MELDING[kode]);
  });

  it('code and kode together when they agree', async () => {
    expectError(await get(app, KRAV, { Prefer: 'code=404, kode=KB-007' }), 404, 'KB-007', MELDING['KB-007']);
    expectError(await get(app, KRAV, { Prefer: 'kode=KB-002, code=500' }), 500, 'KB-002', BACKEND_MESSAGE);
  });
});

describe('Prefer: delay=<ms>', () => {
  it('waits at least that long before answering normally', async () => {
    const start = performance.now();
    const res = await get(app, AAPNEKRAV, { Prefer: 'delay=300' });
    expect(performance.now() - start).toBeGreaterThanOrEqual(299);
    expect(res.status).toBe(200);
  });

  it('waits, then answers the error asked for', async () => {
    const start = performance.now();
    const res = await get(app, AAPNEKRAV, { Prefer: 'delay=200, code=503' });
    expect(performance.now() - start).toBeGreaterThanOrEqual(199);
    expectError(res, 503, 'KRAVMOCK-503', MELDING['KRAVMOCK-503']);
  });

  it('delay=0 and the upper bound 60000 are accepted (0 answers at once)', async () => {
    expect((await get(app, AAPNEKRAV, { Prefer: 'delay=0' })).status).toBe(200);
  });

  it('several Prefer headers count as one list', async () => {
    const res = await request(app, 'get', AAPNEKRAV, { headers: { Prefer: 'delay=10, kode=KB-009' } });
    expectError(res, 404, 'KB-009', MELDING['KB-009']);
  });
});

describe('malformed Prefer headers are refused with 400 KB-006 and the list of valid preferences', () => {
  const STATUSES = '200, 400, 401, 403, 404, 406, 429, 500 eller 503';
  const KODER = 'KB-001, KB-002, KB-003, KB-004, KB-005, KB-006, KB-007, KB-008, KB-009, KRAVMOCK-429 eller KRAVMOCK-503';
  it.each([
    ['return=minimal', "ukjent preferanse 'return'"],
    ['respond-async', "ukjent preferanse 'respond-async'"],
    ['code=500, dealy=100', "ukjent preferanse 'dealy'"],
    ['code=abc', `code=abc er ikke en status dette endepunktet kan svare med: forventet ${STATUSES}`],
    ['code=418', `code=418 er ikke en status dette endepunktet kan svare med: forventet ${STATUSES}`],
    ['code=201', `code=201 er ikke en status dette endepunktet kan svare med: forventet ${STATUSES}`],
    ['code=5000', `code=5000 er ikke en status dette endepunktet kan svare med: forventet ${STATUSES}`],
    ['kode=KB-010', `kode=KB-010 er ikke en feilkode API-et har: forventet ${KODER}`],
    ['kode=kb-001', `kode=kb-001 er ikke en feilkode API-et har: forventet ${KODER}`],
    ['delay=-1', 'delay=-1 er ikke et helt antall millisekunder fra 0 til 60000'],
    ['delay=60001', 'delay=60001 er ikke et helt antall millisekunder fra 0 til 60000'],
    ['delay=1.5', 'delay=1.5 er ikke et helt antall millisekunder fra 0 til 60000'],
    ['delay=soon', 'delay=soon er ikke et helt antall millisekunder fra 0 til 60000'],
    ['fault=slow', 'fault=slow er ukjent: forventet reset, empty eller truncated'],
    ['code', 'code mangler verdi'],
    ['delay=', 'delay mangler verdi'],
    ['code=500, code=404', 'code er oppgitt mer enn én gang'],
    ['code=500, kode=KB-009', 'code=500 og kode=KB-009 sier ulike ting: KB-009 har status 404'],
    ['code=200, kode=KB-001', 'code=200 og kode=KB-001 sier ulike ting: KB-001 har status 500'],
    ['code=500; strict', "'code=500; strict': parametere etter ';' støttes ikke"],
    ['code="500', "anførselstegnet i 'code=\"500' er ikke avsluttet"],
    ['code="500"x', "'code=\"500\"x' har tekst etter anførselstegnene"],
    ['code=5 00', "verdien i 'code=5 00' må være ett ord eller stå i anførselstegn"],
    ['=500', "'=500' er ikke en preferanse på formen navn=verdi"],
  ])('Prefer: %s', async (header, problem) => {
    const res = await get(app, AAPNEKRAV, { Prefer: header });
    expectError(res, 400, 'KB-006', `Ugyldig Prefer-header: ${problem}. ${VALID}`);
  });

  it('an empty header or empty list elements are no preferences at all', async () => {
    expect((await get(app, AAPNEKRAV, { Prefer: ' , ' })).status).toBe(200);
    expectError(await get(app, AAPNEKRAV, { Prefer: 'code=500,,' }), 500, 'KB-001', UNEXPECTED_MESSAGE);
  });
});
