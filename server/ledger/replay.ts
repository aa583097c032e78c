// Replay: folds a party's events into the state at the clock. Events are applied in date order; events
// on the same date apply in list order (a stable sort). Events dated after the clock have not happened,
// so claims raised after it do not exist yet. Every number the views show is read from this state.
//
// The replay never throws on a bad ledger: an event it cannot apply (unknown reference, amount larger
// than what is left, duplicate id, invalid date) is skipped. When a problem sink is given (checkLedger
// does that), each skipped reference or amount is reported with a precise message.
import { isIsoDate } from './dates.js';
import type {
  ClaimRaised,
  InstalmentSpec,
  IsoDate,
  LedgerEvent,
  PartyLedger,
  PaymentPlaced,
  PaymentReceived,
  Payout,
  Reskontro,
  SetOff,
  SetOffInLegalOrder,
} from './events.js';
import { INTEREST_RATES, interestNumerator, truncatedInterest, type InterestRate } from './interest.js';
import { INTEREST_KRAVTYPER, sortInLegalOrder, type LegalOrderClaim } from './legal-order.js';
import { formatKr, isAmount, toOre, type Ore } from './money.js';
import { KidQueue } from './placement.js';
import { isRecord, type ProblemSink } from './problems.js';

export interface ClaimState {
  event: ClaimRaised;
  eventIndex: number;
  partIdentifikator: string;
  instalments: InstalmentState[];
  /** Σ instalment originals; negative for a credit claim. */
  original: Ore;
  /** Set-offs this (credit) claim paid with a `motregningsidentifikator`, in the order they happened. */
  motregninger: MotregningState[];
  /** For the legal order; `principal` is linked when the principal is in the ledger. */
  legal: LegalOrderClaim;
}

export interface InstalmentState {
  spec: InstalmentSpec;
  claim: ClaimState;
  /** Ledger position (claim event index, then instalment index); breaks ties deterministically. */
  order: number;
  forfallsdato: IsoDate;
  original: Ore;
  /** Debit: original − placed − set off (toward 0). Credit: original + set off + paid out (toward 0). */
  remaining: Ore;
  placements: PlacementRecord[];
  setOffs: SetOffRecord[];
  payouts: { payout: PayoutState; amount: Ore }[];
}

export interface PaymentState {
  event: PaymentReceived;
  eventIndex: number;
  partIdentifikator: string;
  reskontro: Reskontro;
  amount: Ore;
  unplaced: Ore;
  placements: PlacementRecord[];
  repayments: { payout: PayoutState; amount: Ore }[];
}

export interface PlacementRecord {
  payment: PaymentState;
  instalment: InstalmentState;
  amount: Ore;
  date: IsoDate;
}

export interface SetOffRecord {
  credit: InstalmentState;
  debit: InstalmentState;
  amount: Ore;
  date: IsoDate;
  motregningsidentifikator?: string | undefined;
  /** Stipulated interest of the debt at the set-off date (truncated kroner, in øre); 0 when none. */
  forsinkelsesrenter: Ore;
}

export interface MotregningState {
  motregningsidentifikator: string;
  date: IsoDate;
  setOffs: SetOffRecord[];
}

export interface PayoutState {
  event: Payout;
  eventIndex: number;
  partIdentifikator: string;
  total: Ore;
  fromCredit: { instalment: InstalmentState; amount: Ore }[];
  repaid: { payment: PaymentState; amount: Ore }[];
}

export interface LedgerState {
  partIdentifikator: string;
  clock: IsoDate;
  /** Claims raised on or before the clock, in ledger (list) order. */
  claims: ClaimState[];
  /** Payments received on or before the clock, in ledger order. */
  payments: PaymentState[];
  /** Payouts made on or before the clock, in ledger order. */
  payouts: PayoutState[];
}

export interface ReplayOptions {
  rates?: readonly InterestRate[];
  report?: ProblemSink;
}

/** A claim is an interest claim when it says so by kravtype or points at a principal. */
export function isInterestClaim(event: ClaimRaised): boolean {
  return event.hovedstolKravidentifikator !== undefined || INTEREST_KRAVTYPER.has(event.kravtype);
}

const byLedgerOrder = (a: { eventIndex: number }, b: { eventIndex: number }): number => a.eventIndex - b.eventIndex;

/** Where an id that is not (yet) known at an event's date is defined in the whole ledger. */
interface Definition {
  eventIndex: number;
  date: IsoDate;
  owner?: string;
}

export function replay(ledger: PartyLedger, clock: IsoDate, options: ReplayOptions = {}): LedgerState {
  const rates = options.rates ?? INTEREST_RATES;
  const report = options.report;
  const party = ledger.partIdentifikator;
  const events: LedgerEvent[] = Array.isArray(ledger.events) ? ledger.events : [];

  // Everything that is defined anywhere in the ledger: for payment reskontro defaults, and (only when
  // problems are reported) for messages about references.
  const instalmentDefinitions = new Map<string, Definition>();
  const paymentDefinitions = new Map<string, Definition>();
  const reskontroByKid = new Map<string, Reskontro>();
  // An instalment's ledger position (claim event index, then instalment index) as one small integer:
  // the instalments of all earlier claims in the list, plus its index. (eventIndex × 100 000 + index
  // passed V8's small-integer range beyond about 10 000 events, and every instalment object then
  // carried a boxed number: a party of 8 000 claims replayed 40 times slower than one of 2 000.)
  const instalmentOffsets = new Array<number>(events.length).fill(0);
  let instalmentCount = 0;
  events.forEach((e, eventIndex) => {
    if (!e || typeof e !== 'object') return;
    if (e.type === 'claimRaised' && Array.isArray(e.kravforfall)) {
      instalmentOffsets[eventIndex] = instalmentCount;
      instalmentCount += e.kravforfall.length;
      for (const f of e.kravforfall) {
        if (!isRecord(f)) continue;
        if (report && !instalmentDefinitions.has(f.kravforfallsIdentifikator)) {
          instalmentDefinitions.set(f.kravforfallsIdentifikator, { eventIndex, date: e.date, owner: e.kravidentifikator });
        }
        if (f.kidnummer !== undefined && !reskontroByKid.has(f.kidnummer)) reskontroByKid.set(f.kidnummer, e.reskontro);
      }
    } else if (report && e.type === 'paymentReceived' && !paymentDefinitions.has(e.innbetalingsidentifikator)) {
      paymentDefinitions.set(e.innbetalingsidentifikator, { eventIndex, date: e.date });
    }
  });

  const order = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e && typeof e === 'object' && typeof e.date === 'string' && isIsoDate(e.date) && e.date <= clock);
  order.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));

  const claims = new Map<string, ClaimState>();
  const instalments = new Map<string, InstalmentState>();
  const payments = new Map<string, PaymentState>();
  const payouts = new Map<string, PayoutState>();
  const byKid = new Map<string, KidQueue<InstalmentState>>();
  const motregningOwner = new Map<string, ClaimState>();
  /** Debit instalments with something left, for set-offs in legal order. */
  const openDebits = new Set<InstalmentState>();

  const problem = (eventIndex: number, path: string, message: string): void => report?.({ eventIndex, path, message });

  function notKnownYet(kind: 'instalment' | 'payment', field: string, id: string, eventIndex: number, path: string, date: IsoDate): void {
    if (!report) return;
    const def = (kind === 'instalment' ? instalmentDefinitions : paymentDefinitions).get(id);
    const what = kind === 'instalment' ? 'instalment (kravforfallsIdentifikator)' : 'payment (innbetalingsidentifikator)';
    if (!def) {
      problem(eventIndex, path, `${field} '${id}' does not match any ${what} in the ledger`);
    } else if (def.date === date) {
      problem(
        eventIndex,
        path,
        `${field} '${id}' is defined by events[${def.eventIndex}], which comes later in the list on the same date ${date} (events on one date apply in list order)`,
      );
    } else if (def.date > date) {
      const by = kind === 'instalment' ? `belongs to claim '${def.owner ?? ''}' raised on ${def.date}` : `is received on ${def.date}`;
      problem(eventIndex, path, `${field} '${id}' ${by}, after this event's date ${date}`);
    } else {
      // Defined earlier but skipped (duplicate id or invalid event): checkLedger reports that event.
      problem(eventIndex, path, `${field} '${id}' refers to ${kind === 'instalment' ? 'a claim' : 'a payment'} that could not be applied (see events[${def.eventIndex}])`);
    }
  }

  function findInstalment(field: string, id: unknown, eventIndex: number, path: string, date: IsoDate): InstalmentState | undefined {
    if (typeof id !== 'string') return undefined;
    const s = instalments.get(id);
    if (!s) notKnownYet('instalment', field, id, eventIndex, path, date);
    return s;
  }

  function findPayment(field: string, id: unknown, eventIndex: number, path: string, date: IsoDate): PaymentState | undefined {
    if (typeof id !== 'string') return undefined;
    const s = payments.get(id);
    if (!s) notKnownYet('payment', field, id, eventIndex, path, date);
    return s;
  }

  /** Reads a positive amount; invalid ones are reported by checkLedger's static pass and skipped here. */
  const positive = (value: unknown): Ore | undefined => (isAmount(value) && value > 0 ? toOre(value) : undefined);

  function place(payment: PaymentState, instalment: InstalmentState, amount: Ore, date: IsoDate): void {
    const record: PlacementRecord = { payment, instalment, amount, date };
    payment.unplaced -= amount;
    instalment.remaining -= amount;
    payment.placements.push(record);
    instalment.placements.push(record);
    if (instalment.remaining <= 0) openDebits.delete(instalment);
  }

  function claimHasInterest(claim: ClaimState): boolean {
    return claim.original > 0 && !isInterestClaim(claim.event) && claim.event.stipulerteRenter !== null;
  }

  function setOff(credit: InstalmentState, debit: InstalmentState, amount: Ore, date: IsoDate, motregningsidentifikator: string | undefined): void {
    const forsinkelsesrenter = claimHasInterest(debit.claim)
      ? truncatedInterest(interestNumerator(debit.remaining, debit.forfallsdato, date, rates))
      : 0;
    const record: SetOffRecord = { credit, debit, amount, date, motregningsidentifikator, forsinkelsesrenter };
    credit.remaining += amount;
    debit.remaining -= amount;
    credit.setOffs.push(record);
    debit.setOffs.push(record);
    if (debit.remaining <= 0) openDebits.delete(debit);
    if (motregningsidentifikator !== undefined) {
      const claim = credit.claim;
      let m = claim.motregninger.find((x) => x.motregningsidentifikator === motregningsidentifikator);
      if (!m) {
        m = { motregningsidentifikator, date, setOffs: [] };
        claim.motregninger.push(m);
      }
      m.setOffs.push(record);
    }
  }

  function raiseClaim(e: ClaimRaised, eventIndex: number): void {
    if (claims.has(e.kravidentifikator) || !Array.isArray(e.kravforfall) || e.kravforfall.length === 0) return;
    // Most claims have one instalment: the set of ids seen is made only for claims with more.
    const seen = e.kravforfall.length > 1 ? new Set<string>() : undefined;
    for (const f of e.kravforfall) {
      if (!isRecord(f)) return;
      if (instalments.has(f.kravforfallsIdentifikator) || seen?.has(f.kravforfallsIdentifikator)) return;
      if (!isIsoDate(f.forfallsdato) || !isAmount(f.beloep)) return;
      seen?.add(f.kravforfallsIdentifikator);
    }
    const claim: ClaimState = {
      event: e,
      eventIndex,
      partIdentifikator: e.partIdentifikator ?? party,
      instalments: [],
      original: 0,
      motregninger: [],
      legal: {
        kravtype: e.kravtype,
        kravgruppe: e.kravgruppe,
        aar: e.kravperiode?.aar,
        principal: e.hovedstolKravidentifikator !== undefined ? claims.get(e.hovedstolKravidentifikator)?.legal : undefined,
      },
    };
    e.kravforfall.forEach((f, i) => {
      const original = toOre(f.beloep);
      const s: InstalmentState = {
        spec: f,
        claim,
        order: instalmentOffsets[eventIndex]! + i,
        forfallsdato: f.forfallsdato,
        original,
        remaining: original,
        placements: [],
        setOffs: [],
        payouts: [],
      };
      claim.original += original;
      claim.instalments.push(s);
      instalments.set(f.kravforfallsIdentifikator, s);
      if (original > 0) openDebits.add(s);
      if (f.kidnummer !== undefined && original > 0) {
        let queue = byKid.get(f.kidnummer);
        if (!queue) {
          queue = new KidQueue<InstalmentState>();
          byKid.set(f.kidnummer, queue);
        }
        queue.add(s);
      }
    });
    claims.set(e.kravidentifikator, claim);
  }

  function receivePayment(e: PaymentReceived, eventIndex: number): void {
    const amount = positive(e.beloep);
    if (payments.has(e.innbetalingsidentifikator) || amount === undefined) return;
    const payment: PaymentState = {
      event: e,
      eventIndex,
      partIdentifikator: e.partIdentifikator ?? party,
      reskontro: e.reskontro ?? (e.kidnummer !== undefined ? reskontroByKid.get(e.kidnummer) : undefined) ?? 'skatteinnkreving',
      amount,
      unplaced: amount,
      placements: [],
      repayments: [],
    };
    payments.set(e.innbetalingsidentifikator, payment);
    if (e.autoPlace === false || e.kidnummer === undefined) return;
    const queue = byKid.get(e.kidnummer);
    if (queue) for (const part of queue.plan(amount)) place(payment, part.target, part.amount, e.date);
  }

  function placePayment(e: PaymentPlaced, eventIndex: number): void {
    const base = `events[${eventIndex}]`;
    const payment = findPayment('innbetalingsidentifikator', e.innbetalingsidentifikator, eventIndex, `${base}.innbetalingsidentifikator`, e.date);
    const instalment = findInstalment('kravforfallsIdentifikator', e.kravforfallsIdentifikator, eventIndex, `${base}.kravforfallsIdentifikator`, e.date);
    const amount = positive(e.beloep);
    if (!payment || !instalment || amount === undefined) return;
    let ok = true;
    if (instalment.original < 0) {
      problem(
        eventIndex,
        `${base}.kravforfallsIdentifikator`,
        `kravforfallsIdentifikator '${e.kravforfallsIdentifikator}' is a credit instalment (beloep ${formatKr(instalment.original)}): payments are placed on debit instalments (positive amount)`,
      );
      ok = false;
    }
    if (amount > payment.unplaced) {
      problem(
        eventIndex,
        `${base}.beloep`,
        `beloep ${formatKr(amount)} exceeds the unplaced amount left on payment '${e.innbetalingsidentifikator}' (${formatKr(payment.unplaced)} on ${e.date})`,
      );
      ok = false;
    }
    if (instalment.original > 0 && amount > instalment.remaining) {
      problem(
        eventIndex,
        `${base}.beloep`,
        `beloep ${formatKr(amount)} exceeds the amount left on instalment '${e.kravforfallsIdentifikator}' (${formatKr(instalment.remaining)} on ${e.date})`,
      );
      ok = false;
    }
    if (ok) place(payment, instalment, amount, e.date);
  }

  /** Checks that an instalment can serve as credit; reports and returns false otherwise. */
  function usableCredit(credit: InstalmentState, field: string, eventIndex: number, path: string, purpose: string): boolean {
    if (credit.original > 0) {
      problem(
        eventIndex,
        path,
        `${field} '${credit.spec.kravforfallsIdentifikator}' is a debit instalment (beloep ${formatKr(credit.original)}): only a credit instalment (negative amount) can be ${purpose}`,
      );
      return false;
    }
    return true;
  }

  function motregningFits(credit: InstalmentState, id: string | undefined, eventIndex: number, path: string): boolean {
    if (id === undefined) return true;
    const owner = motregningOwner.get(id);
    if (owner && owner !== credit.claim) {
      problem(
        eventIndex,
        path,
        `motregningsidentifikator '${id}' is already used for a set-off from claim '${owner.event.kravidentifikator}': one motregning uses the credit of one claim`,
      );
      return false;
    }
    motregningOwner.set(id, credit.claim);
    return true;
  }

  function applySetOff(e: SetOff, eventIndex: number): void {
    const base = `events[${eventIndex}]`;
    const credit = findInstalment('kreditKravforfallsIdentifikator', e.kreditKravforfallsIdentifikator, eventIndex, `${base}.kreditKravforfallsIdentifikator`, e.date);
    const debit = findInstalment('debetKravforfallsIdentifikator', e.debetKravforfallsIdentifikator, eventIndex, `${base}.debetKravforfallsIdentifikator`, e.date);
    const amount = positive(e.beloep);
    if (!credit || !debit || amount === undefined) return;
    let ok = usableCredit(credit, 'kreditKravforfallsIdentifikator', eventIndex, `${base}.kreditKravforfallsIdentifikator`, 'used as credit');
    if (debit.original < 0) {
      problem(
        eventIndex,
        `${base}.debetKravforfallsIdentifikator`,
        `debetKravforfallsIdentifikator '${e.debetKravforfallsIdentifikator}' is a credit instalment (beloep ${formatKr(debit.original)}): a set-off covers a debit instalment (positive amount)`,
      );
      ok = false;
    }
    if (ok && amount > -credit.remaining) {
      problem(
        eventIndex,
        `${base}.beloep`,
        `beloep ${formatKr(amount)} exceeds the credit left on instalment '${e.kreditKravforfallsIdentifikator}' (${formatKr(-credit.remaining)} on ${e.date})`,
      );
      ok = false;
    }
    if (debit.original > 0 && amount > debit.remaining) {
      problem(
        eventIndex,
        `${base}.beloep`,
        `beloep ${formatKr(amount)} exceeds the debt left on instalment '${e.debetKravforfallsIdentifikator}' (${formatKr(debit.remaining)} on ${e.date})`,
      );
      ok = false;
    }
    if (ok && motregningFits(credit, e.motregningsidentifikator, eventIndex, `${base}.motregningsidentifikator`)) {
      setOff(credit, debit, amount, e.date, e.motregningsidentifikator);
    }
  }

  /**
   * Expands a set-off in legal order: the credit covers the party's due debts (forfallsdato on or
   * before the set-off date) by § 13-6-1 class, oldest due date first, as far as it reaches.
   */
  function applySetOffInLegalOrder(e: SetOffInLegalOrder, eventIndex: number): void {
    const base = `events[${eventIndex}]`;
    const path = `${base}.kreditKravforfallsIdentifikator`;
    const credit = findInstalment('kreditKravforfallsIdentifikator', e.kreditKravforfallsIdentifikator, eventIndex, path, e.date);
    if (!credit || !usableCredit(credit, 'kreditKravforfallsIdentifikator', eventIndex, path, 'used as credit')) return;
    if (!motregningFits(credit, e.motregningsidentifikator, eventIndex, `${base}.motregningsidentifikator`)) return;
    const due = [...openDebits]
      .filter((d) => d.remaining > 0 && d.forfallsdato <= e.date)
      .map((d) => ({ claim: d.claim.legal, forfallsdato: d.forfallsdato, order: d.order, debit: d }));
    for (const { debit } of sortInLegalOrder(due, e.date)) {
      const left = -credit.remaining;
      if (left <= 0) break;
      setOff(credit, debit, Math.min(left, debit.remaining), e.date, e.motregningsidentifikator);
    }
  }

  function makePayout(e: Payout, eventIndex: number): void {
    if (payouts.has(e.utbetalingsidentifikator)) return;
    const base = `events[${eventIndex}]`;
    const payout: PayoutState = {
      event: e,
      eventIndex,
      partIdentifikator: e.partIdentifikator ?? party,
      total: 0,
      fromCredit: [],
      repaid: [],
    };
    (Array.isArray(e.fraKreditkrav) ? e.fraKreditkrav : []).forEach((part, i) => {
      if (!isRecord(part)) return;
      const path = `${base}.fraKreditkrav[${i}]`;
      const credit = findInstalment(`fraKreditkrav[${i}].kravforfallsIdentifikator`, part.kravforfallsIdentifikator, eventIndex, `${path}.kravforfallsIdentifikator`, e.date);
      const amount = positive(part.beloep);
      if (!credit || amount === undefined) return;
      if (!usableCredit(credit, `fraKreditkrav[${i}].kravforfallsIdentifikator`, eventIndex, `${path}.kravforfallsIdentifikator`, 'paid out')) return;
      if (amount > -credit.remaining) {
        problem(
          eventIndex,
          `${path}.beloep`,
          `fraKreditkrav[${i}].beloep ${formatKr(amount)} exceeds the credit left on instalment '${part.kravforfallsIdentifikator}' (${formatKr(-credit.remaining)} on ${e.date})`,
        );
        return;
      }
      credit.remaining += amount;
      credit.payouts.push({ payout, amount });
      payout.fromCredit.push({ instalment: credit, amount });
      payout.total += amount;
    });
    (Array.isArray(e.tilbakebetalingAv) ? e.tilbakebetalingAv : []).forEach((part, i) => {
      if (!isRecord(part)) return;
      const path = `${base}.tilbakebetalingAv[${i}]`;
      const payment = findPayment(`tilbakebetalingAv[${i}].innbetalingsidentifikator`, part.innbetalingsidentifikator, eventIndex, `${path}.innbetalingsidentifikator`, e.date);
      const amount = positive(part.beloep);
      if (!payment || amount === undefined) return;
      if (amount > payment.unplaced) {
        problem(
          eventIndex,
          `${path}.beloep`,
          `tilbakebetalingAv[${i}].beloep ${formatKr(amount)} exceeds the unplaced amount left on payment '${part.innbetalingsidentifikator}' (${formatKr(payment.unplaced)} on ${e.date})`,
        );
        return;
      }
      payment.unplaced -= amount;
      payment.repayments.push({ payout, amount });
      payout.repaid.push({ payment, amount });
      payout.total += amount;
    });
    if (payout.fromCredit.length > 0 || payout.repaid.length > 0) payouts.set(e.utbetalingsidentifikator, payout);
  }

  for (const { e, i } of order) {
    switch (e.type) {
      case 'claimRaised':
        raiseClaim(e, i);
        break;
      case 'paymentReceived':
        receivePayment(e, i);
        break;
      case 'paymentPlaced':
        placePayment(e, i);
        break;
      case 'setOff':
        applySetOff(e, i);
        break;
      case 'setOffInLegalOrder':
        applySetOffInLegalOrder(e, i);
        break;
      case 'payout':
        makePayout(e, i);
        break;
      default:
        break; // unknown types are reported by checkLedger
    }
  }

  return {
    partIdentifikator: party,
    clock,
    claims: [...claims.values()].sort(byLedgerOrder),
    payments: [...payments.values()].sort(byLedgerOrder),
    payouts: [...payouts.values()].sort(byLedgerOrder),
  };
}
