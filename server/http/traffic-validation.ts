// Response validation at run time: every API response body is checked against contracts/openapi.yaml
// on its way out (the `inspect` hook of the response pipeline). A hand-written scenario can make the
// ledger produce something the contract forbids; in `report` mode the violations go to the journal
// and the log, in `enforce` mode the response becomes 500 KB-001 listing them, `off` skips the check.
// XML responses carry the same JSON value as JSON ones, so both are checked against the
// application/json schema of the operation and status. Responses outside every operation (an
// unknown URL) are errors and are checked against the Feil schema.
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Contract, ContractViolation } from '../contract.js';
import { correlationIdOf } from './correlation.js';
import { serializeError } from './format.js';
import { factsOf } from './request-context.js';
import type { OutgoingResponse } from './respond.js';

export type ValidationMode = 'off' | 'report' | 'enforce';
export const VALIDATION_MODES: readonly ValidationMode[] = ['off', 'report', 'enforce'];
export const DEFAULT_VALIDATION_MODE: ValidationMode = 'report';

/** Violations named in an enforce-mode message; the rest are counted (all of them are in the journal). */
const LISTED = 5;
const MESSAGE_LIMIT = 160;

type Check = (body: unknown) => ContractViolation[];

export interface ResponseValidator {
  /** The body's violations of the contract for this operation (none: the Feil schema) and status. */
  violations(operationId: string | undefined, status: number, body: unknown): ContractViolation[];
}

/** Looks each operation/status's schema up once and keeps the check; the contract compiled the schemas at start. */
export function createResponseValidator(contract: Contract): ResponseValidator {
  const checks = new Map<string, Check>();
  const feil: Check = (body) => contract.validateSchema('Feil', body);
  const checkFor = (operationId: string | undefined, status: number): Check => {
    if (operationId === undefined) return feil;
    const key = `${operationId} ${status}`;
    let check = checks.get(key);
    if (!check) {
      const schema = contract.responseSchemaName(operationId, status, 'application/json');
      // Without a schema name the contract explains why (status or media type not declared).
      check = schema ? (body) => contract.validateSchema(schema, body) : (body) => contract.validateResponse(operationId, status, 'application/json', body);
      checks.set(key, check);
    }
    return check;
  };
  // An answer from the answer cache is one deeply frozen object shared by every request that gets it:
  // its verdict cannot change, so it is checked once (per operation and status) and remembered.
  const verdicts = new WeakMap<object, { key: string; violations: ContractViolation[] }>();
  return {
    violations: (operationId, status, body) => {
      if (typeof body !== 'object' || body === null || !Object.isFrozen(body)) return checkFor(operationId, status)(body);
      const key = `${operationId} ${status}`;
      const known = verdicts.get(body);
      if (known?.key === key) return known.violations;
      const violations = checkFor(operationId, status)(body);
      verdicts.set(body, { key, violations });
      return violations;
    },
  };
}

/** `Svaret bryter kontrakten: /krav/0/kravtype: must be …; … og 3 brudd til (se GET /__admin/journal).` */
export function violationMessage(violations: readonly ContractViolation[]): string {
  const listed = violations.slice(0, LISTED).map((v) => {
    const text = `${v.instancePath}: ${v.message}`;
    return text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}…` : text;
  });
  const more = violations.length - listed.length;
  return `Svaret bryter kontrakten: ${listed.join('; ')}${more > 0 ? `; … og ${more} brudd til (se GET /__admin/journal)` : ''}.`;
}

/** Into the request's facts (→ journal); a request the scope middleware refused has none. */
function recordViolations(res: Response, violations: ContractViolation[]): void {
  try {
    factsOf(res).violations = violations;
  } catch {
    // no facts: nothing to record them in; the log still has them
  }
}

export interface TrafficValidationOptions {
  contract: Contract;
  mode: ValidationMode;
  logger: Logger;
}

/** The pipeline's `inspect` hook for the mode, or undefined for `off`. */
export function responseInspector(options: TrafficValidationOptions): ((req: Request, res: Response, out: OutgoingResponse) => OutgoingResponse) | undefined {
  const { mode, logger } = options;
  if (!VALIDATION_MODES.includes(mode)) throw new Error(`validate must be off, report or enforce, got '${String(mode)}'`);
  if (mode === 'off') return undefined;
  const validator = createResponseValidator(options.contract);
  return (_req, res, out) => {
    const violations = validator.violations(out.operationId, out.status, out.body);
    if (violations.length === 0) return out;
    recordViolations(res, violations);
    const korrelasjonsid = correlationIdOf(res);
    const context = { korrelasjonsid, operationId: out.operationId, status: out.status, violations: violations.slice(0, LISTED), violationCount: violations.length };
    if (mode === 'report') {
      logger.warn(context, 'response breaks the contract (validate=report: sent as it is)');
      return out;
    }
    logger.error(context, 'response breaks the contract (validate=enforce: answered 500 KB-001 instead)');
    const body = { kode: 'KB-001', melding: violationMessage(violations), korrelasjonsid };
    const { bytes: _stale, ...rest } = out;
    return { ...rest, status: 500, body, text: serializeError(out.format, body) };
  };
}
