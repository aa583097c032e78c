// `kravmock check-pact`: the shipped pacts are compatible with the contract; pacts whose
// expectations the real API can never meet are reported by interaction, problem and location.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Each spawn starts tsx and the comparison engine (~2 s), and the engine takes ~0.5 s per interaction.
const SLOW = 90_000;
import { runCheckPact } from '../../server/cli/check-pact-command.js';
import { checkPactFile } from '../../server/pact/check-pact.js';

const SHIPPED = join('contracts', 'pacts');
const REGNSKAPSSYSTEM = join(SHIPPED, 'regnskapssystem-referanse-skatteetaten-kravogbetalinger.json');
const dir = mkdtempSync(join(tmpdir(), 'kravmock-check-pact-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;
interface Interaction {
  description: string;
  request: Json & { headers: Record<string, string[]>; query?: Record<string, string[]> };
  response: Json & { status: number; body: { content: unknown } };
}

function shippedPact(): Json & { interactions: Interaction[] } {
  return JSON.parse(readFileSync(REGNSKAPSSYSTEM, 'utf8')) as Json & { interactions: Interaction[] };
}

/** The shipped regnskapssystem pact with only the interactions named, each changed by `edit`. */
function brokenPact(name: string, edits: Record<string, (interaction: Interaction) => void>): string {
  const pact = shippedPact();
  pact.interactions = pact.interactions.filter((i) => i.description in edits);
  expect(pact.interactions.map((i) => i.description).sort()).toEqual(Object.keys(edits).sort());
  for (const interaction of pact.interactions) edits[interaction.description]!(interaction);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(pact, null, 2));
  return file;
}

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'check-pact', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheckPact(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, isTTY: false });
  return { code, out, err };
}

const CLAIMS = 'a request for the claims of a party in a period';
const XML_PAYMENTS = 'a request for the payments of a party in a period, in XML';
const KRAV_0 = (i: Interaction) => ((i.response.body.content as { krav: Json[] }).krav[0] as Json);

describe('kravmock check-pact', () => {
  it('passes the shipped pacts (exit 0)', { timeout: SLOW }, () => {
    const { status, stdout, stderr } = cli([SHIPPED]);
    expect(stderr).toBe('');
    expect(stdout).toContain(`ok ${join(SHIPPED, 'nettbank-referanse-skatteetaten-kravogbetalinger.json')}: nettbank-referanse -> skatteetaten-kravogbetalinger, 5 interactions, 0 errors, 0 warnings`);
    expect(stdout).toContain(`ok ${REGNSKAPSSYSTEM}: regnskapssystem-referanse -> skatteetaten-kravogbetalinger, 9 interactions, 0 errors, 0 warnings`);
    expect(stdout).toContain('2 pact files checked: 2 compatible, 0 incompatible (0 errors, 0 warnings)');
    expect(status).toBe(0);
  });

  it('fails a renamed response field, a status the contract does not declare and an invalid fraOgMed, naming each (exit 1)', { timeout: SLOW }, async () => {
    const file = brokenPact('broken.json', {
      [CLAIMS]: (i) => {
        const krav = KRAV_0(i);
        krav.kravIdentifikator = krav.kravidentifikator;
        delete krav.kravidentifikator;
      },
      'a request for the payouts to a party in a period': (i) => {
        i.response.status = 418;
      },
      'a request for the payments of a party in a period': (i) => {
        i.request.query!.fraOgMed = ['2026-02-30'];
      },
    });
    const { code, out, err } = await run([file]);
    const stderr = err.join('\n');
    expect(code).toBe(1);
    expect(stderr).toContain(`INCOMPATIBLE ${file}: regnskapssystem-referanse -> skatteetaten-kravogbetalinger, 3 interactions, 3 errors, 0 warnings`);
    expect(stderr).toContain(
      `  error response.body.incompatible in '${CLAIMS}' (given offisielle-testparter {"clock":"2026-11-26","partIdentifikator":"313367002"})\n` +
        '    Response body is incompatible with the response body schema in the spec file: must NOT have additional properties - kravIdentifikator\n' +
        '    pact:     [root].interactions[0].response.body.krav.0',
    );
    expect(stderr).toContain("  error response.status.unknown in 'a request for the payouts to a party in a period'");
    expect(stderr).toContain('    Response status code not defined in spec file: 418');
    expect(stderr).toContain("  error request.query.incompatible in 'a request for the payments of a party in a period'");
    expect(stderr).toContain('    Value is incompatible with the parameter defined in the spec file: must match format "date"');
    expect(stderr).toMatch(/pact: +\[root\]\.interactions\[\d\]\.request\.query\.fraOgMed/);
    expect(out).toEqual(['1 pact file checked: 0 compatible, 1 incompatible (3 errors, 0 warnings)']);
  });

  it('exits 2 with a clear message for a missing file', { timeout: SLOW }, () => {
    const missing = cli([join(dir, 'no-such-pact.json')]);
    expect({ status: missing.status, stderr: missing.stderr, stdout: missing.stdout }).toEqual({
      status: 2,
      stderr: `kravmock: ${join(dir, 'no-such-pact.json')}: no such file or directory\n`,
      stdout: '',
    });
  });

  it('exits 2 for a file that is not a pact or not JSON, and when no file is given, before checking any file', async () => {
    const notPact = join(dir, 'not-a-pact.json');
    writeFileSync(notPact, JSON.stringify({ name: 'kravmock' }));
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{ "interactions": [');
    await expect(run([REGNSKAPSSYSTEM, notPact])).rejects.toThrow(`${notPact}: not a Pact file: expected a JSON object with an "interactions" list`);
    await expect(run([notJson])).rejects.toThrow(`${notJson}: not a Pact file: it is not JSON`);
    await expect(run([])).rejects.toThrow('check-pact needs at least one pact file or directory');
    await expect(run([SHIPPED, '--contract', join(dir, 'nope.yaml')])).rejects.toThrow(`--contract ${join(dir, 'nope.yaml')}: no such file`);
  });

  it('keeps a missing Authorization header an error: the real API requires a Maskinporten token', { timeout: SLOW }, async () => {
    const file = brokenPact('no-auth.json', {
      [CLAIMS]: (i) => {
        delete i.request.headers.Authorization;
        delete (i.request as Json).matchingRules;
      },
    });
    const report = await checkPactFile(file);
    expect(report.errors).toEqual([
      expect.objectContaining({
        code: 'request.authorization.missing',
        interaction: CLAIMS,
        message: 'Request Authorization header is missing but is required by the spec file',
        contractLocation: '[root].security[0].maskinporten',
      }),
    ]);
  });

  it('checks XML bodies against the schema: a renamed element and a wrong root element fail', { timeout: SLOW }, async () => {
    const renamed = brokenPact('xml-renamed.json', {
      [XML_PAYMENTS]: (i) => {
        i.response.body.content = String(i.response.body.content).replaceAll('innbetalingsdato>', 'betalingsdato>');
      },
    });
    const report = await checkPactFile(renamed);
    expect(report.errors.map((e) => `${e.code} ${e.message} @ ${e.pactLocation}`)).toEqual([
      'response.body.incompatible Response body is incompatible with the response body schema in the spec file: must NOT have additional properties - betalingsdato @ [root].interactions[0].response.body.innbetaling.0',
    ]);
    const wrongRoot = brokenPact('xml-root.json', {
      [XML_PAYMENTS]: (i) => {
        i.response.body.content = String(i.response.body.content).replaceAll('<innbetalinger>', '<betalinger>').replaceAll('</innbetalinger>', '</betalinger>');
      },
    });
    expect((await checkPactFile(wrongRoot)).errors.map((e) => e.message)).toEqual([
      "Response body has XML root element <betalinger>, but the contract's Innbetalinger is <innbetalinger>",
    ]);
  });

  it('only warns about an invalid request when the interaction expects 400, the contract answer to it (exit 0)', { timeout: SLOW }, async () => {
    const file = brokenPact('negative.json', {
      'a request for the claims of a period longer than one year': (i) => {
        i.request.query!.fraOgMed = ['2026-02-30'];
      },
    });
    const { code, out, err } = await run([file]);
    expect(err).toEqual([]);
    expect(out).toContain(
      "  warning request.query.incompatible in 'a request for the claims of a period longer than one year' (given offisielle-testparter {\"clock\":\"2026-11-26\",\"partIdentifikator\":\"311851381\"})",
    );
    expect(out).toContain(
      "    Query parameter fraOgMed '2026-02-30' is invalid for the contract: must match format \"date\" (the interaction expects 400, the contract's answer to an invalid request)",
    );
    expect(code).toBe(0);
  });

  it('fails an error expectation the API can never meet: an invalid request expecting 404, no token expecting 404', { timeout: SLOW }, async () => {
    const file = brokenPact('error-expectations.json', {
      'a request for the payments of a period without payments, in XML': (i) => {
        i.request.query!.fraOgMed = ['2010-02-30'];
      },
      'a request for the open claims of an organisation the ledgers do not know': (i) => {
        delete i.request.headers.Authorization;
        delete (i.request as Json).matchingRules;
      },
    });
    const report = await checkPactFile(file);
    expect(report.errors.map((e) => `${e.interaction}: ${e.code}: ${e.message}`).sort()).toEqual([
      "a request for the open claims of an organisation the ledgers do not know: request.authorization.missing: Request Authorization header is missing but is required by the spec file: the API answers 401 KB-004 before anything else, so the expected 404 can never come",
      "a request for the payments of a period without payments, in XML: request.query.incompatible: Query parameter fraOgMed '2010-02-30' is invalid for the contract: must match format \"date\": the API answers such a request with 400 KB-006, so the expected 404 can never come",
    ]);
    expect(report.warnings).toEqual([]);
  });
});
