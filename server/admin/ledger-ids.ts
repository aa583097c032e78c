// Identifiers for events the admin API adds to a ledger when the caller leaves them out: fresh in the
// party's ledger and in the style of the reskontro, as the built-in data and the generator write them
// (fixtures/builtin/identifiers.ts): numeric sequence numbers that grow with the date in the other-tax
// ledger (`89185448`, claims `253517389`), `KRAV-3…` claims and `FORF-9…` payments in the VAT ledger,
// and KIDs with a MOD10 or MOD11 check digit that no other claim of the party uses. Pure functions of
// the ledger and the date, so the same action on the same state gives the same ids.
import { hash32, ledgerId, makeKid, type IdKind } from '../../fixtures/builtin/identifiers.js';
import { maxDate, minDate } from '../ledger/dates.js';
import type { IsoDate, PartyLedger, Reskontro } from '../ledger/events.js';

/** Every id already used in the ledger (claims, instalments, payments, payouts, set-offs) and every KID. */
export interface UsedIds {
  ids: Set<string>;
  kids: Set<string>;
}

export function usedIds(ledger: PartyLedger): UsedIds {
  const ids = new Set<string>();
  const kids = new Set<string>();
  for (const e of ledger.events) {
    switch (e.type) {
      case 'claimRaised':
        ids.add(e.kravidentifikator);
        for (const f of e.kravforfall) {
          ids.add(f.kravforfallsIdentifikator);
          if (f.kidnummer !== undefined) kids.add(f.kidnummer);
        }
        break;
      case 'paymentReceived':
        ids.add(e.innbetalingsidentifikator);
        break;
      case 'payout':
        ids.add(e.utbetalingsidentifikator);
        break;
      case 'setOff':
      case 'setOffInLegalOrder':
        if (e.motregningsidentifikator !== undefined) ids.add(e.motregningsidentifikator);
        break;
      default:
        break;
    }
  }
  return { ids, kids };
}

/** Ids are sequence numbers from 2015 on (ledgerId's epoch); dates outside that range take its ends. */
const ID_DATES = { first: '2015-01-01', last: '2099-12-31' };

function partySeed(partIdentifikator: string): number {
  return hash32(`admin/${partIdentifikator}`) % 100_000;
}

/**
 * A fresh id of `kind` for an event on `date`, not in `used` (which it joins). The first free of the
 * day's 100 slots, else the next free number after the day's first id.
 */
export function freshId(used: UsedIds, partIdentifikator: string, kind: IdKind, date: IsoDate): string {
  const day = minDate(maxDate(date, ID_DATES.first), ID_DATES.last);
  const seed = partySeed(partIdentifikator);
  for (let slot = 0; slot < 100; slot += 1) {
    const id = ledgerId(kind, seed, day, slot);
    if (!used.ids.has(id)) {
      used.ids.add(id);
      return id;
    }
  }
  const first = ledgerId(kind, seed, day, 0);
  const prefix = /^\D*/.exec(first)![0];
  for (let n = Number(first.slice(prefix.length)) + 1; ; n += 1) {
    const id = `${prefix}${n}`;
    if (!used.ids.has(id)) {
      used.ids.add(id);
      return id;
    }
  }
}

/** The id kinds of a payment, a claim and an instalment in each reskontro. */
export const ID_STYLE: Record<Reskontro, { payment: IdKind; claim: IdKind; instalment: IdKind }> = {
  mva: { payment: 'mvaForf', claim: 'mvaKrav', instalment: 'mvaKrav' },
  skatteinnkreving: { payment: 'innbetaling', claim: 'krav', instalment: 'kravforfall' },
};

/** The KID codes of the built-in data (fixtures/builtin/claims.ts), by kravtype; others get `09`. */
const KID_CODES: Record<string, string> = {
  UTSKR_FORSKSKATT: '01',
  RESTSKATT: '02',
  FORSKTREKK: '05',
  ARBGAVG: '06',
};

/**
 * A KID for a new claim that no claim of the party uses yet: the party's number (a fødselsnummer is
 * hashed to nine digits), a code for the claim type and the two-digit year, then a serial and the
 * check digit — MOD11 with a leading 1 in the VAT ledger, MOD10 in the other, as the built-in claims.
 */
export function freshKid(used: UsedIds, partIdentifikator: string, reskontro: Reskontro, kravtype: string, date: IsoDate): string {
  const party = /^\d{9}$/.test(partIdentifikator) ? partIdentifikator : `79${String(hash32(`kid/${partIdentifikator}`) % 10_000_000).padStart(7, '0')}`;
  const yy = date.slice(2, 4);
  const prefix = reskontro === 'mva' ? `1${party}${yy}` : `${party}${KID_CODES[kravtype] ?? '09'}${yy}`;
  const mode = reskontro === 'mva' ? 'MOD11' : 'MOD10';
  // The prefix leaves room for a serial of one (VAT: two) digits within makeKid's 14-digit base; past
  // that, a longer serial replaces the year.
  const room = 14 - prefix.length;
  for (let serial = 0; serial < 10 ** room; serial += 1) {
    const kid = makeKid(`${prefix}${String(serial).padStart(room, '0')}`, mode);
    if (!used.kids.has(kid)) {
      used.kids.add(kid);
      return kid;
    }
  }
  const base = prefix.slice(0, -2);
  for (let serial = 0; serial < 10 ** (14 - base.length); serial += 1) {
    const kid = makeKid(`${base}${String(serial).padStart(14 - base.length, '0')}`, mode);
    if (!used.kids.has(kid)) {
      used.kids.add(kid);
      return kid;
    }
  }
  throw new Error(`no free KID left for party ${partIdentifikator}`);
}
