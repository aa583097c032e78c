// A fault rule as the admin API receives it: checked against `FaultRuleInput` in
// contracts/admin-openapi.yaml (one ajv compile per process), then against what a schema cannot say
// (minMs ≤ maxMs, the id free in this scope). Every problem names the field, what was expected and
// what came; the stored rule has its defaults filled in.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { AdminError, type AdminProblem } from '../admin/admin-error.js';
import { adminContractFile, loadContractDocument, type OpenApiDocument } from '../contract.js';
import { ruleSeed } from './random.js';
import { DEFAULT_MAX_LATENCY_MS, DEFAULT_RETRY_AFTER_SECONDS, type Failure, type FaultRule, type Latency } from './types.js';

const ADMIN_ID = 'https://kravmock.local/contracts/admin-openapi.yaml';
const ANNOTATIONS = ['xml', 'example', 'x-kravmock-choice', 'externalDocs'];

type Json = Record<string, unknown>;

let compiled: { validate: ValidateFunction; schemas: Record<string, Json> } | undefined;

function validator(): { validate: ValidateFunction; schemas: Record<string, Json> } {
  if (!compiled) {
    const doc: OpenApiDocument = loadContractDocument(adminContractFile);
    // `discriminator` is asserted here (only the branch the tag names is checked, so the messages
    // are about that branch), verbose to name the offending values.
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, discriminator: true, verbose: true });
    addFormats.default(ajv);
    for (const keyword of ANNOTATIONS) ajv.addKeyword(keyword);
    const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as Record<string, Json>;
    ajv.addSchema({ $id: ADMIN_ID, $defs: defs });
    const validate = ajv.getSchema(`${ADMIN_ID}#/$defs/FaultRuleInput`);
    if (!validate) throw new Error('contracts/admin-openapi.yaml has no schema FaultRuleInput');
    compiled = { validate, schemas: defs };
  }
  return compiled;
}

function fieldPath(instancePath: string, property?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (property !== undefined) parts.push(property);
  return parts.join('.') || '(body)';
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function knownProperties(schema: unknown, schemas: Record<string, Json>): string[] {
  const s = schema as { properties?: Json; allOf?: { $ref?: string }[] };
  const own = Object.keys(s.properties ?? {});
  const inherited = (s.allOf ?? []).flatMap((part) => knownProperties(part.$ref ? schemas[part.$ref.replace('#/$defs/', '')] : part, schemas));
  return [...own, ...inherited];
}

/** The values a discriminated oneOf allows for its tag. */
function tagValues(schema: unknown, tag: string, schemas: Record<string, Json>): string[] {
  const branches = (schema as { oneOf?: { $ref?: string }[] }).oneOf ?? [];
  return branches.flatMap((b) => {
    const property = ((b.$ref ? schemas[b.$ref.replace('#/$defs/', '')] : b) as { properties?: Record<string, { const?: string; enum?: string[] }> }).properties?.[tag];
    return property?.const !== undefined ? [property.const] : (property?.enum ?? []);
  });
}

function problemOf(e: ErrorObject, schemas: Record<string, Json>): AdminProblem | undefined {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'anyOf':
      return { path: fieldPath(e.instancePath), message: 'needs latency, failure or both: a rule without either would do nothing' };
    case 'required':
      // The branches of anyOf report their own `required`; the anyOf error above says it once.
      if (e.schemaPath.includes('/anyOf/')) return undefined;
      return { path: fieldPath(e.instancePath, String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty);
      return {
        path: fieldPath(e.instancePath, property),
        message: `is not a known property here: expected ${knownProperties(e.parentSchema, schemas).join(', ')}`,
      };
    }
    case 'discriminator': {
      const tag = String(params.tag);
      const allowed = tagValues(e.parentSchema, tag, schemas).join(', ');
      const value = (e.data as Json | undefined)?.[tag];
      if (value === undefined) return { path: fieldPath(e.instancePath, tag), message: `is required: one of ${allowed}` };
      return { path: fieldPath(e.instancePath, tag), message: `must be one of ${allowed}, got ${shown(value)}` };
    }
    case 'enum':
      return { path: fieldPath(e.instancePath), message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}, got ${shown(e.data)}` };
    case 'type':
      if (e.instancePath === '') return { path: '(body)', message: `must be a JSON object, got ${shown(e.data)}` };
      return { path: fieldPath(e.instancePath), message: `must be ${String(params.type)}, got ${shown(e.data)}` };
    default:
      return { path: fieldPath(e.instancePath), message: `${e.message ?? e.keyword}, got ${shown(e.data)}` };
  }
}

function refuse(problems: AdminProblem[]): AdminError {
  return new AdminError(400, 'invalid-fault-rule', `invalid fault rule: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
}

/** The body's problems against the contract's FaultRuleInput, and the ones a schema cannot state. */
function problemsOf(body: unknown): AdminProblem[] {
  const { validate, schemas } = validator();
  if (!validate(body)) {
    const problems = (validate.errors ?? []).map((e) => problemOf(e, schemas)).filter((p): p is AdminProblem => p !== undefined);
    // ajv reports the same thing once per evaluation path at times (allOf and unevaluatedProperties).
    return problems.filter((p, i) => problems.findIndex((q) => q.path === p.path && q.message === p.message) === i);
  }
  const { latency } = body as { latency?: Latency };
  if (latency?.distribution === 'uniform' && latency.minMs > latency.maxMs) {
    return [{ path: 'latency.minMs', message: `must not be greater than latency.maxMs (${latency.maxMs}), got ${latency.minMs}` }];
  }
  if (latency?.distribution === 'lognormal' && latency.maxMs !== undefined && latency.medianMs > latency.maxMs) {
    return [{ path: 'latency.medianMs', message: `must not be greater than latency.maxMs (${latency.maxMs}), got ${latency.medianMs}` }];
  }
  return [];
}

function storedLatency(latency: Latency): Latency {
  switch (latency.distribution) {
    case 'fixed':
      return { distribution: 'fixed', ms: latency.ms };
    case 'uniform':
      return { distribution: 'uniform', minMs: latency.minMs, maxMs: latency.maxMs };
    case 'lognormal':
      return { distribution: 'lognormal', medianMs: latency.medianMs, sigma: latency.sigma, maxMs: latency.maxMs ?? DEFAULT_MAX_LATENCY_MS };
  }
}

function storedFailure(failure: Failure): Failure {
  switch (failure.type) {
    case 'error':
      return { type: 'error', kode: failure.kode };
    case 'unavailable':
    case 'rateLimit':
      return { type: failure.type, retryAfterSeconds: (failure as { retryAfterSeconds?: number }).retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
    default:
      return { type: failure.type };
  }
}

/** The first `fault-<n>` no rule of the scope has: deterministic, so a replay derives the same seeds. */
function freeId(existing: readonly FaultRule[]): string {
  const taken = new Set(existing.map((r) => r.id));
  let n = 1;
  while (taken.has(`fault-${n}`)) n += 1;
  return `fault-${n}`;
}

/**
 * The rule to store for a POST body, or an AdminError: 400 `invalid-fault-rule` listing every
 * problem, 409 `fault-rule-exists` when the scope has a rule with that id.
 */
export function parseFaultRule(body: unknown, existing: readonly FaultRule[], serverSeed: number, scopeName: string): FaultRule {
  const problems = problemsOf(body);
  if (problems.length > 0) throw refuse(problems);
  // Only known fields are copied: nothing else of the body (a `__proto__` was refused above) is kept.
  const input = body as Partial<FaultRule>;
  const id = input.id ?? freeId(existing);
  if (existing.some((r) => r.id === id)) {
    throw new AdminError(409, 'fault-rule-exists', `${scopeName} already has a fault rule '${id}': delete it first (DELETE /__admin/faults/${id}) or choose another id`);
  }
  const rule: FaultRule = { id, probability: input.probability ?? 1, seed: input.seed ?? ruleSeed(serverSeed, id) };
  if (input.partIdentifikator !== undefined) rule.partIdentifikator = input.partIdentifikator;
  if (input.endpoint !== undefined) rule.endpoint = input.endpoint;
  if (input.latency) rule.latency = storedLatency(input.latency);
  if (input.failure) rule.failure = storedFailure(input.failure);
  return rule;
}

/** The rule in a stable key order for the admin API. */
export function ruleJson(rule: FaultRule): Record<string, unknown> {
  return {
    id: rule.id,
    ...(rule.partIdentifikator !== undefined ? { partIdentifikator: rule.partIdentifikator } : {}),
    ...(rule.endpoint !== undefined ? { endpoint: rule.endpoint } : {}),
    probability: rule.probability,
    ...(rule.latency ? { latency: rule.latency } : {}),
    ...(rule.failure ? { failure: rule.failure } : {}),
    seed: rule.seed,
  };
}
