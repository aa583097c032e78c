// Who a generated party is and how it behaves, chosen by the party's seeded Faker: organisation form
// (AS or ENK with an owner), names (Faker nb_NO, upper-case like Tenor's test organisations), accounts,
// which obligations it has (MVA, employer with A-melding, forskuddsskatt) with plausible sizes, and
// how it pays. Everything here is a choice of the generator (DOMAIN.md "choice"); the calendar rules
// live in fixtures/builtin/schedules.ts.
import type { PartyProfile as BuilderProfile, Person } from '../../fixtures/builtin/builder.js';
import { bankAccount, organisasjonsnummerFor, syntheticPersonFor } from './identifiers.js';
import { type Rng } from './random.js';

export type Organisasjonsform = 'AS' | 'ENK';

/**
 * - punctual: pays everything by KID on or just before the due date;
 * - late: pays, but a good share of the claims weeks after the due date (and pays the interest);
 * - arrears: the newest months are unpaid or part paid, older claims often late;
 * - overpays: pays on time, often a rounded-up amount; the excess stays unplaced until paid back.
 */
export type Betalingsatferd = 'punctual' | 'late' | 'arrears' | 'overpays';

/** Arbeidsgiveravgift zones and their rates (2024). Zone 5 pays none. */
export const AGA_ZONES: readonly { sone: string; sats: number; weight: number }[] = [
  { sone: '1', sats: 0.141, weight: 70 },
  { sone: '1a', sats: 0.106, weight: 4 },
  { sone: '2', sats: 0.106, weight: 8 },
  { sone: '3', sats: 0.064, weight: 6 },
  { sone: '4', sats: 0.051, weight: 6 },
  { sone: '4a', sats: 0.079, weight: 4 },
  { sone: '5', sats: 0, weight: 2 },
];

export interface Employer {
  ansatte: number;
  /** Average gross monthly pay per employee, NOK. */
  maanedsloenn: number;
  /** Arbeidsgiveravgift rate of the party's zone. */
  agaSats: number;
  /** Share of gross pay withheld as forskuddstrekk. */
  trekkprosent: number;
}

export interface ThirdPartyPayer {
  /** `regnskapsfoerer` pays the business's VAT and A-melding; `ektefelle` the owner's personal taxes. */
  rolle: 'regnskapsfoerer' | 'ektefelle';
}

export interface GeneratedProfile {
  index: number;
  form: Organisasjonsform;
  /** An AS without sales or employees (a holding company): only its own tax. */
  holding: boolean;
  /** For the ledger builder (orgnr, navn, owner, business account, id seed). */
  builder: BuilderProfile;
  /** Protected address: answers are reduced (FACTS.md §11). Rare. */
  skjermet: boolean;
  /** Annual turnover, NOK. */
  omsetning: number;
  /** Share of turnover that is value added (what MVA is paid on, net). */
  verdiskapning: number;
  /** Expected taxable profit a year, NOK (the base of the assessment when no forskuddsskatt is paid). */
  skattbartOverskudd: number;
  mva: boolean;
  employer?: Employer;
  /** Annual forskuddsskatt (ENK: the owner's; AS: the company's); 0 = none. */
  forskuddsskatt: number;
  atferd: Betalingsatferd;
  /** The day the assessment (skatteoppgjøret) is sent each year. */
  oppgjoer: { month: number; day: number };
  thirdParty?: ThirdPartyPayer;
  /** Pays something without KID once in a while (stays unplaced, is placed by hand or paid back). */
  betalerUtenKid: boolean;
}

const title = (s: string): string => s.toUpperCase();

/** Trades small Norwegian businesses name themselves after (choice; Faker nb_NO has only shop departments). */
export const BRANSJER: readonly string[] = [
  'Bygg', 'Rør', 'Elektro', 'Maling', 'Transport', 'Regnskap', 'Frisør', 'Consulting', 'Eiendom', 'Snekkeri', 'Handel', 'Data',
  'Renhold', 'Maskin', 'Anlegg', 'Bil', 'Foto', 'Design', 'Service', 'Tak', 'Fysioterapi', 'Hudpleie', 'Kafé', 'Gårdsdrift',
  'Fiske', 'Betong', 'Graving', 'Tannhelse', 'Sport', 'Sko', 'Klær', 'Musikk', 'Verktøy', 'Blomster', 'Interiør', 'Catering',
];

function companyName(rng: Rng): string {
  const f = rng.faker;
  const style = rng.weighted([
    ['faker', 35],
    ['etternavn', 45],
    ['sted', 20],
  ] as const);
  let name: string;
  if (style === 'faker') name = f.company.name().replace(/ (AS|ASA|BA)$/, '');
  else if (style === 'etternavn') name = `${f.person.lastName()} ${rng.pick(BRANSJER)}`;
  else name = `${f.location.city()} ${rng.pick(BRANSJER)}`;
  return `${title(name)} AS`;
}

/** An ENK's name contains the owner's surname (foretaksnavneloven § 2-2). */
function enkName(rng: Rng, firstName: string, lastName: string): string {
  const style = rng.weighted([
    ['person', 45],
    ['etternavn', 35],
    ['begge', 20],
  ] as const);
  if (style === 'person') return title(`${firstName} ${lastName}`);
  if (style === 'etternavn') return title(`${lastName} ${rng.pick(BRANSJER)}`);
  return title(`${firstName} ${lastName} ${rng.pick(BRANSJER)}`);
}

/** The profile of party `index` of a run with `seed`; `rng` must be seeded for this party. */
export function generateProfile(seed: number, index: number, partySeedValue: number, rng: Rng): GeneratedProfile {
  const f = rng.faker;
  const form: Organisasjonsform = rng.chance(0.5) ? 'ENK' : 'AS';
  // about a third of the AS are holding companies: no sales, no employees, only their own tax
  const holding = form === 'AS' && rng.chance(0.3);
  const orgnr = organisasjonsnummerFor(seed, index);
  const person = syntheticPersonFor(seed, index);
  const firstName = f.person.firstName(person.sex);
  const lastName = f.person.lastName();
  const owner: Person = { fnr: person.fnr, navn: `${firstName} ${lastName}`, kontonummer: bankAccount(rng) };
  const navn = form === 'ENK' ? enkName(rng, firstName, lastName) : companyName(rng);

  const omsetning = holding ? 0 : form === 'ENK' ? rng.logUniform(300_000, 4_000_000) : rng.logUniform(1_000_000, 60_000_000);
  let mva = !holding && rng.chance(form === 'ENK' ? 0.6 : 0.92);
  let employer: Employer | undefined;
  if (!holding && rng.chance(form === 'ENK' ? 0.08 : 0.75)) {
    const zone = rng.weighted(AGA_ZONES.map((z) => [z, z.weight] as const));
    // roughly a payroll the turnover can carry
    const maxAnsatte = Math.max(1, Math.min(40, Math.floor(omsetning / 1_200_000)));
    employer = {
      ansatte: Math.max(1, Math.round(rng.logUniform(1, maxAnsatte + 0.99))),
      maanedsloenn: rng.int(32_000, 68_000),
      agaSats: zone.sats,
      trekkprosent: rng.float(0.27, 0.36),
    };
  }
  if (form === 'AS' && !holding && !employer) mva = true; // an operating AS sells something
  const margin = form === 'ENK' ? rng.float(0.12, 0.45) : rng.float(-0.04, 0.18);
  // a holding company's taxable income: interest, rent, dividends outside the exemption method
  const overskudd = holding ? rng.logUniform(20_000, 2_000_000) : omsetning * margin;
  const forskuddsskatt =
    form === 'ENK'
      ? Math.max(8_000, Math.round((overskudd * rng.float(0.22, 0.34)) / 400) * 400) // four equal instalments
      : overskudd > 50_000 && rng.chance(holding ? 0.6 : 0.85)
        ? Math.round((overskudd * 0.22) / 200) * 200 // two equal instalments
        : 0;
  const atferd = rng.weighted<Betalingsatferd>([
    ['punctual', 55],
    ['late', 20],
    ['arrears', 15],
    ['overpays', 10],
  ]);
  const oppgjoer =
    form === 'ENK'
      ? { month: rng.weighted([[6, 2], [8, 3], [9, 2], [10, 4]] as const), day: rng.int(1, 28) }
      : { month: 10, day: rng.int(14, 28) };
  const profile: GeneratedProfile = {
    index,
    form,
    holding,
    builder: { orgnr, navn, owner, kontonummer: bankAccount(rng), seed: partySeedValue % 1_000_000 },
    skjermet: form === 'ENK' && rng.chance(0.01),
    omsetning,
    verdiskapning: rng.float(0.2, 0.55),
    skattbartOverskudd: Math.max(0, Math.round(overskudd)),
    mva,
    forskuddsskatt,
    atferd,
    oppgjoer,
    betalerUtenKid: rng.chance(0.07),
  };
  if (employer) profile.employer = employer;
  if (rng.chance(0.08)) profile.thirdParty = { rolle: form === 'ENK' && rng.chance(0.5) ? 'ektefelle' : 'regnskapsfoerer' };
  return profile;
}
