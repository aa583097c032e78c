// One generated party's ledger at a clock: its claims from the real calendars (MVA terms, A-melding
// terms, forskuddsskatt, the yearly assessment with restskatt or tilgodeskatt) over the built-in
// parties' history window (fixtures/builtin/window.ts: about twenty months back, plus what is issued
// but not yet due), and what the party did about them, played forward in date order:
//
// - payments by KID on time, late (then a Forsinkelsesrente claim, linked to its principal), in part,
//   or not at all, by the party's payment behaviour; overpayments whose excess stays unplaced until it
//   is paid back (a payout with tilbakebetalingAv);
// - now and then a payment without KID: unplaced, then placed by hand or paid back;
// - credits (tilgodeskatt, an MVA refund) set off against overdue debts in legal order, the rest paid out.
//
// Claims are written with the built-in parties' functions (fixtures/builtin/claims.ts) on the same
// LedgerBuilder, which drops anything dated after the clock and refuses non-banking days and
// duplicate ids or KIDs. The generator keeps its own running account of what is left on each
// instalment, mirroring the ledger's KID placement (oldest instalment first); after a set-off, whose
// reach the legal order decides, it reads the ledger's own replay instead.
import type { Faker } from '@faker-js/faker';
import { type ClaimRef, LedgerBuilder } from '../../fixtures/builtin/builder.js';
import {
  type AMeldingKravtype,
  lateDate,
  onTimeDate,
  payByKid,
  raiseAMelding,
  raiseForskuddsskatt,
  raiseLateInterest,
  raiseMva,
  raiseRestskatt,
  raiseTilgodeskatt,
} from '../../fixtures/builtin/claims.js';
import { nextWorkingDay, previousWorkingDay, yearOf } from '../../fixtures/builtin/schedules.js';
import { addDays, daysBetween } from '../ledger/dates.js';
import type { IsoDate, PartyLedger, PayerSpec, PaymentReceived, Reskontro } from '../ledger/events.js';
import { toKr } from '../ledger/money.js';
import { replay } from '../ledger/replay.js';
import { RunCalendar } from './calendar.js';
import { raiseForskuddsskattAs, raiseLateInterestOnRestskattAs, raiseRestskattAs, raiseTilgodeskattAs } from './company-claims.js';
import { thirdPartyPayer } from './contract-values.js';
import { type GeneratedProfile, generateProfile } from './profile.js';
import { Rng, createRunFaker, partySeed } from './random.js';

export interface RunContext {
  seed: number;
  clock: IsoDate;
  /** The run's Faker; re-seeded for every party. */
  faker: Faker;
  calendar: RunCalendar;
}

export function createRunContext(seed: number, clock: IsoDate): RunContext {
  return { seed, clock, faker: createRunFaker(), calendar: new RunCalendar(clock) };
}

export interface GeneratedParty {
  ledger: PartyLedger;
  profile: GeneratedProfile;
  /** Claims in the ledger (claimRaised events). */
  claims: number;
}

type Kind = 'mva' | 'ARBGAVG' | 'FORSKTREKK' | 'forskudd' | 'restskatt' | 'rente' | 'kreditt';

/** Claim kinds a Forsinkelsesrente claim is raised for when paid late (choice: late forskuddsskatt is settled in the assessment). */
const INTEREST_KINDS: ReadonlySet<Kind> = new Set(['mva', 'ARBGAVG', 'FORSKTREKK', 'restskatt']);

interface Tracked {
  ref: ClaimRef;
  kind: Kind;
  /** Left on each instalment, whole kroner (negative on a credit). */
  remaining: number[];
  /** Paid or set off after each instalment's due date. */
  late: number[];
  interestRaised: boolean;
  /** Someone else pays this claim. */
  payer?: PayerSpec;
}

interface Unplaced {
  payment: PaymentReceived;
  left: number;
}

type Decision =
  | { mode: 'onTime' }
  | { mode: 'late'; days: number }
  | { mode: 'partial'; share: number }
  | { mode: 'unpaid' }
  | { mode: 'over'; extra: number };

/** Actions in date order; same-day actions in the order they were scheduled. */
class Timeline {
  private readonly queue: { date: IsoDate; run: (date: IsoDate) => void }[] = [];
  private now: IsoDate = '0000-01-01';

  at(date: IsoDate, run: (date: IsoDate) => void): void {
    if (date < this.now) throw new Error(`action dated ${date} scheduled at ${this.now}`);
    const item = { date, run };
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.queue[mid]!.date <= date) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, item);
  }

  /** Runs every action dated on or before `clock` (later ones have not happened). */
  run(clock: IsoDate): void {
    while (this.queue.length > 0 && this.queue[0]!.date <= clock) {
      const item = this.queue.shift()!;
      this.now = item.date;
      item.run(item.date);
    }
  }
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const shortDate = (d: IsoDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(2, 4)}`;

/** Party `index` of a run: profile, claims and what happened to them up to the clock. */
export function generateParty(ctx: RunContext, index: number): GeneratedParty {
  const seed = partySeed(ctx.seed, index);
  ctx.faker.seed(seed);
  const rng = new Rng(ctx.faker);
  const profile = generateProfile(ctx.seed, index, seed, rng);
  const g = new PartyGenerator(ctx.calendar, profile, rng, seed);
  const ledger = g.build();
  return { ledger, profile, claims: ledger.events.reduce((n, e) => n + (e.type === 'claimRaised' ? 1 : 0), 0) };
}

class PartyGenerator {
  private readonly b: LedgerBuilder;
  private readonly timeline = new Timeline();
  private readonly tracked = new Map<string, Tracked>();
  private readonly order: Tracked[] = [];
  private readonly thirdParty: PayerSpec | undefined;
  /** Arrears: claims due from this date on are left unpaid or part paid. */
  private readonly arrearsFrom: IsoDate;

  private readonly clock: IsoDate;

  constructor(
    private readonly cal: RunCalendar,
    private readonly p: GeneratedProfile,
    private readonly rng: Rng,
    seed: number,
  ) {
    this.clock = cal.clock;
    this.b = new LedgerBuilder(this.clock, p.builder);
    this.arrearsFrom = addDays(this.clock, -rng.int(40, 240));
    if (p.thirdParty) {
      const lastName = p.builder.owner.navn.split(' ').slice(-1)[0] ?? '';
      this.thirdParty = thirdPartyPayer(rng.faker, seed, p.thirdParty.rolle, lastName);
    }
  }

  build(): PartyLedger {
    if (this.p.mva) this.mva();
    if (this.p.employer) this.aMelding();
    this.forskuddsskatt();
    this.assessments();
    if (this.p.betalerUtenKid) this.paymentWithoutKid();
    this.timeline.run(this.clock);
    const ledger = this.b.ledger();
    if (this.p.form === 'AS') delete ledger.tilknyttedeParter; // an AS answers for itself only
    if (this.p.skjermet) ledger.skjermet = true;
    return ledger;
  }

  // -------------------------------------------------------------------------------------------
  // Claims

  private track(ref: ClaimRef, kind: Kind, payer?: PayerSpec): Tracked {
    const t: Tracked = {
      ref,
      kind,
      remaining: ref.instalments.map((f) => f.beloep),
      late: ref.instalments.map(() => 0),
      interestRaised: false,
    };
    if (payer) t.payer = payer;
    this.tracked.set(ref.claim.kravidentifikator, t);
    this.order.push(t);
    return t;
  }

  /** Who pays the business's VAT and A-melding, when not the business itself. */
  private get businessPayer(): PayerSpec | undefined {
    return this.p.thirdParty?.rolle === 'regnskapsfoerer' ? this.thirdParty : undefined;
  }

  /** Who pays the owner's personal taxes, when not the owner. */
  private get ownerPayer(): PayerSpec | undefined {
    return this.p.thirdParty?.rolle === 'ektefelle' ? this.thirdParty : undefined;
  }

  private mva(): void {
    const perTerm = (this.p.omsetning / 6) * 0.25 * this.p.verdiskapning;
    for (const term of this.cal.mvaTerms) {
      const refund = this.rng.chance(0.04);
      const amount = Math.max(1_000, Math.round(perTerm * this.rng.float(0.6, 1.4)));
      const ref = raiseMva(this.b, term, refund ? -Math.max(1_000, Math.round(amount * this.rng.float(0.3, 1.5))) : amount);
      if (!ref) continue;
      if (refund) this.credit(this.track(ref, 'kreditt'), 'business', `Tilgode mva ${term.schedule.beskrivelse} ${term.aar}`);
      else this.planDebt(this.track(ref, 'mva', this.businessPayer));
    }
  }

  private aMelding(): void {
    const e = this.p.employer!;
    for (const term of this.cal.aMeldingTerms) {
      const gross = 2 * e.ansatte * e.maanedsloenn * this.rng.float(0.9, 1.12);
      // June (term 3) pays holiday pay without tax deduction; November (term 6) deducts half tax.
      const trekkFactor = term.termin === 3 ? 0.85 : term.termin === 6 ? 0.75 : 1;
      const amounts: [AMeldingKravtype, number][] = [
        ['ARBGAVG', Math.round(gross * e.agaSats)],
        ['FORSKTREKK', Math.round(gross * e.trekkprosent * trekkFactor)],
      ];
      for (const [kravtype, amount] of amounts) {
        if (amount <= 0) continue; // zone 5: no arbeidsgiveravgift
        const ref = raiseAMelding(this.b, term, kravtype, amount);
        if (ref) this.planDebt(this.track(ref, kravtype, this.businessPayer));
      }
    }
  }

  /** Forskuddsskatt for every income year with an instalment in the window (issued ones only). */
  private forskuddsskatt(): void {
    if (this.p.forskuddsskatt <= 0) return;
    const from = this.cal.historyStart;
    const y = yearOf(this.clock);
    for (let year = y - 3; year <= y + 1; year += 1) {
      const enk = this.p.form === 'ENK';
      const due = this.cal.forskuddsskattDueDates(this.p.form, year);
      if (due[due.length - 1]! < from) continue;
      const step = enk ? 400 : 200; // equal instalments in whole hundreds
      const annual = Math.max(step, Math.round((this.p.forskuddsskatt * this.rng.float(0.9, 1.1)) / step) * step);
      const ref = enk ? raiseForskuddsskatt(this.b, year, annual) : raiseForskuddsskattAs(this.b, year, annual);
      if (!ref) continue;
      const t = this.track(ref, 'forskudd', enk ? this.ownerPayer : undefined);
      if (enk && this.p.atferd === 'punctual' && this.rng.chance(0.12)) {
        // pays the whole year with the first instalment
        this.timeline.at(onTimeDate(ref, 0, `${this.p.builder.orgnr}/forskudd-alt/${year}`), (date) => this.payKid(t, date, annual));
        continue;
      }
      ref.instalments.forEach((_, i) => this.planInstalment(t, i));
    }
  }

  /** The yearly assessment: restskatt or tilgodeskatt (or neither, within ±1 000). */
  private assessments(): void {
    const { month, day } = this.p.oppgjoer;
    const enk = this.p.form === 'ENK';
    for (const year of this.cal.assessedYears(month, day)) {
      const sent = this.cal.oppgjoersdato(year, month, day);
      // with forskuddsskatt: the assessment corrects it either way; without: the year's tax, if any
      const diff =
        this.p.forskuddsskatt > 0
          ? Math.round(this.p.forskuddsskatt * this.rng.float(-0.35, 0.45))
          : this.rng.chance(0.3)
            ? 0
            : Math.round(this.p.skattbartOverskudd * (enk ? 0.28 : 0.22) * this.rng.float(0.5, 1.2));
      if (diff >= 1_000) {
        const ref = enk ? raiseRestskatt(this.b, year, sent, diff) : raiseRestskattAs(this.b, year, sent, diff);
        if (ref) this.planDebt(this.track(ref, 'restskatt', enk ? this.ownerPayer : undefined));
      } else if (diff <= -1_000) {
        const ref = enk ? raiseTilgodeskatt(this.b, year, sent, -diff) : raiseTilgodeskattAs(this.b, year, sent, -diff);
        if (ref) this.credit(this.track(ref, 'kreditt'), enk ? 'owner' : 'business', `Tilgode skatt ${year}`);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Paying

  private decide(t: Tracked, forfallsdato: IsoDate): Decision {
    const r = this.rng;
    switch (this.p.atferd) {
      case 'punctual':
        return r.chance(0.03) ? { mode: 'late', days: r.int(1, 10) } : { mode: 'onTime' };
      case 'late':
        return r.chance(0.35) ? { mode: 'late', days: r.int(5, 75) } : { mode: 'onTime' };
      case 'overpays':
        if (t.kind !== 'mva' && t.kind !== 'ARBGAVG' && t.kind !== 'FORSKTREKK') return { mode: 'onTime' };
        if (!r.chance(0.3)) return { mode: 'onTime' };
        return { mode: 'over', extra: r.chance(0.5) ? 0 : r.int(1, 20) * 500 };
      case 'arrears':
        if (forfallsdato >= this.arrearsFrom) return r.chance(0.6) ? { mode: 'unpaid' } : { mode: 'partial', share: r.float(0.2, 0.7) };
        return r.chance(0.4) ? { mode: 'late', days: r.int(10, 150) } : { mode: 'onTime' };
      default:
        return { mode: 'onTime' };
    }
  }

  /** A claim paid as one (single instalment, or restskatt whose late instalments are paid together). */
  private planDebt(t: Tracked): void {
    if (t.ref.instalments.length === 1 || this.p.atferd === 'punctual' || this.p.atferd === 'overpays') {
      t.ref.instalments.forEach((_, i) => this.planInstalment(t, i));
      return;
    }
    const d = this.decide(t, t.ref.instalments[0]!.forfallsdato);
    if (d.mode === 'late') {
      this.timeline.at(lateDate(t.ref, 0, d.days), (date) => this.payKid(t, date, sum(t.remaining)));
    } else {
      t.ref.instalments.forEach((_, i) => this.planInstalment(t, i));
    }
  }

  private planInstalment(t: Tracked, i: number): void {
    const f = t.ref.instalments[i]!;
    const d = this.decide(t, f.forfallsdato);
    const key = `${this.p.builder.orgnr}/${t.ref.claim.kravidentifikator}/${i}`;
    switch (d.mode) {
      case 'onTime':
        this.timeline.at(onTimeDate(t.ref, i, key), (date) => this.payKid(t, date, t.remaining[i]!));
        break;
      case 'late':
        this.timeline.at(lateDate(t.ref, i, d.days), (date) => this.payKid(t, date, t.remaining[i]!));
        break;
      case 'partial':
        this.timeline.at(lateDate(t.ref, i, this.rng.int(0, 30)), (date) => this.payKid(t, date, Math.round(t.remaining[i]! * d.share)));
        break;
      case 'over':
        this.timeline.at(onTimeDate(t.ref, i, key), (date) => {
          const left = t.remaining[i]!;
          if (left <= 0) return;
          // rounded up to the next thousand, or a slip of the finger
          const extra = d.extra > 0 ? d.extra : Math.ceil((left + 1) / 1_000) * 1_000 - left;
          this.payKid(t, date, left + extra);
        });
        break;
      case 'unpaid':
        break;
    }
  }

  /** A KID payment of `amount` on the claim, placed as the ledger places it: oldest open instalment first. */
  private payKid(t: Tracked, date: IsoDate, amount: number): void {
    if (!(amount > 0)) return;
    const payment = payByKid(this.b, t.ref, date, amount);
    if (!payment) return;
    if (t.payer) payment.betaler = { ...t.payer }; // the event the builder recorded: paid by someone else
    let left = amount;
    t.ref.instalments.forEach((f, i) => {
      const part = Math.min(left, t.remaining[i]!);
      if (part <= 0) return;
      t.remaining[i]! -= part;
      left -= part;
      if (date > f.forfallsdato) t.late[i]! += part;
    });
    if (left > 0) this.keepUnplaced({ payment, left }, 'repay');
    this.settled(t, date);
  }

  /** After a claim is fully covered late: its Forsinkelsesrente claim (the day after), paid by behaviour. */
  private settled(t: Tracked, date: IsoDate): void {
    if (t.interestRaised || !INTEREST_KINDS.has(t.kind) || sum(t.remaining) !== 0 || sum(t.late) <= 0) return;
    t.interestRaised = true;
    const late = [...t.late];
    this.timeline.at(nextWorkingDay(addDays(date, 1)), () => {
      const asRestskatt = t.kind === 'restskatt' && this.p.form === 'AS';
      const ref = asRestskatt ? raiseLateInterestOnRestskattAs(this.b, t.ref, date, late) : raiseLateInterest(this.b, t.ref, date, late);
      if (!ref) return;
      const rente = this.track(ref, 'rente', t.payer);
      const unpaid = this.p.atferd === 'arrears' && this.rng.chance(0.5);
      if (!unpaid) {
        this.timeline.at(onTimeDate(ref, 0, `${this.p.builder.orgnr}/rente/${ref.claim.kravidentifikator}`), (d) => this.payKid(rente, d, rente.remaining[0]!));
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Payments without KID, overpayments

  private paymentWithoutKid(): void {
    const from = addDays(this.clock, -300);
    const date = previousWorkingDay(addDays(from, this.rng.int(0, 299)));
    const reskontro: Reskontro = this.p.mva && this.rng.chance(0.5) ? 'mva' : 'skatteinnkreving';
    const beloep = this.rng.int(2, 60) * 500;
    const year = yearOf(date);
    const owner = this.p.form === 'ENK' && reskontro === 'skatteinnkreving';
    const melding =
      reskontro === 'mva'
        ? this.rng.pick(['Mva', 'Merverdiavgift', `Betaling mva ${this.p.builder.orgnr}`, `Mva ${year}`])
        : owner
          ? this.rng.pick([`Skatt ${year}`, `Forskuddsskatt ${year}`, `Restskatt ${year - 1}`, 'Skatt'])
          : this.rng.pick([`Skatt ${this.p.builder.orgnr}`, `Forskuddsskatt ${year}`, 'Arbeidsgiveravgift', 'Skattetrekk']);
    const betaler: PayerSpec = owner
      ? (this.ownerPayer ?? { navn: this.p.builder.owner.navn, kontonummer: this.p.builder.owner.kontonummer })
      : (this.businessPayer ?? { navn: this.p.builder.navn, kontonummer: this.p.builder.kontonummer });
    const handPlace = this.rng.chance(0.5);
    this.timeline.at(date, () => {
      const payment: PaymentReceived = {
        type: 'paymentReceived',
        date,
        innbetalingsidentifikator: this.b.id(reskontro === 'mva' ? 'mvaForf' : 'innbetaling', date, 20),
        beloep,
        melding,
        betaler: { ...betaler },
        reskontro,
        innbetalingstype: 'Bankoverføring',
      };
      if (owner) payment.partIdentifikator = this.p.builder.owner.fnr;
      if (!this.b.pay(payment)) return;
      this.keepUnplaced({ payment, left: beloep }, handPlace ? 'place' : 'repay');
    });
  }

  /**
   * What happens to money left unplaced: placed by hand on the oldest overdue instalment of its ledger
   * a few days later (when there is one), and whatever is still left paid back a few weeks later —
   * both only once they have happened; until then it stays unplaced.
   */
  private keepUnplaced(u: Unplaced, first: 'place' | 'repay'): void {
    const received = u.payment.date;
    if (first === 'place') {
      this.timeline.at(nextWorkingDay(addDays(received, this.rng.int(3, 10))), (date) => this.placeByHand(u, date));
    }
    this.timeline.at(nextWorkingDay(addDays(received, this.rng.int(12, 35))), (date) => this.repay(u, date));
  }

  private placeByHand(u: Unplaced, date: IsoDate): void {
    const reskontro = u.payment.reskontro;
    for (const t of this.order) {
      if (u.left <= 0) break;
      if (t.ref.claim.reskontro !== reskontro || t.kind === 'kreditt') continue;
      t.ref.instalments.forEach((f, i) => {
        const part = Math.min(u.left, t.remaining[i]!);
        if (part <= 0 || f.forfallsdato >= date || u.left <= 0) return;
        this.b.place({ date, innbetalingsidentifikator: u.payment.innbetalingsidentifikator, kravforfallsIdentifikator: f.kravforfallsIdentifikator, beloep: part });
        t.remaining[i]! -= part;
        u.left -= part;
        t.late[i]! += part;
      });
      this.settled(t, date);
    }
  }

  private repay(u: Unplaced, date: IsoDate): void {
    if (u.left <= 0) return;
    const payer = u.payment.betaler;
    const mottaker = payer.kontonummer ? { navn: payer.navn, kontonummer: payer.kontonummer } : { navn: payer.navn };
    const payout = this.b.payout({
      date,
      utbetalingsidentifikator: this.b.id('utbetaling', date, 1),
      ...(u.payment.partIdentifikator ? { partIdentifikator: u.payment.partIdentifikator } : {}),
      mottaker,
      melding: `For mye betalt ${shortDate(u.payment.date)}`,
      status: this.status(date),
      tilbakebetalingAv: [{ innbetalingsidentifikator: u.payment.innbetalingsidentifikator, beloep: u.left }],
    });
    if (payout) u.left = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Credits

  /**
   * A credit (tilgodeskatt, MVA refund): set off against the party's overdue debts in legal order a
   * few days after it arises (when there are any), the rest paid out to `to` a little later.
   */
  private credit(t: Tracked, to: 'business' | 'owner', melding: string): void {
    const created = t.ref.claim.date;
    const kreditId = t.ref.instalments[0]!.kravforfallsIdentifikator;
    this.timeline.at(nextWorkingDay(addDays(created, this.rng.int(2, 4))), (date) => {
      const hasDebt = this.order.some((d) => d.kind !== 'kreditt' && d.ref.instalments.some((f, i) => d.remaining[i]! > 0 && f.forfallsdato <= date));
      if (!hasDebt) return;
      this.b.setOffInLegalOrder({ date, kreditKravforfallsIdentifikator: kreditId, motregningsidentifikator: this.b.id('motregning', date, 1) });
      this.resync(date);
    });
    this.timeline.at(nextWorkingDay(addDays(created, this.rng.int(7, 21))), (date) => {
      const left = -this.b.remainingAt(kreditId, date);
      if (left <= 0) return;
      const owner = to === 'owner';
      const who = owner ? this.p.builder.owner : { navn: this.p.builder.navn, kontonummer: this.p.builder.kontonummer };
      this.b.payout({
        date,
        utbetalingsidentifikator: this.b.id('utbetaling', date, 2),
        ...(owner ? { partIdentifikator: this.p.builder.owner.fnr } : {}),
        mottaker: { navn: who.navn, kontonummer: who.kontonummer },
        melding,
        status: this.status(date),
        fraKreditkrav: [{ kravforfallsIdentifikator: kreditId, beloep: left }],
      });
      t.remaining[0] = 0;
    });
  }

  /** The running account brought in line with the ledger's replay (after a set-off in legal order). */
  private resync(date: IsoDate): void {
    const state = replay(this.b.ledger(), date);
    for (const c of state.claims) {
      const t = this.tracked.get(c.event.kravidentifikator);
      if (!t) continue;
      c.instalments.forEach((inst, i) => {
        const now = toKr(inst.remaining);
        const covered = t.remaining[i]! - now;
        if (t.kind !== 'kreditt' && covered > 0 && date > inst.forfallsdato) t.late[i]! += covered;
        t.remaining[i] = now;
      });
      if (t.kind !== 'kreditt') this.settled(t, date);
    }
  }

  // -------------------------------------------------------------------------------------------

  /** A payout in the last two days may still be on its way. */
  private status(date: IsoDate): 'bekreftet' | 'underUtbetaling' {
    return daysBetween(date, this.clock) <= 2 ? 'underUtbetaling' : 'bekreftet';
  }
}
