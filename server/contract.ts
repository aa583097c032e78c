// contracts/openapi.yaml, loaded once and compiled into ajv validators. The single source of truth
// for what a request may carry and what a response may contain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import jsYaml from 'js-yaml';
import { CONTRACT_ID, contractAjv, contractSchemas, precompiledContractValidators } from './contract-precompiled.js';
import { contractsDir } from './paths.js';

export const contractFile = join(contractsDir, 'openapi.yaml');
export const adminContractFile = join(contractsDir, 'admin-openapi.yaml');

type Json = Record<string, unknown>;

interface MediaType {
  schema?: { $ref?: string };
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: Json & { format?: string; enum?: string[]; pattern?: string };
}
interface Operation {
  operationId: string;
  parameters?: (ParameterObject | { $ref: string })[];
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Json>;
    responses: Record<string, ResponseObject>;
    parameters: Record<string, ParameterObject>;
  };
}

export interface ContractViolation {
  /** JSON pointer into the body. */
  instancePath: string;
  message: string;
  /** The violated schema rule, e.g. `format date` or `pattern ^[0-9]{9}$` (parameter violations only). */
  rule?: string;
}

/**
 * The contract as a JSON value. js-yaml with its core schema (YAML 1.2's: no timestamps, so dates stay
 * strings) reads the contracts ten times faster than the yaml package, which costs start-up 0.1 s
 * (test/contract/contract-parse.test.ts checks both read them alike).
 */
export function loadContractDocument(file = contractFile): OpenApiDocument {
  return jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA, filename: file }) as OpenApiDocument;
}

function toViolations(errors: ErrorObject[] | null | undefined): ContractViolation[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` '${String((e.params as { additionalProperty: string }).additionalProperty)}'`
        : e.keyword === 'enum'
          ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
          : '';
    return { instancePath: e.instancePath || '/', message: `${e.message ?? e.keyword}${extra}` };
  });
}

/** An ajv error's keyword and its schema value: `format date`, `pattern ^…$`, `enum a, b`, `maxLength 20`. */
function ruleOf(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const value = e.keyword === 'enum' ? (params.allowedValues as unknown[]).join(', ') : Object.values(params)[0];
  return value === undefined ? e.keyword : `${e.keyword} ${Array.isArray(value) ? value.join(', ') : String(value)}`;
}

export interface Contract {
  document: OpenApiDocument;
  /** Validates a value against `components/schemas/<name>`. */
  validateSchema(name: string, value: unknown): ContractViolation[];
  /**
   * Validates a response body for an operation, status and media type. Returns a violation when the
   * contract does not describe that status or media type for the operation at all.
   */
  validateResponse(operationId: string, status: number, mediaType: string, body: unknown): ContractViolation[];
  /** The names of all component schemas. */
  schemaNames(): string[];
  /** The operation served at a path template (`/v1/{rettighetspakke}/{partIdentifikator}/krav`) by a method (GET by default). */
  operationAt(pathTemplate: string, method?: string): { operationId: string; parameters: ParameterObject[] } | undefined;
  /** The component schema name of a declared response, if it has one. */
  responseSchemaName(operationId: string, status: number, mediaType: string): string | undefined;
  /** The XML root element name of an operation's 200 response (`xml.name` of its schema). */
  xmlRootName(operationId: string): string;
  /** Validates one parameter value against its schema in the contract. */
  validateParameter(parameter: ParameterObject, value: unknown): ContractViolation[];
}

export function createContract(doc: OpenApiDocument = loadContractDocument()): Contract {
  const schemas = contractSchemas(doc);
  const { defs } = schemas;
  // The build's precompiled validators when they were made from these very schemas; otherwise (or for
  // a schema they lack) ajv compiles on first use. Parameters have schemas of their own (no $ref).
  const precompiled = precompiledContractValidators(schemas);
  let schemasAjv: Ajv2020 | undefined;
  let parametersAjv: Ajv2020 | undefined;
  const cache = new Map<string, ValidateFunction>();
  const validator = (name: string): ValidateFunction => {
    let fn = cache.get(name);
    if (!fn) {
      fn = (Object.hasOwn(defs, name) ? precompiled?.schemas[name] : undefined) ?? (schemasAjv ??= contractAjv(defs)).getSchema(`${CONTRACT_ID}#/$defs/${name}`);
      if (!fn) throw new Error(`contract has no schema '${name}'`);
      cache.set(name, fn);
    }
    return fn;
  };
  const operations = new Map<string, Operation>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) operations.set(op.operationId, op);
  }
  const resolveParameter = (p: ParameterObject | { $ref: string }): ParameterObject =>
    '$ref' in p ? (doc.components.parameters[p.$ref.replace('#/components/parameters/', '')] as ParameterObject) : p;
  const parameterValidators = new Map<ParameterObject, ValidateFunction>();
  const resolveResponse = (r: ResponseObject): ResponseObject =>
    r.$ref ? (doc.components.responses[r.$ref.replace('#/components/responses/', '')] ?? {}) : r;
  const describeResponse = (operationId: string, status: number, mediaType: string): { schema?: string; problem?: string } => {
    const op = operations.get(operationId);
    if (!op) return { problem: `unknown operation '${operationId}'` };
    const declared = op.responses[String(status)];
    if (!declared) {
      return { problem: `status ${status} is not declared for ${operationId} (declared: ${Object.keys(op.responses).join(', ')})` };
    }
    const content = resolveResponse(declared).content ?? {};
    const media = content[mediaType];
    if (!media) {
      return { problem: `media type '${mediaType}' is not declared for ${operationId} ${status} (declared: ${Object.keys(content).join(', ')})` };
    }
    const ref = media.schema?.$ref;
    return ref ? { schema: ref.replace('#/components/schemas/', '') } : {};
  };

  return {
    document: doc,
    schemaNames: () => Object.keys(doc.components.schemas),
    operationAt(pathTemplate, method = 'get') {
      const op = doc.paths[pathTemplate]?.[method.toLowerCase()];
      return op && { operationId: op.operationId, parameters: (op.parameters ?? []).map(resolveParameter) };
    },
    xmlRootName(operationId) {
      const name200 = describeResponse(operationId, 200, 'application/xml').schema;
      const schema = name200 ? doc.components.schemas[name200] : undefined;
      const name = (schema?.xml as { name?: string } | undefined)?.name;
      if (!name) throw new Error(`contract gives no XML root name for ${operationId}`);
      return name;
    },
    validateParameter(parameter, value) {
      let fn = parameterValidators.get(parameter);
      if (!fn) {
        fn = precompiled?.parameters.get(JSON.stringify(parameter.schema)) ?? (parametersAjv ??= contractAjv()).compile(parameter.schema);
        parameterValidators.set(parameter, fn);
      }
      return fn(value) ? [] : toViolations(fn.errors).map((v, i) => ({ ...v, rule: ruleOf(fn.errors![i]!) }));
    },
    validateSchema(name, value) {
      const fn = validator(name);
      return fn(value) ? [] : toViolations(fn.errors);
    },
    responseSchemaName(operationId, status, mediaType) {
      return describeResponse(operationId, status, mediaType).schema;
    },
    validateResponse(operationId, status, mediaType, body) {
      const { schema, problem } = describeResponse(operationId, status, mediaType);
      if (problem) return [{ instancePath: '/', message: problem }];
      return schema ? this.validateSchema(schema, body) : [];
    },
  };
}
