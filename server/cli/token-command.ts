// `kravmock token`: asks a running kravmock (POST /__admin/tokens) for a ready token and prints it
// as header lines for curl: `curl -H @auth.txt …` or `kravmock token … | curl -H @- …`.
import { parseArgs } from 'node:util';
import { formatEnvOptions, type EnvOption } from './help.js';
import { UsageError, type CommandIo } from './io.js';

const DEFAULT_URL = 'http://localhost:8080';

/** The token options read from a variable as well (the README's Configuration table lists them). */
export const TOKEN_ENV_OPTIONS: readonly EnvOption[] = [
  { flag: '--url', arg: '<url>', env: 'KRAVMOCK_URL', default: DEFAULT_URL, meaning: 'the running kravmock' },
  {
    flag: '--admin-token',
    arg: '<t>',
    env: 'KRAVMOCK_ADMIN_TOKEN',
    default: 'none',
    meaning: 'the admin token of a kravmock that requires one (started with --admin-token, or off loopback)',
  },
];

export const TOKEN_USAGE = `Usage: kravmock token --org <orgnr> --pakke <regnskapssystem|finans> [options]

Asks a running kravmock for a Maskinporten access token and prints it as header lines, ready for
curl -H @file (or piped: kravmock token … | curl -H @- <url>):
  Authorization: Bearer <access token>
  AltinnSamtykke: <consent token>          (finans with --consent header)

Options:
  --org <orgnr>          the organisation calling (the token's consumer)
  --pakke <name>         regnskapssystem (a system user for --party) or finans (consent from --party)
  --party <id>           the party whose data is read (default: --org)
  --consent <where>      finans: header (AltinnSamtykke, Altinn 2; default) or token (Altinn 3, inside the access token)
  --valid-days <n>       finans: how long the consent lasts, 1–90 (default 90)
  --scope <scope>        default skatteetaten:kravogbetalinger
  --token-only           print only the access token
  --help, -h             this text

Options also settable by their environment variable (a flag wins over its variable):
${formatEnvOptions(TOKEN_ENV_OPTIONS)}`;

interface TokenResponse {
  access_token: string;
  altinn_samtykke?: string;
  error_description?: string;
  /** An admin error (e.g. 401 admin-token-required). */
  message?: string;
  /** The API's error, e.g. 404 KB-003 from a kravmock started with --no-admin. */
  melding?: string;
}

export async function runToken(argv: string[], io: CommandIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(TOKEN_USAGE);
    return 0;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        org: { type: 'string' },
        pakke: { type: 'string' },
        party: { type: 'string' },
        consent: { type: 'string' },
        'valid-days': { type: 'string' },
        scope: { type: 'string' },
        url: { type: 'string' },
        'admin-token': { type: 'string' },
        'token-only': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. See kravmock token --help`);
  }
  if (!values.org) throw new UsageError('--org is required: the organisation number the token is for');
  if (!values.pakke) throw new UsageError('--pakke is required: regnskapssystem or finans');
  const body: Record<string, unknown> = { org: values.org, pakke: values.pakke };
  if (values.party) body.party = values.party;
  if (values.consent) body.consent = values.consent;
  if (values['valid-days']) body.validDays = Number(values['valid-days']);
  if (values.scope) body.scope = values.scope;
  const base = (values.url ?? io.env.KRAVMOCK_URL ?? DEFAULT_URL).replace(/\/$/, '');
  const adminToken = values['admin-token'] ?? io.env.KRAVMOCK_ADMIN_TOKEN;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (adminToken !== undefined) headers.authorization = `Bearer ${adminToken}`;

  let res: Response;
  try {
    res = await fetch(`${base}/__admin/tokens`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch (error) {
    io.err(`kravmock: cannot reach kravmock at ${base}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}. Start it with kravmock serve (npm start).`);
    return 1;
  }
  const answer = (await res.json()) as TokenResponse;
  if (!res.ok) {
    const hint = res.status === 401 && adminToken === undefined ? ' (give it with --admin-token or KRAVMOCK_ADMIN_TOKEN)' : '';
    io.err(`kravmock: ${answer.error_description ?? answer.message ?? answer.melding ?? `HTTP ${res.status}`}${hint}`);
    return 2;
  }
  if (values['token-only']) {
    io.out(answer.access_token);
    return 0;
  }
  io.out(`Authorization: Bearer ${answer.access_token}`);
  if (answer.altinn_samtykke) io.out(`AltinnSamtykke: ${answer.altinn_samtykke}`);
  return 0;
}
