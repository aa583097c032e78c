// Checks a request's path and query against the contract's parameters, then against the rules the
// contract cannot express (check digits, the period rules). Every failure is an ApiError that names
// the parameter, the value and what was expected.
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

export function unknownUrl(raw: RawApiRequest): ApiError {
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
      if (parameter.in === 'header') continue; // headers belong to the access check
      const value = parameter.in === 'path' ? (raw as unknown as Record<string, unknown>)[parameter.name] : raw.query[parameter.name];
      if (value === undefined || value === '') {
        if (parameter.required) {
          throw new ApiError('KB-006', `Mangler påkrevd parameter ${parameter.name}: ${expectation(parameter)}.`);
        }
        continue;
      }
      if (typeof value !== 'string') {
        throw new ApiError('KB-006', `Parameteren ${parameter.name} er oppgitt flere ganger: forventet én verdi.`);
      }
      if (contract.validateParameter(parameter, value).length > 0) {
        if (parameter.in === 'path' && parameter.schema.enum) throw unknownUrl(raw);
        throw new ApiError('KB-006', `Ugyldig ${parameter.name} '${value}': ${expectation(parameter)}.`);
      }
      // The same rule the scenario loader applies (check digits and, for persons, the birth date).
      if (parameter.name === 'partIdentifikator' && partIdentifikatorProblem(value) !== undefined) {
        throw new ApiError('KB-006', `Ugyldig partIdentifikator '${value}': ${PARTY_EXPECTATION}.`);
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

/** The period rules: tilOgMed defaults to the clock, is not before fraOgMed and at most one year after it. */
function checkPeriod(fraOgMed: string, tilOgMedGiven: string | undefined, clock: string): Period {
  const tilOgMed = tilOgMedGiven ?? clock;
  const source = tilOgMedGiven === undefined ? ' (dagens dato, fordi tilOgMed ikke er oppgitt)' : '';
  if (tilOgMed < fraOgMed) {
    throw new ApiError(
      'KB-006',
      `Ugyldig periode: tilOgMed ${tilOgMed}${source} er før fraOgMed ${fraOgMed}. Forventet tilOgMed lik eller etter fraOgMed.`,
    );
  }
  const latest = addYears(fraOgMed, 1);
  if (tilOgMed > latest) {
    throw new ApiError(
      'KB-006',
      `Ugyldig periode: ${fraOgMed} til ${tilOgMed}${source} er lengre enn ett år. Forventet tilOgMed senest ${latest}.`,
    );
  }
  return { fraOgMed, tilOgMed };
}
