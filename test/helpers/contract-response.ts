// The one place API tests send requests: every response is validated against
// contracts/openapi.yaml (status, media type, body; XML is read back by the schema) and must carry
// a correlation id. A violation fails the test that produced it.
import type { Express } from 'express';
import supertest from 'supertest';
import { expect } from 'vitest';
import { adminContractFile, createContract, loadContractDocument, type Contract } from '../../server/contract.js';
import { parseXmlDocument, xmlValueToJson } from './xml-to-json.js';

export const contract = createContract();
export const adminContract = createContract(loadContractDocument(adminContractFile));

const TEMPLATES = [contract, adminContract].flatMap((c) =>
  Object.keys(c.document.paths).map((template) => ({
    contract: c,
    template,
    // Express routes are not strict: a trailing slash is served as the path without it.
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  })),
);

/** The operation a path belongs to (legacy prefix stripped) and its contract, or undefined for a path no contract has. */
export function operationFor(path: string, method = 'get'): { contract: Contract; operationId: string } | undefined {
  const bare = path.split('?')[0]!.replace(/^\/api\/innkreving\/kravogbetalinger/, '');
  const match = TEMPLATES.find((t) => t.pattern.test(bare) && t.contract.operationAt(t.template, method));
  const operationId = match && match.contract.operationAt(match.template, method)?.operationId;
  return operationId ? { contract: match.contract, operationId } : undefined;
}

export interface CheckedResponse {
  status: number;
  mediaType: string;
  /** The body as JSON, read back from XML when the response was XML. */
  body: Record<string, unknown>;
  text: string;
  headers: Record<string, string>;
}

export function validateResponse(path: string, res: supertest.Response, method = 'get'): CheckedResponse {
  if (res.status === 204) {
    const operation = operationFor(path, method);
    expect(operation, `a 204 from a path outside the contracts: ${method} ${path}`).toBeDefined();
    expect(operation!.contract.document.paths, 'declared').toBeDefined();
    const declared = Object.entries(operation!.contract.document.paths)
      .flatMap(([, item]) => Object.values(item))
      .find((op) => op.operationId === operation!.operationId)!.responses['204'];
    expect(declared, `204 is not declared for ${operation!.operationId}`).toBeDefined();
    expect(res.text ?? '').toBe('');
    return { status: 204, mediaType: '', body: {}, text: '', headers: res.headers as Record<string, string> };
  }
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (mediaType !== 'application/json' && mediaType !== 'application/xml') {
    // kravmock's own documents (the contracts as YAML, the Swagger UI page): the operation must
    // declare this status and media type; the body is text.
    const operation = operationFor(path, method);
    expect(operation, `${mediaType || 'no media type'} from a path outside the contracts: ${method} ${path}`).toBeDefined();
    expect(operation!.contract.validateResponse(operation!.operationId, res.status, mediaType, res.text), `${path} → ${res.status} ${mediaType}`).toEqual([]);
    expect(res.headers['korrelasjonsid'], 'Korrelasjonsid response header').toBeTruthy();
    return { status: res.status, mediaType, body: {}, text: res.text, headers: res.headers as Record<string, string> };
  }
  const isError = res.status >= 400;
  const operation = operationFor(path, method);
  const operationId = operation?.operationId;
  // API errors speak the API's error format; the admin API declares its own error bodies.
  const adminDeclared = operation?.contract === adminContract && adminContract.responseSchemaName(operation.operationId, res.status, mediaType) !== undefined;
  const owner = operation && (!isError || adminDeclared) ? operation.contract : undefined;

  let body: unknown;
  if (mediaType === 'application/xml') {
    const xml = parseXmlDocument(res.text);
    if (isError) {
      expect(xml.root).toBe('feil');
      expect(xml.namespace).toBe('urn:no:skatteetaten:datasamarbeid:feil:v1');
      body = xmlValueToJson(contract.document, { $ref: '#/components/schemas/Feil' }, xml.value);
    } else {
      expect(operationId, `a 200 from a path outside the contract: ${path}`).toBeDefined();
      expect(xml.root).toBe(contract.xmlRootName(operationId!));
      const schema = contract.responseSchemaName(operationId!, res.status, mediaType);
      body = xmlValueToJson(contract.document, { $ref: `#/components/schemas/${schema}` }, xml.value);
    }
  } else {
    body = JSON.parse(res.text) as unknown;
  }

  const violations = owner
    ? owner.validateResponse(operationId!, res.status, mediaType, body)
    : contract.validateSchema('Feil', body);
  expect(violations, `${path} → ${res.status} violates the contract`).toEqual([]);
  if (!operationId) expect(res.status, `${path} is not in the contract, so only an error may come back`).toBeGreaterThanOrEqual(400);

  const korrelasjonsid = res.headers['korrelasjonsid'];
  expect(korrelasjonsid, 'Korrelasjonsid response header').toBeTruthy();
  if (isError && !adminDeclared) expect((body as { korrelasjonsid: string }).korrelasjonsid).toBe(korrelasjonsid);

  return { status: res.status, mediaType, body: body as Record<string, unknown>, text: res.text, headers: res.headers as Record<string, string> };
}

/** GET a path with headers and validate the response against the contract. */
export async function get(app: Express, path: string, headers: Record<string, string> = {}): Promise<CheckedResponse> {
  let req = supertest(app).get(path);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await req;
  return validateResponse(path, res);
}

/** Any method, validated the same way (for paths and methods the API does not have). */
export async function send(app: Express, method: 'post' | 'put' | 'delete' | 'patch', path: string): Promise<CheckedResponse> {
  const res = await supertest(app)[method](path);
  return validateResponse(path, res, method);
}

/** POST a JSON body and validate the response against the contract of its path. */
export async function post(app: Express, path: string, body: unknown): Promise<CheckedResponse> {
  const res = await supertest(app).post(path).send(body as object);
  return validateResponse(path, res, 'post');
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A JSON value, or a string sent as is (with `contentType`). */
  body?: unknown;
  contentType?: string;
}

/** Any method with headers and an optional body (JSON, or text such as YAML), validated like `get`. */
export async function request(
  app: Express,
  method: 'get' | 'post' | 'put' | 'delete' | 'patch',
  path: string,
  options: RequestOptions = {},
): Promise<CheckedResponse> {
  let req = supertest(app)[method](path);
  for (const [k, v] of Object.entries(options.headers ?? {})) req = req.set(k, v);
  if (options.contentType) req = req.set('Content-Type', options.contentType);
  if (options.body !== undefined) req = req.send(options.body as object);
  const res = await req;
  return validateResponse(path, res, method);
}
