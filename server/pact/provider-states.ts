// Provider states of pacts verified against kravmock: the state's name is a scenario name, its
// parameters say how to set the scenario up for one interaction (contracts/pacts/README.md,
// "Provider states"). Reads the states out of pact files (V4 and V3 `providerStates`, V2
// `providerState`) and checks their parameters before anything runs.
import { readFileSync } from 'node:fs';
import { PactFileProblem } from './check-pact.js';

/** The failures a `fault` parameter can name, and the fault rule failure each installs. */
export const FAULT_FAILURES = {
  'KB-001': { type: 'error', kode: 'KB-001' },
  'KB-002': { type: 'error', kode: 'KB-002' },
  'KRAVMOCK-503': { type: 'unavailable' },
  'KRAVMOCK-429': { type: 'rateLimit' },
} as const;
export type FaultCode = keyof typeof FAULT_FAILURES;

/** Every parameter a provider state may carry, with what it does (also the text of error messages). */
export const STATE_PARAMETERS = {
  partIdentifikator: 'the party the interaction is about (9 or 11 digits): fault rules are for it',
  clock: "the date kravmock answers at: YYYY-MM-DD or relative ('today', '+30d', …), set with PUT /__admin/clock",
  fault: `a fault rule for partIdentifikator with probability 1: ${Object.keys(FAULT_FAILURES).join(', ')}`,
  access: "'strict': accepted as is, since kravmock's default access mode already checks every token that is sent",
  token: 'any value: Authorization is sent as the pact has it (for an expired or invalid example token)',
  consent: "'none': the bank's access token carries no consent and AltinnSamtykke is not sent; 'header' (the default)",
  org: 'the calling organisation (9 digits): the bank for finans, the system user organisation for regnskapssystem',
} as const;
export type StateParameter = keyof typeof STATE_PARAMETERS;
export const KNOWN_PARAMETERS = Object.keys(STATE_PARAMETERS) as StateParameter[];

/** The parameters of one provider state, checked. */
export interface StateParams {
  partIdentifikator?: string;
  clock?: string;
  fault?: FaultCode;
  access?: 'strict' | 'permissive';
  /** Present: leave Authorization as the pact sends it. */
  token?: unknown;
  consent?: 'none' | 'header';
  org?: string;
}

/** One provider state of one interaction, where it was found. */
export interface InteractionState {
  file: string;
  consumer: string;
  provider: string;
  interaction: string;
  /** undefined: the interaction has no provider state. */
  state: string | undefined;
  params: Record<string, unknown>;
}

export interface PactStates {
  file: string;
  consumer: string;
  provider: string;
  interactions: number;
  states: InteractionState[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a pact file and the provider states of its interactions; PactFileProblem when it is no pact. */
export function readPactStates(file: string): PactStates {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PactFileProblem(`${file}: cannot read it: ${code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (error) {
    throw new PactFileProblem(`${file}: not a Pact file: it is not JSON (${(error as Error).message})`);
  }
  if (!isObject(pact) || !Array.isArray(pact.interactions)) {
    throw new PactFileProblem(`${file}: not a Pact file: expected a JSON object with an "interactions" list`);
  }
  const consumer = isObject(pact.consumer) ? pact.consumer.name : undefined;
  const provider = isObject(pact.provider) ? pact.provider.name : undefined;
  if (typeof consumer !== 'string' || typeof provider !== 'string') {
    throw new PactFileProblem(`${file}: not a Pact file: expected "consumer": {"name": …} and "provider": {"name": …}`);
  }
  const states: InteractionState[] = [];
  pact.interactions.forEach((raw: unknown, index) => {
    const interaction = isObject(raw) ? raw : {};
    const description = typeof interaction.description === 'string' ? interaction.description : `interactions[${index}]`;
    const base = { file, consumer, provider, interaction: description };
    if (Array.isArray(interaction.providerStates) && interaction.providerStates.length > 0) {
      for (const state of interaction.providerStates as unknown[]) {
        const name = isObject(state) && typeof state.name === 'string' ? state.name : String(isObject(state) ? state.name : state);
        const params = isObject(state) && isObject(state.params) ? state.params : {};
        states.push({ ...base, state: name, params });
      }
    } else if (typeof interaction.providerState === 'string' && interaction.providerState !== '') {
      states.push({ ...base, state: interaction.providerState, params: {} });
    } else {
      states.push({ ...base, state: undefined, params: {} });
    }
  });
  return { file, consumer, provider, interactions: pact.interactions.length, states };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** The checked parameters, or the problems naming each bad parameter and what was expected. */
export function parseStateParams(params: Record<string, unknown>): { params: StateParams; problems: string[] } {
  const problems: string[] = [];
  const parsed: StateParams = {};
  const unknown = Object.keys(params).filter((name) => !(name in STATE_PARAMETERS));
  if (unknown.length > 0) {
    problems.push(
      `unknown parameter${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `'${n}'`).join(', ')}: kravmock knows ${KNOWN_PARAMETERS.join(', ')}`,
    );
  }
  const bad = (name: StateParameter, value: unknown) => problems.push(`parameter ${name} ${JSON.stringify(value)}: expected ${STATE_PARAMETERS[name]}`);
  if ('partIdentifikator' in params) {
    const value = text(params.partIdentifikator);
    if (value !== undefined && /^(\d{9}|\d{11})$/.test(value)) parsed.partIdentifikator = value;
    else bad('partIdentifikator', params.partIdentifikator);
  }
  if ('clock' in params) {
    if (typeof params.clock === 'string' && params.clock !== '') parsed.clock = params.clock;
    else bad('clock', params.clock);
  }
  if ('fault' in params) {
    if (typeof params.fault === 'string' && params.fault in FAULT_FAILURES) parsed.fault = params.fault as FaultCode;
    else bad('fault', params.fault);
  }
  if ('access' in params) {
    if (params.access === 'strict' || params.access === 'permissive') parsed.access = params.access;
    else problems.push(`parameter access ${JSON.stringify(params.access)}: expected 'strict' (or 'permissive'); a session cannot switch access checks off`);
  }
  if ('token' in params) parsed.token = params.token;
  if ('consent' in params) {
    if (params.consent === 'none' || params.consent === 'header') parsed.consent = params.consent;
    else bad('consent', params.consent);
  }
  if ('org' in params) {
    const value = text(params.org);
    if (value !== undefined && /^\d{9}$/.test(value)) parsed.org = value;
    else bad('org', params.org);
  }
  return { params: parsed, problems };
}
