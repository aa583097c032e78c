// Strict access mode, attacked the way a curious integrator would: a token for one organisation
// (313367002, minted by POST /__admin/tokens like `kravmock token`) tries every loaded party — the
// built-in ones and the whole scenario library, as `kravmock serve` loads them — on all four
// endpoints with both rettighetspakker. Exactly 313367002's own data comes back; every other party
// is refused with the exact code and message, and no refusal carries anything of the party.
import { pino } from 'pino';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServeScenarios, readServeConfig, startServe, type StartedServer } from '../../server/cli/serve-command.js';
import type { PartyLedger } from '../../server/ledger/events.js';
import { validateResponse, type CheckedResponse } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const OWN = '313367002';
const ENDPOINTS = ['aapnekrav', `krav?fraOgMed=2026-01-01&tilOgMed=2026-11-26`, 'innbetalinger?fraOgMed=2025-11-26&tilOgMed=2026-11-26', 'utbetalinger?fraOgMed=2025-11-26&tilOgMed=2026-11-26'];

let running: StartedServer;
let parties: PartyLedger[];
let regnskapssystemAuth: Record<string, string>;
let finansAuth: Record<string, string>;

async function get(path: string, headers: Record<string, string>): Promise<CheckedResponse> {
  let req = supertest(running.url).get(path);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return validateResponse(path, await req);
}

async function mint(body: Record<string, string>): Promise<Record<string, string>> {
  const res = await supertest(running.url).post('/__admin/tokens').send(body);
  const checked = validateResponse('/__admin/tokens', res, 'post');
  expect(checked.status).toBe(200);
  const minted = checked.body as { access_token: string; altinn_samtykke?: string };
  return { Authorization: `Bearer ${minted.access_token}`, ...(minted.altinn_samtykke ? { AltinnSamtykke: minted.altinn_samtykke } : {}) };
}

beforeAll(async () => {
  const config = readServeConfig(['--port', '0', '--clock', CLOCK, '--access', 'strict', '--fair-use-limit', '0'], {});
  parties = loadServeScenarios(config, CLOCK).flatMap((s) => s.parties);
  running = await startServe(config, pino({ level: 'silent' }));
  regnskapssystemAuth = await mint({ org: OWN, pakke: 'regnskapssystem' });
  finansAuth = await mint({ org: OWN, pakke: 'finans' });
  expect(Object.keys(finansAuth).sort()).toEqual(['AltinnSamtykke', 'Authorization']);
}, 60_000);
afterAll(() => running.close());

/** A refusal carries the error and nothing of the party asked for. */
function expectBareRefusal(res: CheckedResponse, party: PartyLedger): void {
  expect(Object.keys(res.body).sort()).toEqual(['kode', 'korrelasjonsid', 'melding']);
  expect(res.text).not.toContain(party.navn);
  for (const event of party.events.slice(0, 20)) {
    const id = (event as { kravidentifikator?: string }).kravidentifikator;
    if (id) expect(res.text).not.toContain(id);
  }
}

describe('strict access: a token for one organisation reads exactly that organisation', () => {
  it('covers the built-in parties and the whole library', () => {
    const ids = parties.map((p) => p.partIdentifikator);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(OWN);
    expect(ids.length).toBeGreaterThanOrEqual(20);
  });

  it('regnskapssystem with a system user for 313367002: its own data, 403 KB-005 for every other party', async () => {
    const outcome: Record<string, number> = {};
    for (const party of parties) {
      for (const endpoint of ENDPOINTS) {
        const res = await get(`/v1/regnskapssystem/${party.partIdentifikator}/${endpoint}`, regnskapssystemAuth);
        const key = `${party.partIdentifikator === OWN ? 'own' : 'other'} ${res.status} ${String(res.body.kode ?? '')}`;
        outcome[key] = (outcome[key] ?? 0) + 1;
        if (party.partIdentifikator === OWN) {
          expect([200, 404], `${endpoint}: ${res.text.slice(0, 200)}`).toContain(res.status);
          if (res.status === 200) expect(res.body.partIdentifikator).toBe(OWN);
          else expect(res.body.kode).toBe('KB-007');
        } else {
          expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({
            status: 403,
            kode: 'KB-005',
            melding: `Systembrukeren for organisasjon ${OWN} gir ikke tilgang til partIdentifikator ${party.partIdentifikator}: systembrukerens organisasjon må være parten selv, eller parten må ha delegert tilgang til ${OWN}.`,
          });
          expectBareRefusal(res, party);
        }
      }
    }
    console.log(`hardening strict access, regnskapssystem: ${JSON.stringify(outcome)}`);
    expect(outcome[`own 200 `]).toBeGreaterThanOrEqual(2);
    expect(Object.keys(outcome).filter((k) => k.startsWith('other')).sort()).toEqual(['other 403 KB-005']);
  }, 120_000);

  it('finans with consent from 313367002: its own data, 403 KB-005 for every other party', async () => {
    const outcome: Record<string, number> = {};
    for (const party of parties) {
      for (const endpoint of ENDPOINTS) {
        const res = await get(`/v1/finans/${party.partIdentifikator}/${endpoint}`, finansAuth);
        const key = `${party.partIdentifikator === OWN ? 'own' : 'other'} ${res.status} ${String(res.body.kode ?? '')}`;
        outcome[key] = (outcome[key] ?? 0) + 1;
        if (party.partIdentifikator === OWN) {
          expect([200, 404], `${endpoint}: ${res.text.slice(0, 200)}`).toContain(res.status);
          if (res.status === 200) expect(res.body.partIdentifikator).toBe(OWN);
          else expect(res.body.kode).toBe('KB-007');
        } else {
          expect({ status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({
            status: 403,
            kode: 'KB-005',
            melding: `Samtykket er gitt av ${OWN}, ikke av partIdentifikator ${party.partIdentifikator}.`,
          });
          expectBareRefusal(res, party);
        }
      }
    }
    console.log(`hardening strict access, finans: ${JSON.stringify(outcome)}`);
    expect(outcome[`own 200 `]).toBeGreaterThanOrEqual(2);
    expect(Object.keys(outcome).filter((k) => k.startsWith('other')).sort()).toEqual(['other 403 KB-005']);
  }, 120_000);

  it('finans without consent, the system-user token on finans, and no token at all: refused for every party, its own included', async () => {
    const consentMissing = (party: string) => `Rettighetspakke finans krever samtykke fra partIdentifikator ${party}: fant verken AltinnSamtykke-header eller authorization_details av type urn:altinn:consent i access token.`;
    const noToken = 'Mangler Authorization-header: send et Maskinporten-token som Authorization: Bearer <token> med scope skatteetaten:kravogbetalinger.';
    for (const party of parties) {
      const id = party.partIdentifikator;
      const cases: [string, string, Record<string, string>, number, string, string][] = [
        ['finans, token without consent', `/v1/finans/${id}/aapnekrav`, { Authorization: finansAuth.Authorization! }, 403, 'KB-005', consentMissing(id)],
        ['finans, system-user token', `/v1/finans/${id}/krav?fraOgMed=2026-01-01`, regnskapssystemAuth, 403, 'KB-005', consentMissing(id)],
        ['regnskapssystem, no token', `/v1/regnskapssystem/${id}/innbetalinger?fraOgMed=2026-01-01`, {}, 401, 'KB-004', noToken],
        ['finans, no token', `/v1/finans/${id}/utbetalinger?fraOgMed=2026-01-01`, {}, 401, 'KB-004', noToken],
      ];
      for (const [label, path, headers, status, kode, melding] of cases) {
        const res = await get(path, headers);
        expect({ label, id, status: res.status, kode: res.body.kode, melding: res.body.melding }).toEqual({ label, id, status, kode, melding });
        expectBareRefusal(res, party);
      }
    }
  }, 120_000);
});
