// The order in which a credit (tilgodeskatt, overpaid MVA) covers a party's debts when it is set off
// "in legal order": skattebetalingsforskriften § 13-6-1 as DOMAIN.md lists it. The mapping from the
// ledger's kravtype codes to the classes is data, so it can be corrected without touching the logic.
import type { IsoDate } from './events.js';

export type LegalClass = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n';

/** The classes in priority order (§ 13-6-1 letters; DOMAIN.md "Placement of payments"). */
export const LEGAL_ORDER: readonly { klasse: LegalClass; beskrivelse: string }[] = [
  { klasse: 'a', beskrivelse: 'forskuddsskatt for the settlement year and other overdue forskuddsskatt' },
  { klasse: 'b', beskrivelse: 'restskatt' },
  { klasse: 'c', beskrivelse: 'ordinary due forskuddsskatt terms of the current year' },
  { klasse: 'd', beskrivelse: 'terms with accelerated due date' },
  { klasse: 'e', beskrivelse: 'forskuddstrekk' },
  { klasse: 'f', beskrivelse: 'utleggstrekk' },
  { klasse: 'g', beskrivelse: 'arbeidsgiveravgift' },
  { klasse: 'h', beskrivelse: 'finansskatt på lønn' },
  { klasse: 'i', beskrivelse: 'interest and costs on a-h' },
  { klasse: 'j', beskrivelse: 'maintenance (underholdsbidrag)' },
  { klasse: 'k', beskrivelse: 'damages (erstatning)' },
  { klasse: 'l', beskrivelse: 'fines (bøter)' },
  { klasse: 'm', beskrivelse: 'merverdiavgift' },
  { klasse: 'n', beskrivelse: 'other tax claims' },
];

const RANK = new Map<LegalClass, number>(LEGAL_ORDER.map((c, i) => [c.klasse, i]));

/**
 * What a kravtype code is for the legal order. `forskuddsskatt` becomes class a (an earlier income
 * year) or c (the year of the set-off); `interest` takes its class from the principal: i when the
 * principal is in a-h, else the principal's own class (interest on MVA stays with MVA).
 */
export type LegalKind = LegalClass | 'forskuddsskatt' | 'interest';

/** Ledger codes seen in the published data (FACTS.md §8) and the ones kravmock's fixtures use. */
export const KRAVTYPE_LEGAL_KIND: Readonly<Record<string, LegalKind>> = {
  UTSKR_FORSKSKATT: 'forskuddsskatt',
  RESTSKATT: 'b',
  FORSKTREKK: 'e',
  UTLEGGSTREKK: 'f',
  ARBGAVG: 'g',
  Forsinkelsesrente: 'interest',
  FORSINKELSESRENTE: 'interest',
  'Mva-melding': 'm',
  'Fasts § 12-1 (1) 1. pkt.': 'm',
  BORTSKRV_DEBET: 'n',
  MOTP_TILB_BET: 'n',
  SJOK40: 'n', // særavgift (2022 draft data)
};

/**
 * Fallback by kravgruppe (display name) for codes the table does not know; anything else is class n.
 * Credit codes (RESTERENDE_SKT_TILB, Fors.rente kredit, AVVIK_ARBGAVG_KREDIT, KRAV_UTBET_KRED) need no
 * class: a credit is never a debt to cover.
 */
export const KRAVGRUPPE_LEGAL_CLASS: Readonly<Record<string, LegalClass>> = {
  Skatt: 'b',
  Forskuddstrekk: 'e',
  Arbeidsgiveravgift: 'g',
  Merverdiavgift: 'm',
  Bidragssak: 'j',
};

/** Kravtype codes of interest claims (no interest is computed on them). */
export const INTEREST_KRAVTYPER: ReadonlySet<string> = new Set(
  Object.entries(KRAVTYPE_LEGAL_KIND)
    .filter(([, kind]) => kind === 'interest')
    .map(([code]) => code),
);

export interface LegalOrderClaim {
  kravtype: string;
  kravgruppe: string;
  /** Income year (`kravperiode.aar`), used to tell class a from c for forskuddsskatt. */
  aar?: string | undefined;
  /** The principal, for interest claims, when the ledger knows it. */
  principal?: LegalOrderClaim | undefined;
}

/** The § 13-6-1 class of a claim for a set-off on `date`. */
export function legalClass(claim: LegalOrderClaim, date: IsoDate): LegalClass {
  const kind: LegalKind = KRAVTYPE_LEGAL_KIND[claim.kravtype] ?? KRAVGRUPPE_LEGAL_CLASS[claim.kravgruppe] ?? 'n';
  if (kind === 'forskuddsskatt') {
    return claim.aar !== undefined && claim.aar < date.slice(0, 4) ? 'a' : 'c';
  }
  if (kind === 'interest') {
    const principal: LegalClass = claim.principal
      ? legalClass(claim.principal, date)
      : (KRAVGRUPPE_LEGAL_CLASS[claim.kravgruppe] ?? 'n');
    return legalRank(principal) <= legalRank('h') ? 'i' : principal;
  }
  return kind;
}

export function legalRank(klasse: LegalClass): number {
  return RANK.get(klasse) ?? LEGAL_ORDER.length;
}

export interface LegalOrderDebt {
  claim: LegalOrderClaim;
  forfallsdato: IsoDate;
  /** Position in the ledger; breaks ties so the order is deterministic. */
  order: number;
}

/** Debts sorted for a set-off on `date`: by class, then oldest due date first, then ledger order. */
export function sortInLegalOrder<T extends LegalOrderDebt>(debts: readonly T[], date: IsoDate): T[] {
  const keyed = debts.map((d) => ({ d, rank: legalRank(legalClass(d.claim, date)) }));
  keyed.sort(
    (x, y) =>
      x.rank - y.rank ||
      (x.d.forfallsdato < y.d.forfallsdato ? -1 : x.d.forfallsdato > y.d.forfallsdato ? 1 : 0) ||
      x.d.order - y.d.order,
  );
  return keyed.map((k) => k.d);
}
