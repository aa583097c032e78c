// The calendar of one run: which MVA and A-melding terms, income years and assessment dates fall in
// the history window at the run's clock. The rules are the built-in parties' (schedules.ts,
// window.ts); this only remembers their answers, which are the same for every party of the run.
import { type AMeldingTerm, type MvaTerm, forskuddsskattAsDueDates, forskuddsskattPersonDueDates } from '../../fixtures/builtin/schedules.js';
import { aMeldingTermsFor, assessedYears, historyStart, mvaTermsFor, oppgjoersdato } from '../../fixtures/builtin/window.js';
import type { IsoDate } from '../ledger/events.js';

export class RunCalendar {
  readonly historyStart: IsoDate;
  readonly mvaTerms: readonly MvaTerm[];
  readonly aMeldingTerms: readonly AMeldingTerm[];
  private readonly memo = new Map<string, unknown>();

  constructor(readonly clock: IsoDate) {
    this.historyStart = historyStart(clock);
    this.mvaTerms = mvaTermsFor(clock);
    this.aMeldingTerms = aMeldingTermsFor(clock);
  }

  private remember<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** Income years whose assessment, sent each year on `month`/`day`, falls in the window. */
  assessedYears(month: number, day: number): readonly number[] {
    return this.remember(`assessed/${month}/${day}`, () => assessedYears(this.clock, month, day));
  }

  oppgjoersdato(incomeYear: number, month: number, day: number): IsoDate {
    return this.remember(`oppgjoer/${incomeYear}/${month}/${day}`, () => oppgjoersdato(incomeYear, month, day));
  }

  forskuddsskattDueDates(form: 'AS' | 'ENK', incomeYear: number): readonly IsoDate[] {
    return this.remember(`forskudd/${form}/${incomeYear}`, () =>
      form === 'ENK' ? forskuddsskattPersonDueDates(incomeYear) : forskuddsskattAsDueDates(incomeYear),
    );
  }
}
