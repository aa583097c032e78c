// Checks a request's path, query and declared headers against the contract's parameters, then
// against the rules the contract cannot express (check digits, the period rules). Every failure is an
// ApiError (KB-006) that names the parameter, the value and what was expected, and ends with the rule
// that was broken and the JSON pointer of the offending value: `(regel: format date; peker:
// /query/fraOgMed)`. The contract's rules come from ajv's error for the parameter's own schema.
import type { Contract, ParameterObject } from '../contract.js';
import { addYears } from '../ledger/dates.js';
import { partIdentifikatorProblem } from '../ledger/identifiers.js';
import type { Period, Rettighetspakke } from '../ledger/views.js';
import { ApiError } from './errors.js';

export const RESOURCES = ['aapnekrav', 'krav', 'innbetalinger', 'utbetalinger'] as const;
export type Resource = (typeof RESOURCES)[number];

export interface ApiRequest {
  operationId: string;
  resource: Resource;
  rettighetspakke: Rettighetspakke;
  partIdentifikator: string;
  /** Present on the period endpoints; `tilOgMed` defaults to the clock date. */
  period?: Period;
}

export interface RawApiRequest {
  rettighetspakke: string;
  partIdentifikator: string;
  resource: string;
  query: Record<string, unknown>;
  /** The request headers (Node's lower-case names). */
  headers: Record<string, string | string[] | undefined>;
}

const PARTY_EXPECTATION =
  'forventet organisasjonsnummer (9 siffer med gyldig kontrollsiffer) eller fødselsnummer/D-nummer (11 siffer med gyldige kontrollsifre)';

function expectation(parameter: ParameterObject): string {
  if (parameter.name === 'partIdentifikator') return PARTY_EXPECTATION;
  const { schema } = parameter;
  if (schema.format === 'date') return 'forventet en gyldig dato på formatet YYYY-MM-DD';
  if (schema.enum) return `forventet en av: ${schema.enum.join(', ')}`;
  if (schema.pattern) return `forventet en verdi som passer mønsteret ${schema.pattern}`;
  return `forventet en verdi av typen ${String(schema.type)}`;
}

/** `/query/fraOgMed`, `/path/partIdentifikator`, `/header/AltinnSamtykke` (RFC 6901 escaping). */
export function parameterPointer(parameter: ParameterObject, instancePath = ''): string {
  const name = parameter.name.replaceAll('~', '~0').replaceAll('/', '~1');
  return `/${parameter.in}/${name}${instancePath === '/' ? '' : instancePath}`;
}

/** The ending every KB-006 message carries: the rule that was broken and where. */
export const ruleAndPointer = (rule: string, pointer: string): string => ` (regel: ${rule}; peker: ${pointer})`;

export function unknownUrl(raw: Pick<RawApiRequest, 'rettighetspakke' | 'partIdentifikator' | 'resource'>): ApiError {
  return new ApiError(
    'KB-003',
    `Ukjent URL: /v1/${raw.rettighetspakke}/${raw.partIdentifikator}/${raw.resource}. ` +
      `Gyldige adresser er /v1/{finans|regnskapssystem}/{partIdentifikator}/{${RESOURCES.join('|')}}.`,
  );
}

export interface RequestValidator {
  /** The validated request, or an ApiError (KB-003 / KB-006) naming what was wrong. */
  check(raw: RawApiRequest, clock: string): ApiRequest;
  operationIdFor(resource: Resource): string;
}

export function createRequestValidator(contract: Contract): RequestValidator {
  const operations = new Map(
    RESOURCES.map((resource) => {
      const op = contract.operationAt(`/v1/{rettighetspakke}/{partIdentifikator}/${resource}`);
      if (!op) throw new Error(`contract has no GET operation for ${resource}`);
      return [resource as string, op] as const;
    }),
  );

  const check = (raw: RawApiRequest, clock: string): ApiRequest => {
    const op = operations.get(raw.resource);
    if (!op) throw unknownUrl(raw);
    const values: Record<string, string | undefined> = {};

    for (const parameter of op.parameters) {
      const value = valueOf(raw, parameter);
      const pointer = parameterPointer(parameter);
      if (value === undefined || value === '') {
        if (parameter.required) {
          throw new ApiError('KB-006', `Mangler påkrevd parameter ${parameter.name}: ${expectation(parameter)}${ruleAndPointer('required', pointer)}.`);
        }
        continue;
      }
      if (typeof value !== 'string') {
        const [violation] = contract.validateParameter(parameter, value);
        throw new ApiError(
          'KB-006',
          `Parameteren ${parameter.name} er oppgitt flere ganger: forventet én verdi${ruleAndPointer(violation?.rule ?? 'én verdi', pointer)}.`,
        );
      }
      const [violation] = contract.validateParameter(parameter, value);
      if (violation) {
        if (parameter.in === 'path' && parameter.schema.enum) throw unknownUrl(raw);
        throw new ApiError(
          'KB-006',
          `Ugyldig ${parameter.name} '${shown(value)}': ${expectation(parameter)}${ruleAndPointer(violation.rule ?? violation.message, parameterPointer(parameter, violation.instancePath))}.`,
        );
      }
      // The same rule the scenario loader applies (check digits and, for persons, the birth date).
      const partyProblem = parameter.name === 'partIdentifikator' ? partIdentifikatorProblem(value) : undefined;
      if (partyProblem !== undefined) {
        const rule = partyProblem.includes('birth date') ? 'fødselsdato DDMMYY i siffer 1-6' : 'kontrollsiffer mod 11';
        throw new ApiError('KB-006', `Ugyldig partIdentifikator '${value}': ${PARTY_EXPECTATION}${ruleAndPointer(rule, pointer)}.`);
      }
      values[parameter.name] = value;
    }

    const request: ApiRequest = {
      operationId: op.operationId,
      resource: raw.resource as Resource,
      rettighetspakke: raw.rettighetspakke as Rettighetspakke,
      partIdentifikator: raw.partIdentifikator,
    };
    const fraOgMed = values.fraOgMed;
    if (fraOgMed !== undefined) request.period = checkPeriod(fraOgMed, values.tilOgMed, clock);
    return request;
  };
  return { check, operationIdFor: (resource) => operations.get(resource)!.operationId };
}

/** A value as a message quotes it: long ones (a header's token) cut at 100 characters. */
const shown = (value: string): string => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

/** A path or query parameter's value, or a declared header's (Node gives header names in lower case). */
function valueOf(raw: RawApiRequest, parameter: ParameterObject): unknown {
  if (parameter.in === 'path') return (raw as unknown as Record<string, unknown>)[parameter.name];
  if (parameter.in === 'header') return raw.headers[parameter.name.toLowerCase()];
  return raw.query[parameter.name];
}

/**
 * The period rules: tilOgMed defaults to the clock, is not before fraOgMed and at most one year after
 * it. The pointer names the value given that breaks the rule: tilOgMed, or fraOgMed when tilOgMed
 * was not given.
 */
function checkPeriod(fraOgMed: string, tilOgMedGiven: string | undefined, clock: string): Period {
  const tilOgMed = tilOgMedGiven ?? clock;
  const source = tilOgMedGiven === undefined ? ' (dagens dato, fordi tilOgMed ikke er oppgitt)' : '';
  const pointer = tilOgMedGiven === undefined ? '/query/fraOgMed' : '/query/tilOgMed';
  if (tilOgMed < fraOgMed) {
    throw new ApiError(
      'KB-006',
      `Ugyldig periode: tilOgMed ${tilOgMed}${source} er før fraOgMed ${fraOgMed}. Forventet tilOgMed lik eller etter fraOgMed${ruleAndPointer('tilOgMed >= fraOgMed', pointer)}.`,
    );
  }
  const latest = addYears(fraOgMed, 1);
  if (tilOgMed > latest) {
    throw new ApiError(
      'KB-006',
      `Ugyldig periode: ${fraOgMed} til ${tilOgMed}${source} er lengre enn ett år. Forventet tilOgMed senest ${latest}${ruleAndPointer('periode høyst ett år', pointer)}.`,
    );
  }
  return { fraOgMed, tilOgMed };
}
