// Bank accounts: Skatteetaten's receiving account per ledger (reskontro) as the published examples
// show them (FACTS.md §7.7, DOMAIN.md), and masking of a party's own account numbers.
import type { Bankkonto } from '../generated/contract.js';
import type { BankAccountSpec, Reskontro } from './events.js';

export interface ReceivingAccount {
  kontoeiersNavn: string;
  kontonummer: string;
  iban: string;
  swiftBIC: string;
}

/** Written exactly as published, including the spaced IBAN and the 11-character BIC of skatteinnkreving. */
export const SKATTEETATEN_ACCOUNTS: Readonly<Record<Reskontro, Readonly<ReceivingAccount>>> = {
  mva: {
    kontoeiersNavn: 'Skatteetaten',
    kontonummer: '76940518888',
    iban: 'NO5876940518888',
    swiftBIC: 'DNBANOKK',
  },
  skatteinnkreving: {
    kontoeiersNavn: 'SKATTEETATEN - SKATTEINNKREVING',
    kontonummer: '76940524802',
    iban: 'NO42 7694 0524 802',
    swiftBIC: 'DNBANOKKXXX',
  },
};

/** The account to pay a claim of this ledger to, as a fresh `Bankkonto` (key order as published). */
export function receivingAccount(reskontro: Reskontro): Bankkonto {
  // An unknown ledger (only in a ledger checkLedger rejects) falls back to skatteinnkreving.
  const a = SKATTEETATEN_ACCOUNTS[reskontro] ?? SKATTEETATEN_ACCOUNTS.skatteinnkreving;
  return { kontoeiersNavn: a.kontoeiersNavn, kontonummer: a.kontonummer, iban: a.iban, swiftBIC: a.swiftBIC };
}

/** A scenario's account as a `Bankkonto`, fields in contract order, absent ones omitted. */
export function bankkontoFromSpec(spec: BankAccountSpec): Bankkonto {
  const konto: Bankkonto = {};
  if (spec.bankinformasjon !== undefined) konto.bankinformasjon = spec.bankinformasjon;
  if (spec.kontoeiersNavn !== undefined) konto.kontoeiersNavn = spec.kontoeiersNavn;
  konto.kontonummer = spec.kontonummer;
  if (spec.iban !== undefined) konto.iban = spec.iban;
  if (spec.swiftBIC !== undefined) konto.swiftBIC = spec.swiftBIC;
  return konto;
}

/**
 * A party's own account number as the API shows it: six asterisks and the last five digits
 * (`******11111`, FACTS.md §6). Skatteetaten's own accounts are never masked.
 */
export function maskAccountNumber(kontonummer: string): string {
  const digits = String(kontonummer).replace(/\D/g, '');
  return `******${digits.slice(-5)}`;
}
