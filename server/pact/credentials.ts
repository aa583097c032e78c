// Credentials for provider verification: pacts carry fixed example tokens, which kravmock cannot
// verify (they are not signed with its keys). Before a request reaches kravmock the verifier's
// request filter replaces them with tokens minted by the provider (POST /__admin/tokens) for what
// the request is about - unless the interaction's provider state says otherwise (`token`,
// `consent: 'none'`).
import type { IncomingHttpHeaders } from 'node:http';
import type { StateParams } from './provider-states.js';

/**
 * The bank organisation a finans request is made for when the state has no `org`: a valid
 * organisation number (mod 11) in no ledger of kravmock's scenarios. Also the system-user
 * organisation of a regnskapssystem request for a person (11 digits) when the state has no `org`.
 */
export const DEFAULT_BANK_ORG = '910000004';

/** The body of POST /__admin/tokens (contracts/admin-openapi.yaml, TokenRequest). */
export interface TokenRequest {
  org: string;
  pakke: 'regnskapssystem' | 'finans';
  party?: string;
  consent?: 'header' | 'token';
}

export interface MintedToken {
  access_token: string;
  altinn_samtykke?: string;
}

export type Mint = (request: TokenRequest) => Promise<MintedToken>;

/** The API's paths, with or without the legacy prefix: rettighetspakke and the party segment. */
const API_PATH = /^(?:\/api\/innkreving\/kravogbetalinger)?\/v1\/(regnskapssystem|finans)\/([^/?#]*)/;

const ALTINN_SAMTYKKE = 'altinnsamtykke';

/** What the filter does to a request's credentials, for the verification's own log. */
export type CredentialAction =
  | { kind: 'untouched'; reason: string }
  | { kind: 'replaced'; token: TokenRequest; altinnSamtykke: 'replaced' | 'removed' | 'absent' };

/**
 * Replaces `Authorization` (and `AltinnSamtykke`) in `headers` in place, minting with `mint`:
 * - regnskapssystem: a system user for the path's party (`{org: party}`; a person's id has the
 *   system user of `org`, default DEFAULT_BANK_ORG);
 * - finans: an access token for `org` (default DEFAULT_BANK_ORG) and, when the request carries
 *   `AltinnSamtykke`, a consent token from the party to that organisation; without the header the
 *   consent goes inside the access token (Altinn 3); `consent: 'none'` gives no consent at all and
 *   removes `AltinnSamtykke`.
 * A request without `Authorization`, to a path outside the API, or with the state parameter `token`
 * keeps its credentials as the pact sends them.
 */
export async function replaceCredentials(path: string, headers: IncomingHttpHeaders, params: StateParams, mint: Mint): Promise<CredentialAction> {
  const match = API_PATH.exec(path);
  if (!match) return { kind: 'untouched', reason: 'not an API path' };
  if (params.consent === 'none') delete headers[ALTINN_SAMTYKKE];
  if ('token' in params) return { kind: 'untouched', reason: `state parameter token ${JSON.stringify(params.token)}` };
  if (headers.authorization === undefined) return { kind: 'untouched', reason: 'the request has no Authorization' };
  const pakke = match[1] as TokenRequest['pakke'];
  const segment = decodeURIComponent(match[2]!);
  // A malformed party (the interaction expects KB-008) gets a token for the organisation alone.
  const party = /^(\d{9}|\d{11})$/.test(segment) ? segment : undefined;
  let token: TokenRequest;
  if (pakke === 'regnskapssystem') {
    const org = params.org ?? (party?.length === 9 ? party : DEFAULT_BANK_ORG);
    token = { org, pakke, ...(party !== undefined ? { party } : {}) };
  } else if (params.consent === 'none') {
    token = { org: params.org ?? DEFAULT_BANK_ORG, pakke };
  } else {
    const consent = headers[ALTINN_SAMTYKKE] !== undefined ? 'header' : 'token';
    token = { org: params.org ?? DEFAULT_BANK_ORG, pakke, ...(party !== undefined ? { party } : {}), consent };
  }
  const minted = await mint(token);
  headers.authorization = `Bearer ${minted.access_token}`;
  let altinnSamtykke: 'replaced' | 'removed' | 'absent' = params.consent === 'none' ? 'removed' : 'absent';
  if (pakke === 'finans' && token.consent === 'header') {
    if (minted.altinn_samtykke === undefined) throw new Error(`POST /__admin/tokens ${JSON.stringify(token)} answered without altinn_samtykke`);
    headers[ALTINN_SAMTYKKE] = minted.altinn_samtykke;
    altinnSamtykke = 'replaced';
  }
  return { kind: 'replaced', token, altinnSamtykke };
}
