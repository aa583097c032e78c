// Checks Pact files against contracts/openapi.yaml alone, with no server: every request a consumer
// expects to send must be one the contract accepts, and every response it expects one the contract
// allows - so a vendor learns before pilot access that an expectation can never be met by the real
// API. The comparison engine is @pactflow/swagger-mock-validator; kravmock adds what it lacks for
// this API: XML bodies (read back into the contract's JSON shape, root element and namespace
// checked) and readable reports with each interaction's provider state.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { ValidationOutcomeDetails } from '@pactflow/swagger-mock-validator';
import { contractFile as defaultContractFile, createContract, loadContractDocument, type Contract } from '../contract.js';
import { parseXmlDocument, xmlValueToJson } from '../contract-xml.js';

/** A file that cannot be checked at all: missing, unreadable, not JSON, not a pact. */
export class PactFileProblem extends Error {
  override name = 'PactFileProblem';
}

export interface PactFinding {
  severity: 'error' | 'warning';
  /** The validator's code, e.g. `response.body.incompatible`, `request.query.incompatible`. */
  code: string;
  /** What is wrong. */
  message: string;
  /** The interaction's description, or `(whole file)`. */
  interaction: string;
  /** The interaction's provider states, e.g. `offisielle-testparter {"partIdentifikator":"313367002"}`. */
  state?: string;
  /** Where in the pact file, e.g. `[root].interactions[2].response.body.krav.0`. */
  pactLocation?: string;
  /** Where in the contract, e.g. `[root].paths./v1/…/krav.get.responses.200…additionalProperties`. */
  contractLocation?: string;
}

export interface PactFileReport {
  file: string;
  consumer: string;
  provider: string;
  interactions: number;
  errors: PactFinding[];
  warnings: PactFinding[];
}

export interface CheckPactOptions {
  /** The OpenAPI document to check against; contracts/openapi.yaml by default. */
  contractFile?: string;
}

type Json = Record<string, unknown>;
interface Interaction extends Json {
  description?: unknown;
  type?: unknown;
  request?: Json;
  response?: Json;
}

/** The contract's answer to an invalid request (KB-006). */
const INVALID_REQUEST_STATUS = 400;
/** The contract's answer to a request without a valid token (KB-004). */
const UNAUTHENTICATED_STATUS = 401;

/** The pact files named: files as they are, directories by their `*.json` files. */
export function pactFilesIn(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw new PactFileProblem(`${path}: ${describeIoError(error)}`);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const inside = readdirSync(path)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
    if (inside.length === 0) throw new PactFileProblem(`${path}: the directory holds no .json pact files`);
    files.push(...inside);
  }
  return files;
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}

interface LoadedPact {
  pact: Json & { interactions: Interaction[] };
  consumer: string;
  provider: string;
}

function loadPact(file: string): LoadedPact {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PactFileProblem(`${file}: cannot read it: ${describeIoError(error)}`);
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (error) {
    throw new PactFileProblem(`${file}: not a Pact file: it is not JSON (${(error as Error).message})`);
  }
  if (typeof pact !== 'object' || pact === null || Array.isArray(pact) || !Array.isArray((pact as Json).interactions)) {
    throw new PactFileProblem(`${file}: not a Pact file: expected a JSON object with an "interactions" list`);
  }
  const name = (party: unknown): string | undefined => {
    const value = (party as Json | undefined)?.name;
    return typeof value === 'string' ? value : undefined;
  };
  const consumer = name((pact as Json).consumer);
  const provider = name((pact as Json).provider);
  if (consumer === undefined || provider === undefined) {
    throw new PactFileProblem(`${file}: not a Pact file: expected "consumer": {"name": …} and "provider": {"name": …}`);
  }
  return { pact: pact as LoadedPact['pact'], consumer, provider };
}

/** `name {params}` of each provider state (Pact V3/V4 `providerStates`, V2 `providerState`). */
function stateOf(interaction: Interaction): string | undefined {
  const states = interaction.providerStates;
  if (Array.isArray(states) && states.length > 0) {
    return states
      .map((s: Json) => (s.params && Object.keys(s.params).length > 0 ? `${String(s.name)} ${JSON.stringify(s.params)}` : String(s.name)))
      .join('; ');
  }
  const single = interaction.providerState ?? interaction.provider_state;
  return typeof single === 'string' ? single : undefined;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  if (!entry) return undefined;
  return Array.isArray(entry[1]) ? entry[1].map(String).join(', ') : String(entry[1]);
}

const isXml = (mediaType: string | undefined): boolean => mediaType !== undefined && /[/+]xml\b/i.test(mediaType);

/** Path templates of the contract as patterns (the legacy path prefix is stripped before matching). */
function operationMatcher(contract: Contract): (path: string) => string | undefined {
  const templates = Object.keys(contract.document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  }));
  return (path) => {
    const bare = path.replace(/^\/api\/innkreving\/kravogbetalinger(?=\/)/, '');
    const match = templates.find((t) => t.pattern.test(bare));
    return match && contract.operationAt(match.template)?.operationId;
  };
}

/**
 * XML response bodies rewritten into the JSON shape the contract describes, so the validator can
 * compare them with the schema; a body that is not well-formed XML or has the wrong root element
 * or namespace is a finding of its own.
 */
function readXmlBodies(loaded: LoadedPact, contract: Contract): PactFinding[] {
  const findings: PactFinding[] = [];
  const operationFor = operationMatcher(contract);
  loaded.pact.interactions.forEach((interaction, index) => {
    const { request, response } = interaction;
    if (!request || !response) return;
    const v4Body = typeof response.body === 'object' && response.body !== null && 'content' in response.body ? (response.body as Json) : undefined;
    const mediaType = (typeof v4Body?.contentType === 'string' ? v4Body.contentType : undefined) ?? headerValue(response.headers, 'content-type');
    if (!isXml(mediaType)) return;
    let text = v4Body ? v4Body.content : response.body;
    if (v4Body && typeof v4Body.encoded === 'string' && v4Body.encoded.toLowerCase() !== 'json' && typeof text === 'string') {
      text = Buffer.from(text, v4Body.encoded as BufferEncoding).toString('utf8');
    }
    if (typeof text !== 'string') return;
    const operationId = typeof request.path === 'string' ? operationFor(request.path) : undefined;
    const status = Number(response.status);
    const schemaName = operationId && contract.responseSchemaName(operationId, status, 'application/xml');
    if (!schemaName) return; // an unknown path or status: the validator reports it
    // The finding says what is wrong with the XML; the validator is not shown the body as well.
    const reject = (message: string): void => {
      delete response.body;
      findings.push({
        severity: 'error',
        code: 'response.body.incompatible',
        message,
        interaction: String(interaction.description),
        state: stateOf(interaction),
        pactLocation: `[root].interactions[${index}].response.body`,
        contractLocation: `[root].components.schemas.${schemaName}.xml`,
      });
    };
    let parsed: ReturnType<typeof parseXmlDocument>;
    try {
      parsed = parseXmlDocument(text);
    } catch (error) {
      reject(`Response body is not well-formed XML: ${(error as Error).message}`);
      return;
    }
    const schema = contract.document.components.schemas[schemaName] as { xml?: { name?: string; namespace?: string } };
    const root = schema.xml?.name;
    if (root !== undefined && parsed.root !== root) {
      reject(`Response body has XML root element <${parsed.root}>, but the contract's ${schemaName} is <${root}>`);
      return;
    }
    if ((schema.xml?.namespace ?? undefined) !== parsed.namespace) {
      reject(`Response body's <${parsed.root}> is in namespace ${parsed.namespace ?? '(none)'}, but the contract's ${schemaName} is in ${schema.xml?.namespace ?? '(none)'}`);
      return;
    }
    const json = xmlValueToJson(contract.document, { $ref: `#/components/schemas/${schemaName}` }, parsed.value);
    if (v4Body) response.body = { ...v4Body, content: json, encoded: false };
    else response.body = json;
  });
  return findings;
}

/** The query parameters of a Pact request: V3/V4 `{name: [values]}`, V2 `a=1&b=2`. */
function queryOf(request: Json): Record<string, string[]> {
  const query = request.query;
  if (typeof query === 'string') {
    const out: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(query)) (out[name] ??= []).push(value);
    return out;
  }
  if (typeof query !== 'object' || query === null) return {};
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : [String(value)]]));
}

/**
 * The request checks for interactions that expect an error. swagger-mock-validator skips request
 * validation when the expected status is 400 or above, so a consumer expecting 404 KB-007 for a
 * request with a malformed fraOgMed would pass, although the API answers such a request with 400
 * KB-006. Here such a request is an error unless the interaction expects 400 (then it is a
 * deliberate negative test: a warning), and a request without Authorization is an error unless it
 * expects 401.
 */
function checkErrorRequests(loaded: LoadedPact, contract: Contract): PactFinding[] {
  const findings: PactFinding[] = [];
  const operationFor = operationMatcher(contract);
  loaded.pact.interactions.forEach((interaction, index) => {
    const { request, response } = interaction;
    const status = Number(response?.status);
    if (!request || !(status >= 400) || typeof request.path !== 'string') return;
    const operationId = operationFor(request.path);
    const template = operationId && Object.keys(contract.document.paths).find((t) => contract.operationAt(t)?.operationId === operationId);
    if (!template) return; // an unknown path: the validator reports it
    const base = { interaction: String(interaction.description), state: stateOf(interaction) };
    const problem = (code: string, message: string, pactLocation: string, contractLocation: string): PactFinding =>
      status === INVALID_REQUEST_STATUS
        ? { severity: 'warning', code, message: `${message} (the interaction expects ${INVALID_REQUEST_STATUS}, the contract's answer to an invalid request)`, ...base, pactLocation, contractLocation }
        : {
            severity: 'error',
            code,
            message: `${message}: the API answers such a request with ${INVALID_REQUEST_STATUS} KB-006, so the expected ${status} can never come`,
            ...base,
            pactLocation,
            contractLocation,
          };
    const query = queryOf(request);
    const parameters = contract.operationAt(template)!.parameters;
    parameters.forEach((parameter, position) => {
      if (parameter.in !== 'query') return;
      const contractLocation = `[root].paths.${template}.get.parameters[${position}]`;
      const values = query[parameter.name];
      if (!values || values.length === 0) {
        if (parameter.required) {
          findings.push(problem('request.query.incompatible', `Missing required query parameter ${parameter.name}`, `[root].interactions[${index}].request.query`, contractLocation));
        }
        return;
      }
      for (const value of values) {
        const violations = contract.validateParameter(parameter, value);
        if (violations.length === 0) continue;
        findings.push(
          problem(
            'request.query.incompatible',
            `Query parameter ${parameter.name} '${value}' is invalid for the contract: ${violations.map((v) => v.message).join('; ')}`,
            `[root].interactions[${index}].request.query.${parameter.name}`,
            contractLocation,
          ),
        );
      }
    });
    if (status !== UNAUTHENTICATED_STATUS && headerValue(request.headers, 'authorization') === undefined) {
      findings.push({
        severity: 'error',
        code: 'request.authorization.missing',
        message: `Request Authorization header is missing but is required by the spec file: the API answers ${UNAUTHENTICATED_STATUS} KB-004 before anything else, so the expected ${status} can never come`,
        ...base,
        pactLocation: `[root].interactions[${index}]`,
        contractLocation: '[root].security[0].maskinporten',
      });
    }
  });
  return findings;
}

/**
 * Checks one pact file against the contract.
 * @throws {PactFileProblem} when the file is missing, unreadable, not JSON or not a pact
 */
export async function checkPactFile(file: string, options: CheckPactOptions = {}): Promise<PactFileReport> {
  const contractPath = options.contractFile ?? defaultContractFile;
  const loaded = loadPact(file);
  const contract = createContract(loadContractDocument(contractPath));
  const original = structuredClone(loaded.pact.interactions);
  const findings = [...readXmlBodies(loaded, contract), ...checkErrorRequests(loaded, contract)];

  const dir = mkdtempSync(join(tmpdir(), 'kravmock-check-pact-'));
  const copy = join(dir, 'pact.json');
  let outcome;
  try {
    writeFileSync(copy, JSON.stringify(loaded.pact));
    // Loaded on first use: the engine is large, and importing kravmock/pact for the matchers should not pay for it.
    const { SwaggerMockValidatorFactory } = await import('@pactflow/swagger-mock-validator');
    outcome = await SwaggerMockValidatorFactory.create().validate({ specPathOrUrl: contractPath, mockPathOrUrl: copy });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const toFinding = (detail: ValidationOutcomeDetails): PactFinding => {
    const location = detail.mockDetails?.location;
    const index = location === undefined ? undefined : /^\[root\]\.interactions\[(\d+)\]/.exec(location)?.[1];
    const interaction = index === undefined ? undefined : original[Number(index)];
    const finding: PactFinding = {
      severity: detail.type,
      code: detail.code,
      message: detail.message,
      interaction: interaction ? String(interaction.description) : (detail.mockDetails?.interactionDescription ?? '(whole file)'),
    };
    const state = interaction && stateOf(interaction);
    if (state !== undefined) finding.state = state;
    if (location !== undefined) finding.pactLocation = location;
    if (detail.specDetails?.location !== undefined) finding.contractLocation = detail.specDetails.location;
    return finding;
  };
  findings.push(...outcome.errors.map(toFinding), ...outcome.warnings.map(toFinding));
  if (!outcome.success && outcome.errors.length === 0 && outcome.failureReason) {
    findings.push({ severity: 'error', code: 'validator.failure', message: outcome.failureReason, interaction: '(whole file)' });
  }
  return {
    file,
    consumer: loaded.consumer,
    provider: loaded.provider,
    interactions: loaded.pact.interactions.length,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

/**
 * Checks pact files (directories: their `*.json` files) against the contract. Every file is read
 * first, so a missing or broken one stops the check before anything is compared.
 * @throws {PactFileProblem} naming the first file that cannot be checked
 */
export async function checkPacts(paths: readonly string[], options: CheckPactOptions = {}): Promise<PactFileReport[]> {
  const files = pactFilesIn(paths);
  for (const file of files) loadPact(file);
  const reports: PactFileReport[] = [];
  for (const file of files) reports.push(await checkPactFile(file, options));
  return reports;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The lines of a readable report for one file: a headline, then each finding with its interaction, state and locations. */
export function formatPactReport(report: PactFileReport, options: CheckPactOptions = {}): string[] {
  const contractLabel = relative(process.cwd(), options.contractFile ?? defaultContractFile) || 'the contract';
  const compatible = report.errors.length === 0;
  const lines = [
    `${compatible ? 'ok' : 'INCOMPATIBLE'} ${report.file}: ${report.consumer} -> ${report.provider}, ${plural(report.interactions, 'interaction')}, ` +
      `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')} against ${contractLabel}`,
  ];
  for (const finding of [...report.errors, ...report.warnings]) {
    lines.push(`  ${finding.severity} ${finding.code} in '${finding.interaction}'${finding.state ? ` (given ${finding.state})` : ''}`);
    lines.push(`    ${finding.message}`);
    if (finding.pactLocation) lines.push(`    pact:     ${finding.pactLocation}`);
    if (finding.contractLocation) lines.push(`    contract: ${finding.contractLocation}`);
  }
  return lines;
}
