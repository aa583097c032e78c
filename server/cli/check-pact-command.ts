// `kravmock check-pact <file|dir>...`: checks Pact files against contracts/openapi.yaml alone (no
// server). Exit 0 when every file is compatible (warnings are printed), 1 when one is not, 2 when a
// file cannot be checked at all.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkPacts, formatPactReport, PactFileProblem, type CheckPactOptions } from '../pact/check-pact.js';
import { UsageError, type CommandIo } from './io.js';

export const CHECK_PACT_USAGE = `Usage: kravmock check-pact <file|dir>... [--contract <openapi.yaml>]

Checks Pact files (a directory: its *.json files) against the Krav og betalinger contract without a
server: every request a consumer expects to send must be valid for the contract, and every response
it expects must be one the contract allows. XML bodies are read by the contract's schema.

An interaction without an Authorization header is an error (request.authorization.missing): the
real API requires a Maskinporten token on every call. A request the contract rejects is only a
warning when the interaction expects 400, the contract's answer to an invalid request.

Options:
  --contract <file>   the OpenAPI document (default: kravmock's contracts/openapi.yaml)
  --help, -h          this text

Exit status: 0 compatible (warnings printed), 1 incompatible, 2 a file is missing or not a pact.`;

export async function runCheckPact(argv: string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(CHECK_PACT_USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { contract: { type: 'string' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See kravmock check-pact --help`);
  }
  const { positionals, values } = parsed;
  if (positionals.length === 0) throw new UsageError('check-pact needs at least one pact file or directory. See kravmock check-pact --help');
  if (values.contract !== undefined && !existsSync(values.contract)) throw new UsageError(`--contract ${values.contract}: no such file`);
  const options: CheckPactOptions = values.contract ? { contractFile: values.contract } : {};
  let reports;
  try {
    reports = await checkPacts(positionals, options);
  } catch (error) {
    if (error instanceof PactFileProblem) throw new UsageError(error.message);
    throw error;
  }
  for (const report of reports) {
    const lines = formatPactReport(report, options);
    for (const line of lines) (report.errors.length > 0 ? io.err : io.out)(line);
  }
  const incompatible = reports.filter((r) => r.errors.length > 0).length;
  const errors = reports.reduce((n, r) => n + r.errors.length, 0);
  const warnings = reports.reduce((n, r) => n + r.warnings.length, 0);
  io.out(
    `${reports.length} pact file${reports.length === 1 ? '' : 's'} checked: ${reports.length - incompatible} compatible, ${incompatible} incompatible ` +
      `(${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`,
  );
  return incompatible > 0 ? 1 : 0;
}
