// The API's Norwegian field names as the dashboard shows them, each with a short English explanation.
// The names are exactly the API's (contracts/openapi.yaml); the explanations are for the reader.
export const FIELDS = {
  // Claims (Krav) and instalments (Kravforfall)
  kravidentifikator: 'claim id',
  kravtype: 'claim type (ledger code)',
  kravgruppe: 'claim group',
  kravbeskrivelse: 'description',
  opprettelsesdatoForKrav: 'date the claim was raised',
  opprinneligBeloep: 'original amount',
  gjenstaaendeBeloep: 'remaining amount',
  stipulerteRenter: 'estimated late-payment interest',
  hovedstolKravidentifikator: 'principal claim of this interest claim',
  kravforfallsIdentifikator: 'instalment id',
  forfallsdato: 'due date',
  kidnummer: 'KID, the payment reference',
  kontonummer: 'account to pay to',
  plassertInnbetaling: 'payments placed on it',
  plassertMotkrav: 'set off against another claim',
  plassertUtbetaling: 'paid out from it',
  // Payments (Innbetaling)
  innbetalingsidentifikator: 'payment id',
  innbetalingsdato: 'payment date',
  innbetaltBeloep: 'amount paid (negative)',
  kontoeiersNavn: 'payer',
  plassertKrav: 'placed on instalments',
  uplassertBeloep: 'not placed on any claim',
  // Payouts (Utbetaling)
  utbetalingsidentifikator: 'payout id',
  utbetaltdato: 'payout date',
  utbetaltBeloep: 'amount paid out',
  utbetalingstatus: 'payout status',
  kreditKrav: 'from credit claims',
  tilbakebetalingAv: 'paid back from payments',
  // Totals (TotalOversikt)
  sumForfalteKrav: 'overdue',
  sumIkkeForfalteKrav: 'not yet due',
  sumStipulerteRenter: 'estimated interest',
  sumUplasserteInnbetalinger: 'unplaced payments',
  saldo: 'balance',
  dato: 'date',
};

/** The English explanation of a field, or '' for a name the list does not have. */
export function explain(name) {
  return Object.hasOwn(FIELDS, name) ? FIELDS[name] : '';
}
