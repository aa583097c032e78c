// checkLedger: every semantic problem of a ledger, not just the first. Two passes:
//  1. static: identifiers, dates, amounts, enums and duplicate ids, event by event in list order;
//  2. replay (replay.ts) over all time: references to instalments and payments that do not exist (or
//     not yet at the event's date), placements, set-offs and payouts larger than what is left.
// The loader rejects a ledger with any problem; the views assume a checked ledger but never crash
// on an unchecked one.
import { isIsoDate } from './dates.js';
import type { BankAccountSpec, ClaimRaised, LedgerEvent, PartyLedger, Payout, PaymentReceived } from './events.js';
import { ibanProblem, kidProblem, kontonummerProblem, partIdentifikatorProblem } from './identifiers.js';
import { isAmount } from './money.js';
import { isRecord, type LedgerProblem } from './problems.js';
import { replay } from './replay.js';

export type { LedgerProblem } from './problems.js';

const EVENT_TYPES = ['claimRaised', 'paymentReceived', 'paymentPlaced', 'setOff', 'setOffInLegalOrder', 'payout'];
const RESKONTRO = ['mva', 'skatteinnkreving'];
const FASTSETTINGSMAATE = ['blank', 'egenfastsatt', 'myndighetsfastsatt'];
const UTBETALINGSTATUS = ['bekreftet', 'underUtbetaling'];
/** Later than any event: the check replays the whole ledger. */
const END_OF_TIME = '9999-12-31';

const show = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value));

export function checkLedger(ledger: PartyLedger): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const add = (eventIndex: number, path: string, message: string): void => {
    problems.push({ eventIndex, path, message });
  };

  const party = ledger.partIdentifikator;
  const partyProblem = partIdentifikatorProblem(party);
  if (partyProblem) add(-1, 'partIdentifikator', `partIdentifikator ${show(party)} ${partyProblem}`);
  const related = new Set<string>([party]);
  (Array.isArray(ledger.tilknyttedeParter) ? ledger.tilknyttedeParter : []).forEach((p, i) => {
    const pp = partIdentifikatorProblem(p);
    if (pp) add(-1, `tilknyttedeParter[${i}]`, `tilknyttedeParter[${i}] ${show(p)} ${pp}`);
    related.add(p);
  });
  if (!Array.isArray(ledger.events)) {
    add(-1, 'events', 'events is missing: expected a list of events');
    return problems;
  }

  const claimIds = new Map<string, number>();
  const instalmentIds = new Map<string, string>();
  const paymentIds = new Map<string, number>();
  const payoutIds = new Map<string, number>();

  const checkOwner = (i: number, value: string | undefined): void => {
    if (value === undefined) return;
    const path = `events[${i}].partIdentifikator`;
    const pp = partIdentifikatorProblem(value);
    if (pp) add(i, path, `partIdentifikator ${show(value)} ${pp}`);
    else if (!related.has(value)) {
      add(i, path, `partIdentifikator '${value}' is neither the ledger's party '${party}' nor one of its tilknyttedeParter`);
    }
  };
  const checkPositive = (i: number, path: string, field: string, value: unknown): void => {
    if (!isAmount(value) || value <= 0) {
      add(i, path, `${field} ${show(value)} is not a positive amount: expected a number > 0 with at most two decimals`);
    }
  };
  const checkKid = (i: number, path: string, value: string | undefined): void => {
    if (value === undefined) return;
    const kp = kidProblem(value);
    if (kp) add(i, path, `kidnummer ${show(value)} is not a valid KID: ${kp}`);
  };
  const checkKonto = (i: number, path: string, field: string, value: string | undefined): void => {
    if (value === undefined) return;
    const kp = kontonummerProblem(value);
    if (kp) add(i, path, `${field} ${show(value)} is not a valid kontonummer: ${kp}`);
  };
  const checkDate = (i: number, path: string, field: string, value: unknown): void => {
    if (typeof value !== 'string' || !isIsoDate(value)) {
      add(i, path, `${field} ${show(value)} is not a calendar date: expected YYYY-MM-DD`);
    }
  };
  const checkEnum = (i: number, path: string, field: string, value: unknown, allowed: string[]): void => {
    if (value !== undefined && !allowed.includes(value as string)) {
      add(i, path, `${field} ${show(value)} is not allowed: expected one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
    }
  };
  const checkAccountSpec = (i: number, path: string, spec: BankAccountSpec | undefined): void => {
    if (!spec) return;
    checkKonto(i, `${path}.kontonummer`, 'kontonummer', spec.kontonummer);
    if (spec.iban !== undefined) {
      const ip = ibanProblem(spec.iban);
      if (ip) add(i, `${path}.iban`, `iban ${show(spec.iban)} is not a valid Norwegian IBAN: ${ip}`);
    }
  };

  function checkClaim(e: ClaimRaised, i: number): void {
    const base = `events[${i}]`;
    const first = claimIds.get(e.kravidentifikator);
    if (first !== undefined) add(i, `${base}.kravidentifikator`, `kravidentifikator '${e.kravidentifikator}' is already used by events[${first}]`);
    else claimIds.set(e.kravidentifikator, i);
    checkOwner(i, e.partIdentifikator);
    checkEnum(i, `${base}.reskontro`, 'reskontro', e.reskontro ?? null, RESKONTRO);
    checkEnum(i, `${base}.fastsettingsmaate`, 'fastsettingsmaate', e.fastsettingsmaate, FASTSETTINGSMAATE);
    if (e.stipulerteRenter !== undefined && e.stipulerteRenter !== null && (!isAmount(e.stipulerteRenter) || e.stipulerteRenter < 0)) {
      add(i, `${base}.stipulerteRenter`, `stipulerteRenter ${show(e.stipulerteRenter)} is not allowed: expected omitted (computed), null (none) or an amount >= 0 with at most two decimals`);
    }
    const p = e.kravperiode;
    if (p) {
      if (p.fraDato !== undefined) checkDate(i, `${base}.kravperiode.fraDato`, 'kravperiode.fraDato', p.fraDato);
      if (p.tilDato !== undefined) checkDate(i, `${base}.kravperiode.tilDato`, 'kravperiode.tilDato', p.tilDato);
      if (p.fraDato !== undefined && p.tilDato !== undefined && isIsoDate(p.fraDato) && isIsoDate(p.tilDato) && p.fraDato > p.tilDato) {
        add(i, `${base}.kravperiode`, `kravperiode.fraDato '${p.fraDato}' is after kravperiode.tilDato '${p.tilDato}'`);
      }
    }
    checkAccountSpec(i, `${base}.konto`, e.konto);
    const forfall = Array.isArray(e.kravforfall) ? e.kravforfall : [];
    if (forfall.length === 0) add(i, `${base}.kravforfall`, 'kravforfall is empty: a claim needs at least one instalment');
    let debit = false;
    let credit = false;
    forfall.forEach((f, j) => {
      const path = `${base}.kravforfall[${j}]`;
      if (!isRecord(f)) {
        add(i, path, `kravforfall[${j}] is not an instalment: expected an object with kravforfallsIdentifikator, forfallsdato and beloep`);
        return;
      }
      const firstUse = instalmentIds.get(f.kravforfallsIdentifikator);
      if (firstUse !== undefined) {
        add(i, `${path}.kravforfallsIdentifikator`, `kravforfallsIdentifikator '${f.kravforfallsIdentifikator}' is already used by ${firstUse}`);
      } else instalmentIds.set(f.kravforfallsIdentifikator, path);
      checkDate(i, `${path}.forfallsdato`, 'forfallsdato', f.forfallsdato);
      if (!isAmount(f.beloep) || f.beloep === 0) {
        add(i, `${path}.beloep`, `beloep ${show(f.beloep)} is not an instalment amount: expected a non-zero number with at most two decimals (negative on a credit claim)`);
      } else if (f.beloep > 0) debit = true;
      else credit = true;
      checkKid(i, `${path}.kidnummer`, f.kidnummer);
    });
    if (debit && credit) {
      add(i, `${base}.kravforfall`, 'kravforfall mixes positive (debit) and negative (credit) instalments: a claim is either a debit or a credit claim');
    }
  }

  function checkPayment(e: PaymentReceived, i: number): void {
    const base = `events[${i}]`;
    const first = paymentIds.get(e.innbetalingsidentifikator);
    if (first !== undefined) {
      add(i, `${base}.innbetalingsidentifikator`, `innbetalingsidentifikator '${e.innbetalingsidentifikator}' is already used by events[${first}]`);
    } else paymentIds.set(e.innbetalingsidentifikator, i);
    checkOwner(i, e.partIdentifikator);
    checkPositive(i, `${base}.beloep`, 'beloep', e.beloep);
    checkKid(i, `${base}.kidnummer`, e.kidnummer);
    checkKonto(i, `${base}.betaler.kontonummer`, 'betaler.kontonummer', e.betaler?.kontonummer);
    checkEnum(i, `${base}.reskontro`, 'reskontro', e.reskontro, RESKONTRO);
  }

  function checkPayout(e: Payout, i: number): void {
    const base = `events[${i}]`;
    const first = payoutIds.get(e.utbetalingsidentifikator);
    if (first !== undefined) {
      add(i, `${base}.utbetalingsidentifikator`, `utbetalingsidentifikator '${e.utbetalingsidentifikator}' is already used by events[${first}]`);
    } else payoutIds.set(e.utbetalingsidentifikator, i);
    checkOwner(i, e.partIdentifikator);
    checkKonto(i, `${base}.mottaker.kontonummer`, 'mottaker.kontonummer', e.mottaker?.kontonummer);
    checkEnum(i, `${base}.status`, 'status', e.status, UTBETALINGSTATUS);
    const fra = Array.isArray(e.fraKreditkrav) ? e.fraKreditkrav : [];
    const tilbake = Array.isArray(e.tilbakebetalingAv) ? e.tilbakebetalingAv : [];
    if (fra.length === 0 && tilbake.length === 0) {
      add(i, base, 'a payout needs at least one part: fraKreditkrav and tilbakebetalingAv are both empty');
    }
    fra.forEach((p, j) => {
      if (!isRecord(p)) add(i, `${base}.fraKreditkrav[${j}]`, `fraKreditkrav[${j}] is not a part: expected an object with kravforfallsIdentifikator and beloep`);
      else checkPositive(i, `${base}.fraKreditkrav[${j}].beloep`, `fraKreditkrav[${j}].beloep`, p.beloep);
    });
    tilbake.forEach((p, j) => {
      if (!isRecord(p)) add(i, `${base}.tilbakebetalingAv[${j}]`, `tilbakebetalingAv[${j}] is not a part: expected an object with innbetalingsidentifikator and beloep`);
      else checkPositive(i, `${base}.tilbakebetalingAv[${j}].beloep`, `tilbakebetalingAv[${j}].beloep`, p.beloep);
    });
  }

  ledger.events.forEach((e: LedgerEvent, i) => {
    if (!e || typeof e !== 'object') {
      add(i, `events[${i}]`, `events[${i}] is not an event object`);
      return;
    }
    if (!EVENT_TYPES.includes(e.type)) {
      add(i, `events[${i}].type`, `type ${show((e as { type: unknown }).type)} is not an event type: expected one of ${EVENT_TYPES.join(', ')}`);
      return;
    }
    checkDate(i, `events[${i}].date`, 'date', e.date);
    switch (e.type) {
      case 'claimRaised':
        checkClaim(e, i);
        break;
      case 'paymentReceived':
        checkPayment(e, i);
        break;
      case 'paymentPlaced':
        checkPositive(i, `events[${i}].beloep`, 'beloep', e.beloep);
        break;
      case 'setOff':
        checkPositive(i, `events[${i}].beloep`, 'beloep', e.beloep);
        if (e.kreditKravforfallsIdentifikator === e.debetKravforfallsIdentifikator) {
          add(i, `events[${i}].debetKravforfallsIdentifikator`, `debetKravforfallsIdentifikator '${e.debetKravforfallsIdentifikator}' is the credit instalment itself: a set-off needs two different instalments`);
        }
        break;
      case 'payout':
        checkPayout(e, i);
        break;
      default:
        break;
    }
  });

  replay(ledger, END_OF_TIME, { report: (p) => problems.push(p) });
  // Stable: ledger-level first, then by event, each event's problems in the order they were found.
  return problems.map((p, n) => ({ p, n })).sort((a, b) => a.p.eventIndex - b.p.eventIndex || a.n - b.n).map(({ p }) => p);
}

/** One line per problem, for logs and error messages: `events[3].beloep: beloep 500 exceeds ...`. */
export function formatProblems(problems: readonly LedgerProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
