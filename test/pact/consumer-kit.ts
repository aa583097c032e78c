// What the two reference consumer tests share: the provider's name, the provider states, realistic
// examples recorded from kravmock at a fixed clock, the request header matchers, and where the pact
// file goes - a fresh temporary directory, compared with (or, for `npm run pacts`, copied to) the
// committed file in contracts/pacts/ by the last test of each consumer file.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import supertest from 'supertest';
import { BUILTIN_SCENARIO_NAME, builtinScenario } from '../../fixtures/builtin/scenario.js';
import { createApp } from '../../server/app.js';
import { contractsDir } from '../../server/paths.js';
import { describePactDrift } from './pact-freshness.js';

export const PROVIDER = 'skatteetaten-kravogbetalinger';
export const CLOCK = '2026-11-26';
export const SCENARIO = BUILTIN_SCENARIO_NAME;
export const PACTS_DIR = join(contractsDir, 'pacts');
/** A valid organisation number no ledger knows (Skatteetaten's own). */
export const UNKNOWN_ORG = '974761076';

/** Set by `npm run pacts`: the consumer tests copy their pact into contracts/pacts instead of comparing. */
export const UPDATING = process.env.KRAVMOCK_UPDATE_PACTS === '1';

/** Provider state parameters besides partIdentifikator and clock; contracts/pacts/README.md says what the provider does with each. */
export interface StateExtras {
  access?: 'strict';
  token?: 'expired';
  consent?: 'none';
  fault?: 'KB-001';
}

/** The parameters of the scenario state: the party, the clock, and what an error state needs. */
export const state = (partIdentifikator: string, extra: StateExtras = {}): Record<string, string> => ({
  partIdentifikator,
  clock: CLOCK,
  ...(extra as Record<string, string>),
});

// Fixed example credentials, so the pact files are the same on every run. The provider replaces
// them with real ones (contracts/pacts/README.md); the expired one it sends as it is.
export const EXAMPLE_ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ.eyJpc3MiOiJodHRwczovL3Rlc3QubWFza2lucG9ydGVuLm5vLyIsInNjb3BlIjoic2thdHRlZXRhdGVuOmtyYXZvZ2JldGFsaW5nZXIifQ.c2lnbmF0dXJl';
export const EXPIRED_ACCESS_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImV4YW1wbGUifQ.eyJpc3MiOiJodHRwczovL3Rlc3QubWFza2lucG9ydGVuLm5vLyIsImV4cCI6MTcwMDAwMDAwMH0.dXRsb3BldA';
export const EXAMPLE_CONSENT_TOKEN =
  'eyJhbGciOiJSUzI1NiIsImtpZCI6ImFsdGlubiJ9.eyJTZXJ2aWNlcyI6WyI1OTI4XzIwMjMwMSJdLCJPZmZlcmVkQnkiOiIzMTMzNjcwMDIifQ.c2FtdHlra2U';
/** `Authorization: Bearer <token>`, any token. */
export const authorization = (token = EXAMPLE_ACCESS_TOKEN) => MatchersV3.regex('^Bearer .+$', `Bearer ${token}`);
/** An Altinn consent token: a JWT (three base64url parts). */
export const altinnSamtykke = (token = EXAMPLE_CONSENT_TOKEN) => MatchersV3.regex('^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$', token);
/** A query date, any date. */
export const queryDate = (example: string) => MatchersV3.date('yyyy-MM-dd', example);

let recorder: ReturnType<typeof supertest> | undefined;

/**
 * What kravmock answers for the built-in scenario at the fixed clock: the realistic example a
 * contract-derived matcher is built from. Access checks are off here; the provider side checks them.
 */
export async function recorded(path: string, accept = 'application/json'): Promise<{ status: number; body: Record<string, unknown> }> {
  recorder ??= supertest(createApp({ scenarios: [builtinScenario(CLOCK)], clock: CLOCK, access: { mode: 'off' } }));
  const res = await recorder.get(path).set('Accept', accept);
  return { status: res.status, body: res.body as Record<string, unknown> };
}

/** Like {@link recorded}, but fails unless kravmock answers `status`, so an example is never from an unexpected answer. */
export async function example(path: string, status = 200): Promise<Record<string, unknown>> {
  const res = await recorded(path);
  if (res.status !== status) throw new Error(`kravmock answered ${res.status} for ${path}, expected ${status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface ConsumerPact {
  pact: PactV4;
  /** The pact file this run writes. */
  file: string;
  /** The committed pact file in contracts/pacts/. */
  committed: string;
}

export function consumerPact(consumer: string): ConsumerPact {
  const dir = mkdtempSync(join(tmpdir(), `kravmock-pact-${consumer}-`));
  const name = `${consumer}-${PROVIDER}.json`;
  return {
    pact: new PactV4({ consumer, provider: PROVIDER, dir, logLevel: 'warn' }),
    file: join(dir, name),
    committed: join(PACTS_DIR, name),
  };
}

/**
 * The last test of a consumer file: the committed pact must equal the one this run wrote (apart from
 * the Pact library versions in `metadata`). With KRAVMOCK_UPDATE_PACTS=1 the fresh file replaces it.
 * Returns the drift found, for the assertion.
 */
export function committedPactDrift(pact: ConsumerPact): string[] {
  if (!existsSync(pact.file)) return [`this run wrote no pact file (${pact.file})`];
  if (UPDATING) {
    copyFileSync(pact.file, pact.committed);
    rmSync(dirname(pact.file), { recursive: true, force: true });
    return [];
  }
  if (!existsSync(pact.committed)) return [`${pact.committed} is missing: run npm run pacts`];
  const drift = describePactDrift(JSON.parse(readFileSync(pact.committed, 'utf8')), JSON.parse(readFileSync(pact.file, 'utf8')));
  if (drift.length === 0) {
    rmSync(dirname(pact.file), { recursive: true, force: true });
    return [];
  }
  return [...drift, `the generated pact is ${pact.file}: run npm run pacts to commit it`];
}
