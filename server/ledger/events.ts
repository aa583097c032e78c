// The ledger of one party: what happened, in the order it happened. Every number the API shows
// (remaining amounts, unplaced amounts, interest, totals) is derived from these events by the
// projections; nothing derived is ever stored here.
//
// Amounts are NOK with at most two decimals, as the scenario author writes them. Debit claims are
// positive and credit claims negative (FACTS.md §9.3). Payment amounts are written positive (what the
// payer paid); the projections give them the API's sign.

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * Which of Skatteetaten's two ledgers (reskontro) a claim or payment lives in. It decides the receiving
 * account, the look of payment records and the sign conventions the real API shows for each
 * (FACTS.md §7.7, §9.3): `mva` is the VAT ledger (ids like `KRAV-33712709`), `skatteinnkreving` the
 * ledger of the other tax claims (numeric ids).
 */
export type Reskontro = 'mva' | 'skatteinnkreving';

export type Fastsettingsmaate = 'blank' | 'egenfastsatt' | 'myndighetsfastsatt';

export interface KravperiodeSpec {
  /** `periodeBeskrivelse` text, e.g. `januar - februar`, `Termin`, `Inntektstår`. */
  beskrivelse: string;
  aar?: string;
  fraDato?: IsoDate;
  tilDato?: IsoDate;
  terminTekniskNavn?: string;
}

export interface BankAccountSpec {
  kontonummer: string;
  kontoeiersNavn?: string;
  iban?: string;
  swiftBIC?: string;
  bankinformasjon?: string;
}

export interface InstalmentSpec {
  kravforfallsIdentifikator: string;
  forfallsdato: IsoDate;
  /** Original amount of this instalment; negative on a credit claim. */
  beloep: number;
  /** KID to pay this instalment with. Credit claims usually have none. */
  kidnummer?: string;
}

/** A claim is raised with its instalments (kravforfall). */
export interface ClaimRaised {
  type: 'claimRaised';
  /** Creation date (`opprettelsesdatoForKrav`). The claim does not exist before it. */
  date: IsoDate;
  kravidentifikator: string;
  /** The party owning the claim; defaults to the ledger's party (an ENK owner's fødselsnummer is allowed). */
  partIdentifikator?: string;
  reskontro: Reskontro;
  /** Ledger code as the API shows it, e.g. `Mva-melding`, `ARBGAVG`, `RESTSKATT`, `Forsinkelsesrente`. */
  kravtype: string;
  /** Display name, e.g. `Merverdiavgift`, `Skatt`, `Arbeidsgiveravgift`, `Forskuddstrekk`, `Andre krav`. */
  kravgruppe: string;
  kravbeskrivelse: string;
  /**
   * The shorter text shown where other records refer to this claim (a payment's `plassertKrav`, the
   * mirror entry of a set-off); defaults to `kravbeskrivelse`. The MVA ledger shows e.g.
   * `Forsinkelsesrenter` there for a claim described `Forsinkelsesrenter - Mva-melding september - oktober`.
   */
  kortBeskrivelse?: string;
  kravperiode?: KravperiodeSpec;
  fastsettingsmaate?: Fastsettingsmaate;
  /** For interest and other derived claims: the principal claim's `kravidentifikator`. */
  hovedstolKravidentifikator?: string;
  /**
   * Interest shown as `stipulerteRenter`: omitted = computed from the rate table (DOMAIN.md);
   * a number = this fixed amount while the claim is open; `null` = no field at all.
   */
  stipulerteRenter?: number | null;
  /** Overrides the reskontro's receiving account in `betalingsinformasjon.konto`. */
  konto?: BankAccountSpec;
  kravforfall: InstalmentSpec[];
}

export interface PayerSpec {
  navn: string;
  /** The payer's own account, shown masked (`******12345`). */
  kontonummer?: string;
}

/** A payment arrives. With a KID it is placed automatically unless `autoPlace` is false. */
export interface PaymentReceived {
  type: 'paymentReceived';
  date: IsoDate;
  innbetalingsidentifikator: string;
  /** Whose payment it is; defaults to the ledger's party. */
  partIdentifikator?: string;
  /** Amount paid, positive. */
  beloep: number;
  kidnummer?: string;
  /** Free text sent with the payment; defaults to the KID when there is one. */
  melding?: string;
  betaler: PayerSpec;
  /** Ledger the payment went to; defaults to the ledger of the claim its KID identifies, else `skatteinnkreving`. */
  reskontro?: Reskontro;
  /** Overrides the reskontro's default (`Innbetalt OCR` for mva, `Innbetaling YYYY-MM-DD` otherwise). */
  innbetalingstype?: string;
  /** Default true: place on the instalments carrying the KID, oldest due date first. */
  autoPlace?: boolean;
}

/** (Part of) a payment is placed on an instalment by hand (a caseworker's placement). */
export interface PaymentPlaced {
  type: 'paymentPlaced';
  date: IsoDate;
  innbetalingsidentifikator: string;
  kravforfallsIdentifikator: string;
  beloep: number;
}

/** A credit instalment is set off against a debit instalment (motregning); both sides show it. */
export interface SetOff {
  type: 'setOff';
  date: IsoDate;
  kreditKravforfallsIdentifikator: string;
  debetKravforfallsIdentifikator: string;
  /** Positive amount moved from the credit to the debt. */
  beloep: number;
  /** When given, the credit claim also shows `motregningAvKreditkrav` with this id. */
  motregningsidentifikator?: string;
}

/**
 * A credit instalment is set off against all the party's open debts in the legal order of
 * skattebetalingsforskriften § 13-6-1, as far as it reaches. Expands to `SetOff`s.
 */
export interface SetOffInLegalOrder {
  type: 'setOffInLegalOrder';
  date: IsoDate;
  kreditKravforfallsIdentifikator: string;
  motregningsidentifikator?: string;
}

export interface PayoutRecipientSpec {
  navn: string;
  kontonummer?: string;
}

/** Money is paid out to the party: from credit claims and/or back from unplaced payments. */
export interface Payout {
  type: 'payout';
  date: IsoDate;
  utbetalingsidentifikator: string;
  partIdentifikator?: string;
  mottaker: PayoutRecipientSpec;
  melding?: string;
  status?: 'bekreftet' | 'underUtbetaling';
  fraKreditkrav?: { kravforfallsIdentifikator: string; beloep: number }[];
  tilbakebetalingAv?: { innbetalingsidentifikator: string; beloep: number }[];
}

export type LedgerEvent = ClaimRaised | PaymentReceived | PaymentPlaced | SetOff | SetOffInLegalOrder | Payout;

/** One party the API can be asked about, with everything that happened on its account. */
export interface PartyLedger {
  /** The identifier callers query (organisation number, or fødselsnummer for a person). */
  partIdentifikator: string;
  navn: string;
  /** Protected address (fortrolig/strengt fortrolig): responses are reduced (FACTS.md §11). */
  skjermet?: boolean;
  /** Other identifiers whose claims and payments belong to this party's answers (an ENK's owner). */
  tilknyttedeParter?: string[];
  events: LedgerEvent[];
}
