import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { adminContractFile } from '../../server/contract.js';
import type { PartyLedger } from '../../server/ledger/events.js';
import { get, post } from '../helpers/contract-response.js';

const CLOCK = '2026-11-26';
const pinned: PartyLedger = {
  partIdentifikator: '312438623',
  navn: 'OVERFØLSOM GLAD TIGER AS',
  skjermet: true,
  events: [],
};

describe('GET /__admin/scenarios', () => {
  it('is described by a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(readFileSync(adminContractFile, 'utf8'));
    expect(result.errors ?? []).toEqual([]);
  });

  it('lists the loaded scenarios with their parties, counts and clocks', async () => {
    const app = createApp({
      scenarios: [
        builtinScenario(CLOCK),
        { name: 'tiger-2023', description: 'Pinned to August 2023.', source: 'scenarios/tiger.yaml', clock: '2023-08-28', ownClock: '2023-08-28', parties: [pinned] },
      ],
    });
    const res = await get(app, '/__admin/scenarios');
    expect(res.status).toBe(200);
    const scenarios = res.body.scenarios as { name: string; source: string; clock: string; ownClock?: string; parties: Record<string, unknown>[] }[];
    expect(scenarios.map((s) => s.name)).toEqual(['offisielle-testparter', 'tiger-2023']);
    expect(scenarios[0]!.parties.map((p) => p.partIdentifikator)).toEqual(['313367002', '311851381', '314961900', '314055403', '212201782', '871978433']);
    expect(scenarios[0]!.source).toBe('<built-in>');
    expect(scenarios[0]!.ownClock).toBeUndefined();
    const first = scenarios[0]!.parties[0]!;
    const ledger = builtinScenario(CLOCK).parties[0]!;
    expect(first.krav).toBe(ledger.events.filter((e) => e.type === 'claimRaised').length);
    expect(first.innbetalinger).toBe(ledger.events.filter((e) => e.type === 'paymentReceived').length);
    expect(scenarios[1]).toEqual({
      name: 'tiger-2023',
      description: 'Pinned to August 2023.',
      source: 'scenarios/tiger.yaml',
      clock: '2023-08-28',
      ownClock: '2023-08-28',
      answeredAt: '2023-08-28',
      parties: [{ partIdentifikator: '312438623', navn: 'OVERFØLSOM GLAD TIGER AS', skjermet: true, krav: 0, innbetalinger: 0, utbetalinger: 0 }],
    });
  });
});

describe('which clock a party is answered at', () => {
  const aug = { name: 'aug', description: 'd', source: 's', clock: '2023-08-28', ownClock: '2023-08-28' };
  const ledger = builtinScenario('2023-08-28').parties.find((p) => p.partIdentifikator === '871978433')!;

  it("a scenario's own clock wins over the live date", async () => {
    const app = createApp({ scenarios: [{ ...aug, parties: [ledger] }], clock: () => '2026-11-26' });
    const res = await get(app, '/v1/finans/871978433/krav?fraOgMed=2022-09-01');
    expect(res.body.periode).toEqual({ fraOgMed: '2022-09-01', tilOgMed: '2023-08-28' });
  });

  it('an explicit server clock wins over the scenario clock', async () => {
    const app = createApp({ scenarios: [{ ...aug, parties: [ledger] }], clock: '2024-02-01' });
    const res = await get(app, '/v1/finans/871978433/krav?fraOgMed=2023-06-01');
    expect(res.body.periode).toEqual({ fraOgMed: '2023-06-01', tilOgMed: '2024-02-01' });
  });

  it('refuses two scenarios with the same party', () => {
    expect(() => createApp({ scenarios: [builtinScenario(CLOCK), { ...aug, name: 'again', parties: [ledger] }] })).toThrow(
      "party 871978433 is in scenario 'offisielle-testparter' and in scenario 'again' (s); a party can belong to one scenario only",
    );
  });

  it('refuses two scenarios with the same name', () => {
    expect(() => createApp({ scenarios: [builtinScenario(CLOCK), { ...aug, name: 'offisielle-testparter', parties: [] }] })).toThrow(
      "two scenarios are named 'offisielle-testparter' (<built-in> and s)",
    );
  });
});

describe('POST /__admin/tokens and /__admin/clients answer as the admin contract says', () => {
  const app = createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK });

  it('mints a system-user token and a finans token with consent', async () => {
    const regnskap = await post(app, '/__admin/tokens', { org: '313367002', pakke: 'regnskapssystem' });
    expect(regnskap.status).toBe(200);
    expect(regnskap.body.token_type).toBe('Bearer');
    const finans = await post(app, '/__admin/tokens', { org: '974761076', pakke: 'finans', party: '313367002' });
    expect(typeof finans.body.altinn_samtykke).toBe('string');
  });

  it('refuses a bad request with an OAuth-style error', async () => {
    const res = await post(app, '/__admin/tokens', { org: '123', pakke: 'regnskapssystem' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: "org must be an organisation number of 9 digits, got '123'" });
  });

  it('registers a client', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const res = await post(app, '/__admin/clients', { clientId: 'regnskap-as', orgnr: '313367002', publicKey: publicKey.export({ format: 'jwk' }) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ clientId: 'regnskap-as', orgnr: '313367002', scopes: ['skatteetaten:kravogbetalinger'], systemId: '313367002_regnskap-as' });
  });
});
