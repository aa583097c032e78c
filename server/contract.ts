// contracts/openapi.yaml, loaded once and compiled into ajv validators. The single source of truth
// for what a request may carry and what a response may contain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { contractsDir } from './paths.js';

export const contractFile = join(contractsDir, 'openapi.yaml');

type Json = Record<string, unknown>;

interface MediaType {
  schema?: { $ref?: string };
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, ResponseObject> };
}

export interface ContractViolation {
  /** JSON pointer into the body. */
  instancePath: string;
  message: string;
}

const CONTRACT_ID = 'https://kravmock.local/contracts/openapi.yaml';
// OpenAPI keywords that are annotations, not JSON Schema assertions.
const ANNOTATIONS = ['xml', 'example', 'x-kravmock-choice', 'discriminator', 'externalDocs'];

export function loadContractDocument(file = contractFile): OpenApiDocument {
  return parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** ajv with the contract's schemas registered under `CONTRACT_ID#/$defs/<Name>`. */
function compileSchemas(doc: OpenApiDocument): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  for (const keyword of ANNOTATIONS) ajv.addKeyword(keyword);
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) as Json;
  ajv.addSchema({ $id: CONTRACT_ID, $defs: defs });
  return ajv;
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
}

export function createContract(doc: OpenApiDocument = loadContractDocument()): Contract {
  const ajv = compileSchemas(doc);
  const cache = new Map<string, ValidateFunction>();
  const validator = (name: string): ValidateFunction => {
    let fn = cache.get(name);
    if (!fn) {
      fn = ajv.getSchema(`${CONTRACT_ID}#/$defs/${name}`);
      if (!fn) throw new Error(`contract has no schema '${name}'`);
      cache.set(name, fn);
    }
    return fn;
  };
  const operations = new Map<string, Operation>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item)) operations.set(op.operationId, op);
  }
  const resolveResponse = (r: ResponseObject): ResponseObject =>
    r.$ref ? (doc.components.responses[r.$ref.replace('#/components/responses/', '')] ?? {}) : r;

  return {
    document: doc,
    schemaNames: () => Object.keys(doc.components.schemas),
    validateSchema(name, value) {
      const fn = validator(name);
      return fn(value) ? [] : toViolations(fn.errors);
    },
    validateResponse(operationId, status, mediaType, body) {
      const op = operations.get(operationId);
      if (!op) return [{ instancePath: '/', message: `unknown operation '${operationId}'` }];
      const declared = op.responses[String(status)];
      if (!declared) {
        return [{ instancePath: '/', message: `status ${status} is not declared for ${operationId} (declared: ${Object.keys(op.responses).join(', ')})` }];
      }
      const content = resolveResponse(declared).content ?? {};
      const media = content[mediaType];
      if (!media) {
        return [{ instancePath: '/', message: `media type '${mediaType}' is not declared for ${operationId} ${status} (declared: ${Object.keys(content).join(', ')})` }];
      }
      const ref = media.schema?.$ref;
      if (!ref) return [];
      return this.validateSchema(ref.replace('#/components/schemas/', ''), body);
    },
  };
}
