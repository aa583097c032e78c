// `kravmock verify --pact <file|dir>...`: provider verification of Pact files against kravmock, with
// Pact's own verifier. Exit 0 when every interaction verifies, 1 when one does not (Pact's mismatch
// report is on standard output) or a provider state is unknown, 2 on a usage error.
import { parseArgs } from 'node:util';
import { PactFileProblem } from '../pact/check-pact.js';
import { DEFAULT_BANK_ORG } from '../pact/credentials.js';
import { verifyPacts, type VerifyPactsOptions } from '../pact/verify.js';
import { formatEnvOptions, type EnvOption } from './help.js';
import { UsageError, type CommandIo } from './io.js';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** The verify options read from a variable as well (the README's Configuration table lists them). */
export const VERIFY_ENV_OPTIONS: readonly EnvOption[] = [
  {
    flag: '--provider-base-url',
    arg: '<url>',
    env: 'KRAVMOCK_PROVIDER_BASE_URL',
    default: 'in-process',
    meaning: 'a running kravmock (e.g. a Docker container); without it one is started in-process on a free port',
  },
  { flag: '--admin-token', arg: '<t>', env: 'KRAVMOCK_ADMIN_TOKEN', default: 'none', meaning: 'the admin token of that kravmock' },
];

export const VERIFY_USAGE = `Usage: kravmock verify --pact <file|dir>... [--provider-base-url <url>] [--admin-token <t>]

Verifies Pact files (a directory: its *.json files) against kravmock with Pact's own verifier: every
interaction is replayed and kravmock's answer compared with what the consumer expects. Pact's report,
with every mismatch, is printed as it runs.

Provider states are scenario names (GET /__admin/scenarios lists them); a state naming no loaded
scenario stops the run before anything is sent. Before each interaction its session is reset, then
the state's parameters apply: clock (PUT /__admin/clock), fault (KB-001, KB-002, KRAVMOCK-503 or
KRAVMOCK-429 for partIdentifikator), access ('strict': kravmock checks every token sent anyway),
token (keep the pact's Authorization), consent ('none'), org (the calling organisation).
The pacts' example tokens are replaced by tokens minted by kravmock (POST /__admin/tokens): a system
user for the path's party (regnskapssystem), an access token for the bank ${DEFAULT_BANK_ORG} (or org) with
consent from the party (finans). All traffic runs in its own X-Kravmock-Session (pact-verify-…),
so a shared kravmock is left as it was.

Options:
  --pact <file|dir>      a pact file or a folder of them (repeatable; positionals too)
  --log-level <level>    Pact's log level: ${LOG_LEVELS.join(', ')} (default warn)
  --help, -h             this text

Options also settable by their environment variable (a flag wins over its variable):
${formatEnvOptions(VERIFY_ENV_OPTIONS)}

Exit status: 0 every interaction verified, 1 a mismatch or an unknown provider state or parameter,
2 a usage error (no --pact, a missing file, not a pact).`;

export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        pact: { type: 'string', multiple: true },
        'provider-base-url': { type: 'string' },
        'admin-token': { type: 'string' },
        'log-level': { type: 'string' },
      },
    });
  } catch (error) {
    // Node's hint about positionals starting with '-' does not apply: pacts are given with --pact.
    const message = (error as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '');
    throw new UsageError(`${message}. See kravmock verify --help`);
  }
  const { values, positionals } = parsed;
  const pacts = [...(values.pact ?? []), ...positionals];
  if (pacts.length === 0) throw new UsageError('verify needs --pact <file|dir>: the pact files to verify. See kravmock verify --help');
  const options: VerifyPactsOptions = { pacts };
  const baseUrl = values['provider-base-url'] ?? io.env.KRAVMOCK_PROVIDER_BASE_URL;
  if (baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(`--provider-base-url must be an http(s) URL such as http://localhost:8080, got '${baseUrl}'`);
    }
    options.providerBaseUrl = baseUrl;
  }
  const adminToken = values['admin-token'] ?? io.env.KRAVMOCK_ADMIN_TOKEN;
  if (adminToken !== undefined) options.adminToken = adminToken;
  const logLevel = values['log-level'];
  if (logLevel !== undefined) {
    if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
    options.logLevel = logLevel as VerifyPactsOptions['logLevel'] & string;
  }
  let result;
  try {
    result = await verifyPacts(options);
  } catch (error) {
    if (error instanceof PactFileProblem) throw new UsageError(error.message);
    throw error;
  }
  // Pact's native verifier has printed its report to standard output already.
  for (const line of result.output.split('\n')) (result.ok ? io.out : io.err)(line);
  return result.ok ? 0 : 1;
}
