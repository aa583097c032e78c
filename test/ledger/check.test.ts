import { describe, expect, it } from 'vitest';
import { aug2023Ledger } from '../../fixtures/aug2023-871978433.js';
import type { LedgerEvent } from '../../server/ledger/events.js';
import { checkLedger, formatProblems } from '../../server/ledger/views.js';
import { KID_A, OWNER, claim, ledger, payment } from './helpers.js';

const debt = claim('D', '2023-01-10', 1000, '2023-02-10', { kid: KID_A });
const credit = claim('C', '2023-01-10', -400, '2023-01-10', { kravtype: 'RESTERENDE_SKT_TILB' });
const check = (events: LedgerEvent[], extra = {}) => checkLedger(ledger(events, extra));

describe('checkLedger accepts valid ledgers', () => {
  it('finds nothing wrong with the August 2023 fixture', () => {
    expect(checkLedger(aug2023Ledger())).toEqual([]);
  });

  it('accepts synthetic test persons (month + 80) as party, tilknyttet part and owner of items', () => {
    expect(check([{ ...debt, partIdentifikator: OWNER }, payment('P', '2023-01-11', 10, { partIdentifikator: OWNER })], { partIdentifikator: '04827896468', tilknyttedeParter: [OWNER] })).toEqual([]);
  });
});

describe('checkLedger names every problem', () => {
  it('party identifiers', () => {
    expect(checkLedger(ledger([{ ...debt, partIdentifikator: '871978433' }, { ...credit, partIdentifikator: '87197843' }], { partIdentifikator: '123456789', tilknyttedeParter: ['13114614454'] }))).toEqual([
      {
        eventIndex: -1,
        path: 'partIdentifikator',
        message: "partIdentifikator '123456789' is not a valid organisasjonsnummer: the mod 11 check digit (weights 3 2 7 6 5 4 3 2) does not match",
      },
      {
        eventIndex: -1,
        path: 'tilknyttedeParter[0]',
        message: "tilknyttedeParter[0] '13114614454' is not a valid fødselsnummer: the two mod 11 check digits do not match",
      },
      {
        eventIndex: 0,
        path: 'events[0].partIdentifikator',
        message: "partIdentifikator '871978433' is neither the ledger's party '123456789' nor one of its tilknyttedeParter",
      },
      {
        eventIndex: 1,
        path: 'events[1].partIdentifikator',
        message: "partIdentifikator '87197843' is neither an organisasjonsnummer nor a fødselsnummer: expected 9 or 11 digits",
      },
    ]);
  });

  it('dates that are not calendar dates, and unknown event types', () => {
    const bad: LedgerEvent[] = [
      { ...claim('X', '2023-02-29', 100, '2023-04-31'), kravperiode: { beskrivelse: 'Termin', fraDato: '2023-03-01', tilDato: '2023-02-28' } },
      { type: 'refund', date: '2023-01-01' } as unknown as LedgerEvent,
      { ...payment('P', '23-01-05', 10) },
    ];
    expect(check(bad)).toEqual([
      { eventIndex: 0, path: 'events[0].date', message: "date '2023-02-29' is not a calendar date: expected YYYY-MM-DD" },
      { eventIndex: 0, path: 'events[0].kravperiode', message: "kravperiode.fraDato '2023-03-01' is after kravperiode.tilDato '2023-02-28'" },
      { eventIndex: 0, path: 'events[0].kravforfall[0].forfallsdato', message: "forfallsdato '2023-04-31' is not a calendar date: expected YYYY-MM-DD" },
      {
        eventIndex: 1,
        path: 'events[1].type',
        message: "type 'refund' is not an event type: expected one of claimRaised, paymentReceived, paymentPlaced, setOff, setOffInLegalOrder, payout",
      },
      { eventIndex: 2, path: 'events[2].date', message: "date '23-01-05' is not a calendar date: expected YYYY-MM-DD" },
    ]);
  });

  it('duplicate identifiers', () => {
    const payout = (id: string): LedgerEvent => ({ type: 'payout', date: '2023-02-01', utbetalingsidentifikator: id, mottaker: { navn: 'x' }, fraKreditkrav: [{ kravforfallsIdentifikator: 'C-1', beloep: 1 }] });
    expect(
      check([
        debt,
        claim('D', '2023-01-10', 5, '2023-02-10', { kravforfall: [{ kravforfallsIdentifikator: 'D2-1', forfallsdato: '2023-02-10', beloep: 5 }] }),
        claim('E', '2023-01-10', 5, '2023-02-10', { kravforfall: [{ kravforfallsIdentifikator: 'D-1', forfallsdato: '2023-02-10', beloep: 5 }] }),
        credit,
        payment('P', '2023-01-11', 10),
        payment('P', '2023-01-12', 20),
        payout('U'),
        payout('U'),
      ]).map((p) => p.message),
    ).toEqual([
      "kravidentifikator 'D' is already used by events[0]",
      "kravforfallsIdentifikator 'D-1' is already used by events[0].kravforfall[0]",
      "innbetalingsidentifikator 'P' is already used by events[4]",
      "utbetalingsidentifikator 'U' is already used by events[6]",
    ]);
  });

  it('KID, kontonummer, IBAN, enums and amounts', () => {
    const problems = check([
      claim('K', '2023-01-10', 100.005, '2023-02-10', {
        kid: '1234',
        reskontro: 'vat' as never,
        fastsettingsmaate: 'selv' as never,
        stipulerteRenter: -5,
        konto: { kontonummer: '12345678901', iban: 'NO00 1234 5678 901' },
      }),
      claim('Z', '2023-01-10', 0, '', { kravforfall: [] }),
      claim('M', '2023-01-10', 0, '', {
        kravforfall: [
          { kravforfallsIdentifikator: 'M-1', forfallsdato: '2023-02-10', beloep: 100 },
          { kravforfallsIdentifikator: 'M-2', forfallsdato: '2023-03-10', beloep: -100 },
          { kravforfallsIdentifikator: 'M-3', forfallsdato: '2023-03-10', beloep: 0 },
        ],
      }),
      payment('P', '2023-01-11', 0, { kidnummer: '12345', betaler: { navn: 'x', kontonummer: '1234' }, reskontro: 'vat' as never }),
      { type: 'payout', date: '2023-02-01', utbetalingsidentifikator: 'U', mottaker: { navn: 'x', kontonummer: '15031411112' }, status: 'sent' as never },
    ]);
    expect(formatProblems(problems).split('\n')).toEqual([
      "events[0].reskontro: reskontro 'vat' is not allowed: expected one of 'mva', 'skatteinnkreving'",
      "events[0].fastsettingsmaate: fastsettingsmaate 'selv' is not allowed: expected one of 'blank', 'egenfastsatt', 'myndighetsfastsatt'",
      'events[0].stipulerteRenter: stipulerteRenter -5 is not allowed: expected omitted (computed), null (none) or an amount >= 0 with at most two decimals',
      "events[0].konto.kontonummer: kontonummer '12345678901' is not a valid kontonummer: the mod 11 check digit (weights 5 4 3 2 7 6 5 4 3 2) does not match",
      "events[0].konto.iban: iban 'NO00 1234 5678 901' is not a valid Norwegian IBAN: expected NO + 2 check digits + an 11-digit kontonummer, with valid check digits",
      'events[0].kravforfall[0].beloep: beloep 100.005 is not an instalment amount: expected a non-zero number with at most two decimals (negative on a credit claim)',
      "events[0].kravforfall[0].kidnummer: kidnummer '1234' is not a valid KID: the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit",
      'events[1].kravforfall: kravforfall is empty: a claim needs at least one instalment',
      'events[2].kravforfall[2].beloep: beloep 0 is not an instalment amount: expected a non-zero number with at most two decimals (negative on a credit claim)',
      'events[2].kravforfall: kravforfall mixes positive (debit) and negative (credit) instalments: a claim is either a debit or a credit claim',
      'events[3].beloep: beloep 0 is not a positive amount: expected a number > 0 with at most two decimals',
      "events[3].kidnummer: kidnummer '12345' is not a valid KID: the last digit is neither a MOD10 (Luhn) nor a MOD11 check digit",
      "events[3].betaler.kontonummer: betaler.kontonummer '1234' is not a valid kontonummer: expected 11 digits",
      "events[3].reskontro: reskontro 'vat' is not allowed: expected one of 'mva', 'skatteinnkreving'",
      "events[4].mottaker.kontonummer: mottaker.kontonummer '15031411112' is not a valid kontonummer: the mod 11 check digit (weights 5 4 3 2 7 6 5 4 3 2) does not match",
      "events[4].status: status 'sent' is not allowed: expected one of 'bekreftet', 'underUtbetaling'",
      'events[4]: a payout needs at least one part: fraKreditkrav and tilbakebetalingAv are both empty',
    ]);
  });

  it('placements: unknown or not-yet-existing references, more than the payment has unplaced, credit targets', () => {
    expect(
      formatProblems(
        check([
          debt,
          credit,
          payment('P', '2023-01-15', 500, { autoPlace: false }),
          { type: 'paymentPlaced', date: '2023-01-16', innbetalingsidentifikator: 'NOPE', kravforfallsIdentifikator: 'GONE-1', beloep: 1 },
          { type: 'paymentPlaced', date: '2023-01-14', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'D-1', beloep: 1 },
          { type: 'paymentPlaced', date: '2023-01-16', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'LATE-1', beloep: 1 },
          { type: 'paymentPlaced', date: '2023-01-16', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'D-1', beloep: 300 },
          { type: 'paymentPlaced', date: '2023-01-17', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'D-1', beloep: 250 },
          { type: 'paymentPlaced', date: '2023-01-17', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'C-1', beloep: 10 },
          { type: 'paymentPlaced', date: '2023-01-17', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'SAME-1', beloep: 10 },
          claim('SAME', '2023-01-17', 50, '2023-02-01'),
          claim('LATE', '2023-03-01', 50, '2023-04-01'),
          { type: 'paymentPlaced', date: '2023-03-01', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'LATE-1', beloep: 0.5 },
          { type: 'paymentPlaced', date: '2023-03-01', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'LATE-1', beloep: 250 },
        ]),
      ).split('\n'),
    ).toEqual([
      "events[3].innbetalingsidentifikator: innbetalingsidentifikator 'NOPE' does not match any payment (innbetalingsidentifikator) in the ledger",
      "events[3].kravforfallsIdentifikator: kravforfallsIdentifikator 'GONE-1' does not match any instalment (kravforfallsIdentifikator) in the ledger",
      "events[4].innbetalingsidentifikator: innbetalingsidentifikator 'P' is received on 2023-01-15, after this event's date 2023-01-14",
      "events[5].kravforfallsIdentifikator: kravforfallsIdentifikator 'LATE-1' belongs to claim 'LATE' raised on 2023-03-01, after this event's date 2023-01-16",
      "events[7].beloep: beloep 250 exceeds the unplaced amount left on payment 'P' (200 on 2023-01-17)",
      "events[8].kravforfallsIdentifikator: kravforfallsIdentifikator 'C-1' is a credit instalment (beloep -400): payments are placed on debit instalments (positive amount)",
      "events[9].kravforfallsIdentifikator: kravforfallsIdentifikator 'SAME-1' is defined by events[10], which comes later in the list on the same date 2023-01-17 (events on one date apply in list order)",
      "events[13].beloep: beloep 250 exceeds the unplaced amount left on payment 'P' (199.5 on 2023-03-01)",
      "events[13].beloep: beloep 250 exceeds the amount left on instalment 'LATE-1' (49.5 on 2023-03-01)",
    ]);
  });

  it('set-offs: credit must be negative, debt positive, neither overdrawn; one motregning per credit claim', () => {
    expect(
      formatProblems(
        check([
          debt,
          credit,
          claim('C2', '2023-01-10', -50, '2023-01-10', { kravtype: 'RESTERENDE_SKT_TILB' }),
          { type: 'setOff', date: '2023-02-01', kreditKravforfallsIdentifikator: 'D-1', debetKravforfallsIdentifikator: 'C-1', beloep: 1 },
          { type: 'setOff', date: '2023-02-01', kreditKravforfallsIdentifikator: 'C-1', debetKravforfallsIdentifikator: 'D-1', beloep: 500 },
          { type: 'setOff', date: '2023-02-01', kreditKravforfallsIdentifikator: 'C-1', debetKravforfallsIdentifikator: 'D-1', beloep: 300, motregningsidentifikator: 'M' },
          { type: 'setOff', date: '2023-02-02', kreditKravforfallsIdentifikator: 'C2-1', debetKravforfallsIdentifikator: 'D-1', beloep: 10, motregningsidentifikator: 'M' },
          { type: 'setOff', date: '2023-02-02', kreditKravforfallsIdentifikator: 'C-1', debetKravforfallsIdentifikator: 'C-1', beloep: 10 },
          { type: 'setOffInLegalOrder', date: '2023-02-03', kreditKravforfallsIdentifikator: 'D-1' },
          { type: 'setOffInLegalOrder', date: '2023-02-03', kreditKravforfallsIdentifikator: 'C9-1' },
          claim('BIG', '2023-02-04', -5000, '2023-02-04', { kravtype: 'RESTERENDE_SKT_TILB' }),
          { type: 'setOff', date: '2023-02-04', kreditKravforfallsIdentifikator: 'BIG-1', debetKravforfallsIdentifikator: 'D-1', beloep: 800 },
        ]),
      ).split('\n'),
    ).toEqual([
      "events[3].kreditKravforfallsIdentifikator: kreditKravforfallsIdentifikator 'D-1' is a debit instalment (beloep 1000): only a credit instalment (negative amount) can be used as credit",
      "events[3].debetKravforfallsIdentifikator: debetKravforfallsIdentifikator 'C-1' is a credit instalment (beloep -400): a set-off covers a debit instalment (positive amount)",
      "events[4].beloep: beloep 500 exceeds the credit left on instalment 'C-1' (400 on 2023-02-01)",
      "events[6].motregningsidentifikator: motregningsidentifikator 'M' is already used for a set-off from claim 'C': one motregning uses the credit of one claim",
      "events[7].debetKravforfallsIdentifikator: debetKravforfallsIdentifikator 'C-1' is the credit instalment itself: a set-off needs two different instalments",
      "events[7].debetKravforfallsIdentifikator: debetKravforfallsIdentifikator 'C-1' is a credit instalment (beloep -400): a set-off covers a debit instalment (positive amount)",
      "events[8].kreditKravforfallsIdentifikator: kreditKravforfallsIdentifikator 'D-1' is a debit instalment (beloep 1000): only a credit instalment (negative amount) can be used as credit",
      "events[9].kreditKravforfallsIdentifikator: kreditKravforfallsIdentifikator 'C9-1' does not match any instalment (kravforfallsIdentifikator) in the ledger",
      "events[11].beloep: beloep 800 exceeds the debt left on instalment 'D-1' (700 on 2023-02-04)",
    ]);
  });

  it('payouts: more than the credit or the unplaced amount left, debit instalments, unknown payments', () => {
    expect(
      formatProblems(
        check([
          debt,
          credit,
          payment('P', '2023-01-15', 100),
          {
            type: 'payout',
            date: '2023-02-01',
            utbetalingsidentifikator: 'U1',
            mottaker: { navn: 'x' },
            fraKreditkrav: [
              { kravforfallsIdentifikator: 'C-1', beloep: 300 },
              { kravforfallsIdentifikator: 'C-1', beloep: 300 },
              { kravforfallsIdentifikator: 'D-1', beloep: 1 },
            ],
            tilbakebetalingAv: [
              { innbetalingsidentifikator: 'P', beloep: 150 },
              { innbetalingsidentifikator: 'Q', beloep: 1 },
              { innbetalingsidentifikator: 'P', beloep: -1 },
            ],
          },
        ]),
      ).split('\n'),
    ).toEqual([
      'events[3].tilbakebetalingAv[2].beloep: tilbakebetalingAv[2].beloep -1 is not a positive amount: expected a number > 0 with at most two decimals',
      "events[3].fraKreditkrav[1].beloep: fraKreditkrav[1].beloep 300 exceeds the credit left on instalment 'C-1' (100 on 2023-02-01)",
      "events[3].fraKreditkrav[2].kravforfallsIdentifikator: fraKreditkrav[2].kravforfallsIdentifikator 'D-1' is a debit instalment (beloep 1000): only a credit instalment (negative amount) can be paid out",
      "events[3].tilbakebetalingAv[0].beloep: tilbakebetalingAv[0].beloep 150 exceeds the unplaced amount left on payment 'P' (100 on 2023-02-01)",
      "events[3].tilbakebetalingAv[1].innbetalingsidentifikator: tilbakebetalingAv[1].innbetalingsidentifikator 'Q' does not match any payment (innbetalingsidentifikator) in the ledger",
    ]);
  });

  it('reports a reference to a claim that could not be applied', () => {
    expect(
      check([
        claim('BAD', '2023-01-10', 100, '2023-02-30'),
        payment('P', '2023-01-15', 100),
        { type: 'paymentPlaced', date: '2023-01-16', innbetalingsidentifikator: 'P', kravforfallsIdentifikator: 'BAD-1', beloep: 10 },
      ]).map((p) => p.message),
    ).toEqual([
      "forfallsdato '2023-02-30' is not a calendar date: expected YYYY-MM-DD",
      "kravforfallsIdentifikator 'BAD-1' refers to a claim that could not be applied (see events[0])",
    ]);
  });
});
