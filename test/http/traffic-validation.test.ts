// Traffic validation at run time. Responses: the shipped contract is loose enough that no scenario
// the loader accepts breaks it, so these tests serve a copy of the contract made stricter on purpose
// (kravtype limited to two values, a short melding) while the test helper still checks every
// response against the real one. Requests: KB-006 names the rule and the JSON pointer, also for the
// header parameters the contract declares.
import type { Express } from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { builtinParties } from '../../fixtures/builtin/index.js';
import { createKravmock, type Kravmock, type KravmockOptions } from '../../server/app.js';
import { createContract, loadContractDocument, type Contract, type OpenApiDocument } from '../../server/contract.js';
import { violationMessage } from '../../server/http/traffic-validation.js';
import type { JournalEntry, JournalPage } from '../../server/journal/journal.js';
import type { ClaimRaised, PartyLedger } from '../../server/ledger/events.js';
import { KEYS, altinnConsent, bearer, sign, accessClaims } from '../access/helpers.js';
import { get } from '../helpers/contract-response.js';

const CLOCK = '2024-06-30';
const PATH = '/v1/regnskapssystem/313367002/aapnekrav';
const ENUM = 'must be equal to one of the allowed values ["MVA","FORSKUDDSSKATT"]';

function claim(i: number): ClaimRaised {
  return {
    type: 'claimRaised',
    date: '2024-03-20',
    kravidentifikator: `27100000${i}`,
    reskontro: 'skatteinnkreving',
    kravtype: 'RESTSKATT',
    kravgruppe: 'Skatt',
    kravbeskrivelse: 'Restskatt - 2023',
    kravperiode: { beskrivelse: 'Inntektsår', aar: '2023' },
    kravforfall: [{ kravforfallsIdentifikator: `37100000${i}`, forfallsdato: '2024-04-20', beloep: 1000 * (i + 1), kidnummer: '0095755263306220219' }],
  } as ClaimRaised;
}

const party = (claims: number): PartyLedger => ({
  partIdentifikator: '313367002',
  navn: 'LYSTIG KLAM KATT TUSJ',
  events: Array.from({ length: claims }, (_, i) => claim(i)),
});

/** The real contract with changes of the test's making. */
function stricter(change: (doc: OpenApiDocument) => void): Contract {
  const doc = structuredClone(loadContractDocument());
  change(doc);
  return createContract(doc);
}

const kravtypeLimited = () =>
  stricter((doc) => {
    (doc.components.schemas.Krav!.properties as Record<string, Record<string, unknown>>).kravtype!.enum = ['MVA', 'FORSKUDDSSKATT'];
  });

function logged() {
  const lines: { level: number; msg: string; korrelasjonsid?: string; violations?: unknown[]; violationCount?: number }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  return { logger, lines };
}

function mock(options: Partial<KravmockOptions>): Kravmock {
  return createKravmock({ parties: [party(1)], clock: CLOCK, ...options });
}

async function lastEntry(app: Express): Promise<JournalEntry> {
  const res = await get(app, '/__admin/journal?limit=1');
  return (res.body as unknown as JournalPage).entries[0]!;
}

describe('response validation', () => {
  it('report: the response goes out as it is; the violation is in the journal and the log with the correlation id', async () => {
    const { logger, lines } = logged();
    const { app } = mock({ contract: kravtypeLimited(), validate: 'report', logger });
    const res = await get(app, PATH, { Korrelasjonsid: 'sjekk-1' });
    expect(res.status).toBe(200);
    expect((res.body.aapentKravMedGjenstaaendeBeloep as { kravtype: string }[])[0]!.kravtype).toBe('RESTSKATT');
    const entry = await lastEntry(app);
    expect(entry.status).toBe(200);
    expect(entry.violations).toEqual([{ instancePath: '/aapentKravMedGjenstaaendeBeloep/0/kravtype', message: ENUM }]);
    expect(entry.violationCount).toBe(1);
    const warnings = lines.filter((l) => l.msg.startsWith('response breaks the contract'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, korrelasjonsid: 'sjekk-1', violationCount: 1 });
  });

  it('report is the default', async () => {
    const { app } = mock({ contract: kravtypeLimited() });
    expect((await get(app, PATH)).status).toBe(200);
    expect((await lastEntry(app)).violations).toHaveLength(1);
  });

  it('enforce: 500 KB-001 listing the violation, in JSON', async () => {
    const { logger, lines } = logged();
    const { app } = mock({ contract: kravtypeLimited(), validate: 'enforce', logger });
    const res = await get(app, PATH, { Korrelasjonsid: 'sjekk-2' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ kode: 'KB-001', melding: `Svaret bryter kontrakten: /aapentKravMedGjenstaaendeBeloep/0/kravtype: ${ENUM}.`, korrelasjonsid: 'sjekk-2' });
    const entry = await lastEntry(app);
    expect(entry).toMatchObject({ status: 500, kode: 'KB-001', melding: res.body.melding, violationCount: 1 });
    expect(entry.violations).toEqual([{ instancePath: '/aapentKravMedGjenstaaendeBeloep/0/kravtype', message: ENUM }]);
    expect(lines.find((l) => l.msg.startsWith('response breaks the contract'))).toMatchObject({ level: 50, korrelasjonsid: 'sjekk-2' });
  });

  it('enforce: XML responses are checked against the same schema and answered in XML', async () => {
    const { app } = mock({ contract: kravtypeLimited(), validate: 'enforce' });
    const res = await get(app, PATH, { Accept: 'application/xml' });
    expect(res.status).toBe(500);
    expect(res.mediaType).toBe('application/xml');
    expect(res.body.kode).toBe('KB-001');
    expect(res.body.melding).toBe(`Svaret bryter kontrakten: /aapentKravMedGjenstaaendeBeloep/0/kravtype: ${ENUM}.`);
  });

  it('enforce: many violations are listed up to five and counted; the journal has them all', async () => {
    const { app } = createKravmock({ parties: [party(7)], clock: CLOCK, contract: kravtypeLimited(), validate: 'enforce' });
    const res = await get(app, PATH);
    const listed = [0, 1, 2, 3, 4].map((i) => `/aapentKravMedGjenstaaendeBeloep/${i}/kravtype: ${ENUM}`).join('; ');
    expect(res.body.melding).toBe(`Svaret bryter kontrakten: ${listed}; … og 2 brudd til (se GET /__admin/journal).`);
    const entry = await lastEntry(app);
    expect(entry.violationCount).toBe(7);
    expect(entry.violations!.map((v) => v.instancePath)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `/aapentKravMedGjenstaaendeBeloep/${i}/kravtype`));
  });

  it('off: the response goes out, nothing is checked or recorded', async () => {
    const { logger, lines } = logged();
    const { app } = mock({ contract: kravtypeLimited(), validate: 'off', logger });
    expect((await get(app, PATH)).status).toBe(200);
    const entry = await lastEntry(app);
    expect(entry.status).toBe(200);
    expect(entry.violations).toBeUndefined();
    expect(lines.filter((l) => l.msg.startsWith('response breaks the contract'))).toEqual([]);
  });

  it('checks error bodies too: of an operation by its declared response, of an unknown URL by the Feil schema', async () => {
    const shortMelding = stricter((doc) => {
      (doc.components.schemas.Feil!.properties as Record<string, Record<string, unknown>>).melding!.maxLength = 50;
    });
    const { app } = mock({ contract: shortMelding });
    expect((await get(app, '/v1/finans/974761076/aapnekrav')).status).toBe(404);
    expect((await lastEntry(app)).violations).toBeUndefined(); // 'Ingen treff på partIdentifikator 974761076.' is short
    expect((await get(app, '/v1/finans/313367002/krav?fraOgMed=2024-02-30')).status).toBe(400);
    expect((await lastEntry(app)).violations).toEqual([{ instancePath: '/melding', message: 'must NOT have more than 50 characters' }]);
    expect((await get(app, '/ukjent')).status).toBe(404);
    const unknown = await lastEntry(app);
    expect(unknown.endpoint).toBeUndefined();
    expect(unknown.violations).toEqual([{ instancePath: '/melding', message: 'must NOT have more than 50 characters' }]);
  });

  it('finds nothing wrong with the built-in parties on the four endpoints, in JSON and XML', async () => {
    const { app } = createKravmock({ parties: builtinParties('2026-11-26'), clock: '2026-11-26', validate: 'enforce' });
    for (const id of ['313367002', '311851381', '314961900', '314055403', '212201782', '871978433']) {
      for (const resource of ['aapnekrav', 'krav?fraOgMed=2026-01-01', 'innbetalinger?fraOgMed=2026-01-01', 'utbetalinger?fraOgMed=2026-01-01']) {
        for (const accept of ['application/json', 'application/xml']) {
          const res = await get(app, `/v1/regnskapssystem/${id}/${resource}`, { Accept: accept });
          expect(res.status === 200 || res.body.kode === 'KB-007', `${id} ${resource} ${accept}: ${res.status} ${String(res.body.melding)}`).toBe(true);
        }
      }
    }
    const all = await get(app, '/__admin/journal?session=all&limit=1000');
    expect((all.body as unknown as JournalPage).entries.filter((e) => e.violations)).toEqual([]);
  });

  it('refuses an unknown mode', () => {
    expect(() => mock({ validate: 'strict' as never })).toThrow("validate must be off, report or enforce, got 'strict'");
  });

  it('shortens long violation texts in the message', () => {
    const message = violationMessage([{ instancePath: '/a', message: 'x'.repeat(300) }]);
    expect(message).toBe(`Svaret bryter kontrakten: /a: ${'x'.repeat(156)}….`);
  });
});

describe('request validation names the rule and the pointer', () => {
  const app = createKravmock({ parties: [party(1)], clock: CLOCK }).app;

  it.each([
    ['/v1/finans/313367002/krav?fraOgMed=2024-13-01', "Ugyldig fraOgMed '2024-13-01': forventet en gyldig dato på formatet YYYY-MM-DD (regel: format date; peker: /query/fraOgMed)."],
    ['/v1/finans/313367002/krav?fraOgMed=2024-01-01&tilOgMed=30.06.2024', "Ugyldig tilOgMed '30.06.2024': forventet en gyldig dato på formatet YYYY-MM-DD (regel: format date; peker: /query/tilOgMed)."],
    ['/v1/finans/313367002/utbetalinger', 'Mangler påkrevd parameter fraOgMed: forventet en gyldig dato på formatet YYYY-MM-DD (regel: required; peker: /query/fraOgMed).'],
    ['/v1/finans/31336700X/aapnekrav', "Ugyldig partIdentifikator '31336700X': forventet organisasjonsnummer (9 siffer med gyldig kontrollsiffer) eller fødselsnummer/D-nummer (11 siffer med gyldige kontrollsifre) (regel: pattern ^([0-9]{9}|[0-9]{11})$; peker: /path/partIdentifikator)."],
    ['/v1/finans/313367002/innbetalinger?fraOgMed=2024-01-01&fraOgMed=2024-02-01', 'Parameteren fraOgMed er oppgitt flere ganger: forventet én verdi (regel: type string; peker: /query/fraOgMed).'],
  ])('%s', async (path, melding) => {
    const res = await get(app, path);
    expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({ status: 400, kode: 'KB-006', melding });
  });

  it('accepts any AltinnSamtykke the shipped contract allows (a string) when access is off', async () => {
    const off = createKravmock({ parties: [party(1)], clock: CLOCK, access: { mode: 'off' } }).app;
    expect((await get(off, '/v1/finans/313367002/aapnekrav', { AltinnSamtykke: 'hva som helst' })).status).toBe(200);
  });

  describe('declared headers', () => {
    const JWT_PATTERN = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$';
    const jwtShaped = (required = false) =>
      stricter((doc) => {
        const parameter = doc.components.parameters.AltinnSamtykke!;
        parameter.schema.pattern = JWT_PATTERN;
        parameter.required = required;
      });

    it('a header that breaks its schema is KB-006 with the pointer /header/<name>', async () => {
      const { app: strictHeader } = createKravmock({ parties: [party(1)], clock: CLOCK, contract: jwtShaped(), access: { mode: 'off' } });
      const res = await get(strictHeader, '/v1/finans/313367002/aapnekrav', { AltinnSamtykke: 'ikke et token' });
      expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({
        status: 400,
        kode: 'KB-006',
        melding: `Ugyldig AltinnSamtykke 'ikke et token': forventet en verdi som passer mønsteret ${JWT_PATTERN} (regel: pattern ${JWT_PATTERN}; peker: /header/AltinnSamtykke).`,
      });
      expect((await get(strictHeader, '/v1/finans/313367002/aapnekrav', { AltinnSamtykke: 'eyJh.eyJz.c2ln' })).status).toBe(200);
      expect((await get(strictHeader, '/v1/finans/313367002/aapnekrav')).status).toBe(200);
    });

    it('a required header that is missing is KB-006 naming it', async () => {
      const { app: strictHeader } = createKravmock({ parties: [party(1)], clock: CLOCK, contract: jwtShaped(true), access: { mode: 'off' } });
      const res = await get(strictHeader, '/v1/finans/313367002/aapnekrav');
      expect(res.body.melding).toBe(`Mangler påkrevd parameter AltinnSamtykke: forventet en verdi som passer mønsteret ${JWT_PATTERN} (regel: required; peker: /header/AltinnSamtykke).`);
    });

    it('the access check speaks first: a malformed consent token is still its 403 KB-005', async () => {
      const { app: strictHeader } = createKravmock({ parties: [party(1)], clock: CLOCK, contract: jwtShaped(), access: { mode: 'strict', keys: KEYS } });
      const token = await sign(accessClaims('974761076'));
      const res = await get(strictHeader, '/v1/finans/313367002/aapnekrav', { ...bearer(token), AltinnSamtykke: 'ikke et token' });
      expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({
        status: 403,
        kode: 'KB-005',
        melding: 'AltinnSamtykke er ikke en gyldig JWT: forventet tre base64url-deler adskilt med punktum (header.payload.signatur).',
      });
      const consent = await altinnConsent('313367002', '974761076');
      expect((await get(strictHeader, '/v1/finans/313367002/aapnekrav', { ...bearer(token), AltinnSamtykke: consent })).status).toBe(200);
    });
  });
});
