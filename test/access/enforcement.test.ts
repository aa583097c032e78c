// Enforcement in strict mode: every rejection path and every happy path, through HTTP, with real
// RS256 tokens signed with jose, each answer validated against the contract by get().
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { get } from '../helpers/contract-response.js';
import {
  ALTINN_KID,
  KEYS,
  MP_KID,
  accessClaims,
  altinnConsent,
  app,
  bearer,
  expectError,
  iso,
  now,
  sign,
  systemUserToken,
  tokenConsent,
} from './helpers.js';

const strict = app({ delegations: { '311851381': ['314055403'] } });
const A = '313367002';
const B = '311851381';
const RS = (party: string, resource = 'aapnekrav') => `/v1/regnskapssystem/${party}/${resource}`;
const FI = (party: string, resource = 'aapnekrav') => `/v1/finans/${party}/${resource}`;

describe('regnskapssystem: system user (happy paths)', () => {
  it('a system user for A reads A, on all four endpoints and the legacy prefix', async () => {
    const headers = bearer(await systemUserToken(A));
    for (const path of [RS(A), `${RS(A, 'krav')}?fraOgMed=2026-01-01`, `${RS(A, 'innbetalinger')}?fraOgMed=2026-01-01`, `/api/innkreving/kravogbetalinger${RS(A)}`]) {
      const res = await get(strict, path, headers);
      expect(res.status, path).toBe(200);
      expect(res.body.partIdentifikator).toBe(A);
    }
  });

  it('a vendor (consumer 974761076) with a system user for A reads A', async () => {
    const res = await get(strict, RS(A), bearer(await systemUserToken('974761076', A)));
    expect(res.status).toBe(200);
  });

  it('a system user of 314055403 reads 311851381, which delegated to it', async () => {
    const res = await get(strict, RS(B), bearer(await systemUserToken('314055403')));
    expect(res.status).toBe(200);
    expect(res.body.partIdentifikator).toBe(B);
  });

  it('answers in XML too', async () => {
    const res = await get(strict, RS(A), { ...bearer(await systemUserToken(A)), Accept: 'application/xml' });
    expect(res.status).toBe(200);
    expect(res.mediaType).toBe('application/xml');
  });
});

describe('401 KB-004 authentication', () => {
  it('no Authorization header', async () => {
    expectError(await get(strict, RS(A)), 401, 'KB-004', 'Mangler Authorization-header: send et Maskinporten-token som Authorization: Bearer <token> med scope skatteetaten:kravogbetalinger.');
  });

  it('not a Bearer header', async () => {
    expectError(await get(strict, RS(A), { Authorization: 'Basic dXNlcjpwYXNz' }), 401, 'KB-004', "Ugyldig Authorization-header: forventet 'Bearer <token>', fikk skjemaet 'Basic'.");
  });

  it('Bearer without a token', async () => {
    expectError(await get(strict, RS(A), { Authorization: 'Bearer' }), 401, 'KB-004', "Ugyldig Authorization-header: 'Bearer' uten token.");
  });

  it.each(['abc', 'a.b', 'eyJhbGciOiJSUzI1NiJ9.not-json.sig'])('a token that is not a JWT: %s', async (token) => {
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', 'Access token er ikke en gyldig JWT: forventet tre base64url-deler adskilt med punktum (header.payload.signatur).');
  });

  it('a token signed by a key the mock does not know', async () => {
    const token = await sign(accessClaims(A), KEYS.stranger);
    const { header } = { header: JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string } };
    expectError(
      await get(strict, RS(A), bearer(token)),
      401,
      'KB-004',
      `Access token har ugyldig signatur: det er ikke signert med Maskinportens nøkkel (kid ${MP_KID}, publisert på /maskinporten/jwk); tokenets kid er '${header.kid}'.`,
    );
  });

  it('a token whose claims were altered after signing', async () => {
    const [h, , s] = (await systemUserToken(B)).split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify(accessClaims(A))).toString('base64url')}.${s}`;
    const res = await get(strict, RS(A), bearer(forged));
    expect([res.status, res.body.kode]).toEqual([401, 'KB-004']);
    expect(res.body.melding).toMatch(/^Access token har ugyldig signatur/);
  });

  it('a token with alg none / HS256 is refused before its signature is looked at', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const token = `${header}.${Buffer.from(JSON.stringify(accessClaims(A))).toString('base64url')}.c2ln`;
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', "Access token må være signert med RS256, fikk alg 'HS256'.");
  });

  it('an expired token', async () => {
    const exp = now() - 5;
    const token = await sign(accessClaims(A, { iat: exp - 119, exp, authorization_details: [] }));
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', `Access token utløp ${iso(exp)}: hent et nytt token fra Maskinporten.`);
  });

  it('a token not yet valid', async () => {
    const nbf = now() + 600;
    const token = await sign(accessClaims(A, { nbf, exp: nbf + 119 }));
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', `Access token er ikke gyldig før ${iso(nbf)}.`);
  });

  it('a token without exp', async () => {
    const token = await sign(accessClaims(A, { exp: undefined }));
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', "Access token mangler claim 'exp'.");
  });

  it('a token from another issuer (the production Maskinporten)', async () => {
    const token = await sign(accessClaims(A, { iss: 'https://maskinporten.no/' }));
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', "Access token har feil utsteder 'https://maskinporten.no/': forventet 'https://test.maskinporten.no/'.");
  });

  it('a token without the scope skatteetaten:kravogbetalinger (401 KB-004, see README)', async () => {
    const token = await sign(accessClaims(A, { scope: 'skatteetaten:skatteoppgjoer' }));
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', "Access token mangler scope skatteetaten:kravogbetalinger: tokenets scope er 'skatteetaten:skatteoppgjoer'.");
  });

  it('a token without consumer', async () => {
    const token = await sign(accessClaims(A, { consumer: undefined }));
    expectError(await get(strict, RS(A), bearer(token)), 401, 'KB-004', 'Access token mangler consumer: forventet {"authority": "iso6523-actorid-upis", "ID": "0192:<organisasjonsnummer>"}.');
  });

  it('comes as XML when XML is asked for', async () => {
    const res = await get(strict, RS(A), { Accept: 'application/xml' });
    expect([res.status, res.mediaType, res.body.kode]).toEqual([401, 'application/xml', 'KB-004']);
  });

  it('runs after KB-008 and before KB-006, after KB-003 on an unknown rettighetspakke', async () => {
    expect((await get(strict, RS(A), { Accept: 'text/csv' })).body.kode).toBe('KB-008');
    expect((await get(strict, '/v1/bank/313367002/aapnekrav')).body.kode).toBe('KB-003');
    expect((await get(strict, RS('313367003'))).body.kode).toBe('KB-004');
    expect((await get(strict, `${RS(A, 'krav')}?fraOgMed=2026-02-30`, bearer(await systemUserToken(A)))).body.kode).toBe('KB-006');
  });
});

describe('403 KB-005 regnskapssystem', () => {
  it('a token without a system user', async () => {
    const token = await sign(accessClaims(A));
    expectError(await get(strict, RS(A), bearer(token)), 403, 'KB-005', 'Rettighetspakke regnskapssystem krever systembruker: access token har ingen authorization_details av type urn:altinn:systemuser.');
  });

  it('a system user for org A used for org B', async () => {
    expectError(
      await get(strict, RS(B), bearer(await systemUserToken(A))),
      403,
      'KB-005',
      `Systembrukeren for organisasjon ${A} gir ikke tilgang til partIdentifikator ${B}: systembrukerens organisasjon må være parten selv, eller parten må ha delegert tilgang til ${A}.`,
    );
  });

  it('delegation is one way: 311851381 delegated to 314055403, not the other way round', async () => {
    const res = await get(strict, RS('314055403'), bearer(await systemUserToken(B)));
    expectError(res, 403, 'KB-005', `Systembrukeren for organisasjon ${B} gir ikke tilgang til partIdentifikator 314055403: systembrukerens organisasjon må være parten selv, eller parten må ha delegert tilgang til ${B}.`);
  });

  it('an ENK: the token for the organisation reads the ENK, not the owner by fødselsnummer', async () => {
    expect((await get(strict, RS('212201782'), bearer(await systemUserToken('212201782')))).status).toBe(200);
    const res = await get(strict, RS('04827896468'), bearer(await systemUserToken('212201782')));
    expectError(res, 403, 'KB-005', 'Systembrukeren for organisasjon 212201782 gir ikke tilgang til partIdentifikator 04827896468: systembrukerens organisasjon må være parten selv, eller parten må ha delegert tilgang til 212201782.');
  });

  it('a system user without systemuser_org', async () => {
    const token = await sign(accessClaims(A, { authorization_details: [{ type: 'urn:altinn:systemuser', system_id: 'x' }] }));
    expectError(await get(strict, RS(A), bearer(token)), 403, 'KB-005', "Systembrukeren i access token mangler systemuser_org med ID '0192:<organisasjonsnummer>'.");
  });
});

describe('finans: consent', () => {
  const BANK = '974761076';

  it('Altinn 2: AltinnSamtykke from A to the bank reads A', async () => {
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: await altinnConsent(A, BANK) });
    expect(res.status).toBe(200);
    expect(res.body.partIdentifikator).toBe(A);
  });

  it('Altinn 2: the object form of Services ({ServiceCode, ServiceEditionCode}) is accepted too', async () => {
    const samtykke = await altinnConsent(A, BANK, { Services: [{ ServiceCode: '5928', ServiceEditionCode: '202301', Metadata: {} }] });
    expect((await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke })).status).toBe(200);
  });

  it('Altinn 3: consent inside the access token reads A', async () => {
    const token = await sign(accessClaims(BANK, { authorization_details: [tokenConsent(A, BANK)] }));
    const res = await get(strict, `${FI(A, 'innbetalinger')}?fraOgMed=2026-01-01`, bearer(token));
    expect(res.status).toBe(200);
  });

  it('no consent at all', async () => {
    expectError(
      await get(strict, FI(A), bearer(await sign(accessClaims(BANK)))),
      403,
      'KB-005',
      `Rettighetspakke finans krever samtykke fra partIdentifikator ${A}: fant verken AltinnSamtykke-header eller authorization_details av type urn:altinn:consent i access token.`,
    );
  });

  it('Altinn 2: consent from A used for B', async () => {
    const res = await get(strict, FI(B), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: await altinnConsent(A, BANK) });
    expectError(res, 403, 'KB-005', `Samtykket er gitt av ${A}, ikke av partIdentifikator ${B}.`);
  });

  it('Altinn 3: consent from A used for B', async () => {
    const token = await sign(accessClaims(BANK, { authorization_details: [tokenConsent(A, BANK)] }));
    expectError(await get(strict, FI(B), bearer(token)), 403, 'KB-005', `Samtykket er gitt av ${A}, ikke av partIdentifikator ${B}.`);
  });

  it('Altinn 2: consent given to another consumer', async () => {
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: await altinnConsent(A, '910514458') });
    expectError(res, 403, 'KB-005', `Samtykket er gitt til 910514458, ikke til organisasjonen i access token (${BANK}).`);
  });

  it('Altinn 3: consent given to another consumer', async () => {
    const token = await sign(accessClaims(BANK, { authorization_details: [tokenConsent(A, '910514458')] }));
    expectError(await get(strict, FI(A), bearer(token)), 403, 'KB-005', `Samtykket er gitt til 910514458, ikke til organisasjonen i access token (${BANK}).`);
  });

  it('Altinn 2: expired consent', async () => {
    const t = now();
    const samtykke = await altinnConsent(A, BANK, { DelegatedDate: t - 91 * 86400, ValidToDate: t - 86400 });
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', `Samtykket utløp ${iso(t - 86400)}: et nytt samtykke må gis i Altinn.`);
  });

  it('Altinn 3: expired consent', async () => {
    const validTo = now() - 60;
    const token = await sign(accessClaims(BANK, { authorization_details: [tokenConsent(A, BANK, { validTo: iso(validTo) })] }));
    expectError(await get(strict, FI(A), bearer(token)), 403, 'KB-005', `Samtykket utløp ${iso(validTo)}: et nytt samtykke må gis i Altinn.`);
  });

  it('Altinn 2: consent over 90 days', async () => {
    const t = now();
    const samtykke = await altinnConsent(A, BANK, { DelegatedDate: t, ValidToDate: t + 91 * 86400 });
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', `Samtykket gjelder fra ${iso(t)} til ${iso(t + 91 * 86400)}: samtykke til Krav og betalinger kan gjelde i høyst 90 dager.`);
  });

  it('Altinn 2: an expired consent token (the short-lived JWT, not the consent)', async () => {
    const exp = now() - 1;
    const samtykke = await altinnConsent(A, BANK, { iat: exp - 60, nbf: exp - 60, exp });
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', `AltinnSamtykke-tokenet utløp ${iso(exp)}: hent et nytt samtykketoken fra Altinn med autorisasjonskoden.`);
  });

  it('Altinn 2: wrong service code (the 2023 per-endpoint code 5929)', async () => {
    const samtykke = await altinnConsent(A, BANK, { Services: ['5929_202301'] });
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', 'Samtykket gjelder ikke Krav og betalinger: forventet tjenestekode 5928 utgave 202301, fikk 5929_202301.');
  });

  it('Altinn 2: wrong service edition', async () => {
    const samtykke = await altinnConsent(A, BANK, { Services: ['5928_1'] });
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', 'Samtykket gjelder ikke Krav og betalinger: forventet tjenestekode 5928 utgave 202301, fikk 5928_1.');
  });

  it('Altinn 3: consent for another resource', async () => {
    const consent = tokenConsent(A, BANK, { consentRights: [{ action: ['read'], resource: [{ type: 'urn:altinn:resource', value: 'ske-samtykke-skattegrunnlag' }] }] });
    const token = await sign(accessClaims(BANK, { authorization_details: [consent] }));
    expectError(await get(strict, FI(A), bearer(token)), 403, 'KB-005', 'Samtykket gjelder ikke Krav og betalinger: forventet ressurs ske-samtykke-krav-og-betalinger, fikk ske-samtykke-skattegrunnlag.');
  });

  it('Altinn 2: a consent token signed by another key', async () => {
    const samtykke = await altinnConsent(A, BANK, {}, KEYS.stranger);
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', `AltinnSamtykke har ugyldig signatur: det er ikke signert med Altinns nøkkel (kid ${ALTINN_KID}, publisert på /altinn/jwk).`);
  });

  it('Altinn 2: a consent token from another issuer', async () => {
    const samtykke = await altinnConsent(A, BANK, { iss: 'altinn.no' });
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: samtykke });
    expectError(res, 403, 'KB-005', "AltinnSamtykke har feil utsteder 'altinn.no': forventet 'https://platform.tt02.altinn.no/authentication/api/v1/openid/'.");
  });

  it('Altinn 2: a consent header that is not a JWT', async () => {
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK))), AltinnSamtykke: randomUUID() });
    expectError(res, 403, 'KB-005', 'AltinnSamtykke er ikke en gyldig JWT: forventet tre base64url-deler adskilt med punktum (header.payload.signatur).');
  });

  it('a system-user token does not give finans access', async () => {
    const res = await get(strict, FI(A), bearer(await systemUserToken(A)));
    expect([res.status, res.body.kode]).toEqual([403, 'KB-005']);
  });

  it('the token is still checked first: a bad access token with good consent is 401', async () => {
    const res = await get(strict, FI(A), { ...bearer(await sign(accessClaims(BANK), KEYS.stranger)), AltinnSamtykke: await altinnConsent(A, BANK) });
    expect([res.status, res.body.kode]).toEqual([401, 'KB-004']);
  });
});
