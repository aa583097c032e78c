// Small builders for hand-made ledgers, and the contract check every produced view must pass.
import { makeKidNumber } from 'norwegian-numbers';
import { expect } from 'vitest';
import { createContract } from '../../server/contract.js';
import type {
  ClaimRaised,
  InstalmentSpec,
  LedgerEvent,
  PartyLedger,
  PaymentReceived,
  Reskontro,
} from '../../server/ledger/events.js';

export const ORG = '313367002'; // official test ENK (Skatteetaten)
export const OWNER = '02925796975'; // synthetic person (month + 80) from Altinn's TT02 test
export const KID_A = makeKidNumber('10020030', 'MOD10');
export const KID_B = makeKidNumber('20030040', 'MOD11');
export const PAYER_ACCOUNT = '15031411111';

const contract = createContract();

/** Asserts a view validates against its contract schema (unknown properties rejected). */
export function expectValid(schema: 'AapneKrav' | 'AlleKrav' | 'Innbetalinger' | 'Utbetalinger', body: unknown): void {
  expect(contract.validateSchema(schema, body)).toEqual([]);
}

export function ledger(events: LedgerEvent[], extra: Partial<PartyLedger> = {}): PartyLedger {
  return { partIdentifikator: ORG, navn: 'TEST ENK', tilknyttedeParter: [OWNER], events, ...extra };
}

type ClaimOptions = Partial<Omit<ClaimRaised, 'type' | 'kravforfall'>> & {
  reskontro?: Reskontro;
  kravforfall?: InstalmentSpec[];
};

/** A claim with sensible defaults: one instalment `<id>-1` unless `kravforfall` is given. */
export function claim(id: string, date: string, beloep: number, forfallsdato: string, o: ClaimOptions & { kid?: string } = {}): ClaimRaised {
  const { kid, kravforfall, ...rest } = o;
  return {
    type: 'claimRaised',
    date,
    kravidentifikator: id,
    reskontro: 'skatteinnkreving',
    kravtype: 'RESTSKATT',
    kravgruppe: 'Skatt',
    kravbeskrivelse: `Krav ${id}`,
    ...rest,
    kravforfall: kravforfall ?? [
      { kravforfallsIdentifikator: `${id}-1`, forfallsdato, beloep, ...(kid !== undefined ? { kidnummer: kid } : {}) },
    ],
  };
}

export function payment(id: string, date: string, beloep: number, o: Partial<Omit<PaymentReceived, 'type'>> = {}): PaymentReceived {
  return {
    type: 'paymentReceived',
    date,
    innbetalingsidentifikator: id,
    beloep,
    betaler: { navn: 'Betaler AS', kontonummer: PAYER_ACCOUNT },
    ...o,
  };
}
