// The claim kinds the generator writes, as data: which kravtype goes with which kravgruppe, ledger
// (reskontro) and period shape, and the plausible size of one claim. The codes and texts are the
// ledger codes of the published examples (FACTS.md §7–§8), as the built-in parties use them;
// the ranges are the generator's own choice (they bound what the profiles can produce).
// `catalogueProblems` checks a ledger against the table; the tests run it on generated parties.
import { MVA_TERMS } from '../../fixtures/builtin/schedules.js';
import type { ClaimRaised, KravperiodeSpec, PartyLedger, Reskontro } from '../ledger/events.js';

/** How a claim's kravperiode looks (FACTS.md §7.5, observed patterns). */
export type PeriodeShape =
  /** `januar - februar`, aar, fraDato/tilDato of the two months, terminTekniskNavn `01`..`06`. */
  | 'mvaTermin'
  /** `Termin`, aar, terminTekniskNavn `1`..`6`, no dates. */
  | 'aMeldingTermin'
  /** `Inntektstår` (sic), aar. */
  | 'inntektsaar';

export interface ClaimKind {
  kravtype: string;
  /** `principal`: the kravgruppe, reskontro and period of the claim it charges interest on. */
  kravgruppe: string;
  reskontro: Reskontro | 'principal';
  periode: PeriodeShape | 'principal';
  /** Debit claims positive, credit claims negative; `either` for MVA (a return can be a refund). */
  sign: 'debit' | 'credit' | 'either';
  /** Plausible total of one claim (Σ instalments), NOK, by absolute value. */
  min: number;
  max: number;
  /** How kravbeskrivelse reads. */
  beskrivelse: RegExp;
  /** Instalments per claim. */
  instalments: readonly number[];
}

export const CLAIM_KINDS: readonly ClaimKind[] = [
  {
    kravtype: 'Mva-melding',
    kravgruppe: 'Merverdiavgift',
    reskontro: 'mva',
    periode: 'mvaTermin',
    sign: 'either',
    min: 1_000,
    max: 4_000_000,
    beskrivelse: /^Mva-melding$/,
    instalments: [1],
  },
  {
    kravtype: 'ARBGAVG',
    kravgruppe: 'Arbeidsgiveravgift',
    reskontro: 'skatteinnkreving',
    periode: 'aMeldingTermin',
    sign: 'debit',
    min: 500,
    max: 2_000_000,
    beskrivelse: /^Arbeidsgiveravgift - \d{4}\/[1-6]$/,
    instalments: [1],
  },
  {
    kravtype: 'FORSKTREKK',
    kravgruppe: 'Forskuddstrekk',
    reskontro: 'skatteinnkreving',
    periode: 'aMeldingTermin',
    sign: 'debit',
    min: 1_000,
    max: 4_000_000,
    beskrivelse: /^Forskuddstrekk - \d{4}\/[1-6]$/,
    instalments: [1],
  },
  {
    kravtype: 'UTSKR_FORSKSKATT',
    kravgruppe: 'Skatt',
    reskontro: 'skatteinnkreving',
    periode: 'inntektsaar',
    sign: 'debit',
    min: 4_000,
    max: 3_000_000,
    beskrivelse: /^Utskrevet forskuddsskatt(, person)? - \d{4}$/,
    instalments: [2, 4],
  },
  {
    kravtype: 'RESTSKATT',
    kravgruppe: 'Skatt',
    reskontro: 'skatteinnkreving',
    periode: 'inntektsaar',
    sign: 'debit',
    min: 1_000,
    max: 3_000_000,
    beskrivelse: /^Restskatt(, person)? - \d{4}$/,
    instalments: [1, 2],
  },
  {
    kravtype: 'RESTERENDE_SKT_TILB',
    kravgruppe: 'Skatt',
    reskontro: 'skatteinnkreving',
    periode: 'inntektsaar',
    sign: 'credit',
    min: 1_000,
    max: 1_000_000,
    beskrivelse: /^Tilbakebetaling restskatt - \d{4}$/,
    instalments: [1],
  },
  {
    kravtype: 'Forsinkelsesrente',
    kravgruppe: 'principal',
    reskontro: 'principal',
    periode: 'principal',
    sign: 'debit',
    min: 100,
    max: 200_000,
    beskrivelse: /^Forsinkelsesrenter? /,
    instalments: [1],
  },
];

export const CLAIM_KIND_BY_KRAVTYPE: ReadonlyMap<string, ClaimKind> = new Map(CLAIM_KINDS.map((k) => [k.kravtype, k]));

function periodeProblem(p: KravperiodeSpec | undefined, shape: PeriodeShape): string | undefined {
  if (!p) return 'has no kravperiode';
  const keys = Object.keys(p).sort().join(',');
  if (!p.aar || !/^\d{4}$/.test(p.aar)) return `kravperiode.aar '${p.aar}' is not a year`;
  switch (shape) {
    case 'mvaTermin': {
      const term = MVA_TERMS.find((t) => t.beskrivelse === p.beskrivelse);
      if (!term) return `kravperiode.beskrivelse '${p.beskrivelse}' is not an MVA term`;
      if (keys !== 'aar,beskrivelse,fraDato,terminTekniskNavn,tilDato') return `MVA kravperiode has fields ${keys}`;
      if (p.terminTekniskNavn !== String(term.termin).padStart(2, '0')) return `terminTekniskNavn '${p.terminTekniskNavn}' does not match '${p.beskrivelse}'`;
      if (p.fraDato !== `${p.aar}-${String(term.fraMonth).padStart(2, '0')}-01`) return `fraDato '${p.fraDato}' does not start '${p.beskrivelse} ${p.aar}'`;
      if (!p.tilDato?.startsWith(`${p.aar}-${String(term.tilMonth).padStart(2, '0')}-`)) return `tilDato '${p.tilDato}' does not end '${p.beskrivelse} ${p.aar}'`;
      return undefined;
    }
    case 'aMeldingTermin':
      if (p.beskrivelse !== 'Termin' || keys !== 'aar,beskrivelse,terminTekniskNavn') return `A-melding kravperiode is ${JSON.stringify(p)}`;
      return /^[1-6]$/.test(p.terminTekniskNavn ?? '') ? undefined : `terminTekniskNavn '${p.terminTekniskNavn}' is not 1..6`;
    case 'inntektsaar':
      return p.beskrivelse === 'Inntektstår' && keys === 'aar,beskrivelse' ? undefined : `income-year kravperiode is ${JSON.stringify(p)}`;
    default:
      return `unknown shape ${String(shape)}`;
  }
}

/** Every way the claims of `ledger` leave the table, as `kravidentifikator: problem` lines. */
export function catalogueProblems(ledger: PartyLedger): string[] {
  const problems: string[] = [];
  const claims = new Map<string, ClaimRaised>();
  for (const e of ledger.events) if (e.type === 'claimRaised') claims.set(e.kravidentifikator, e);
  for (const c of claims.values()) {
    const say = (m: string): void => {
      problems.push(`${ledger.partIdentifikator} ${c.kravidentifikator} (${c.kravtype}): ${m}`);
    };
    const kind = CLAIM_KIND_BY_KRAVTYPE.get(c.kravtype);
    if (!kind) {
      say('kravtype is not in the table');
      continue;
    }
    let expected = { kravgruppe: kind.kravgruppe, reskontro: kind.reskontro as string, periode: kind.periode as PeriodeShape };
    if (kind.kravgruppe === 'principal') {
      const principal = c.hovedstolKravidentifikator === undefined ? undefined : claims.get(c.hovedstolKravidentifikator);
      const pk = principal && CLAIM_KIND_BY_KRAVTYPE.get(principal.kravtype);
      if (!principal || !pk || pk.kravgruppe === 'principal') {
        say(`hovedstolKravidentifikator '${c.hovedstolKravidentifikator}' is not a principal claim of the party`);
        continue;
      }
      expected = { kravgruppe: principal.kravgruppe, reskontro: principal.reskontro, periode: pk.periode as PeriodeShape };
      if (JSON.stringify(c.kravperiode) !== JSON.stringify(principal.kravperiode)) say('kravperiode differs from the principal');
      if ((c.partIdentifikator ?? ledger.partIdentifikator) !== (principal.partIdentifikator ?? ledger.partIdentifikator)) say('owner differs from the principal');
    }
    if (c.kravgruppe !== expected.kravgruppe) say(`kravgruppe '${c.kravgruppe}', expected '${expected.kravgruppe}'`);
    if (c.reskontro !== expected.reskontro) say(`reskontro '${c.reskontro}', expected '${expected.reskontro}'`);
    const pp = periodeProblem(c.kravperiode, expected.periode);
    if (pp) say(pp);
    if (!kind.beskrivelse.test(c.kravbeskrivelse)) say(`kravbeskrivelse '${c.kravbeskrivelse}' does not match ${kind.beskrivelse}`);
    if (!kind.instalments.includes(c.kravforfall.length)) say(`${c.kravforfall.length} instalments, expected ${kind.instalments.join(' or ')}`);
    const total = c.kravforfall.reduce((s, f) => s + f.beloep, 0);
    if (kind.sign === 'debit' && total <= 0) say(`total ${total} is not a debit`);
    if (kind.sign === 'credit' && total >= 0) say(`total ${total} is not a credit`);
    if (Math.abs(total) < kind.min || Math.abs(total) > kind.max) say(`total ${total} is outside ${kind.min}..${kind.max}`);
  }
  return problems;
}
