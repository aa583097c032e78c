// Where the mock finds a party's ledger, the scenario it came from and the clock it is answered at.
// One interface, so scenarios and (later) sessions supply their own stores without the HTTP layer
// changing.
import type { IsoDate, PartyLedger } from './ledger/events.js';
import type { LoadedScenario } from './scenarios/types.js';

export interface PartyEntry {
  ledger: PartyLedger;
  /** The scenario the party belongs to. */
  scenario: string;
  /** The scenario's own clock, when it has one; otherwise the server's clock applies. */
  ownClock?: IsoDate;
}

export interface PartyStore {
  get(partIdentifikator: string): PartyEntry | undefined;
  scenarios(): readonly LoadedScenario[];
}

/**
 * A store over loaded scenarios. Throws, naming both scenarios, when two of them have the same name
 * or a ledger for the same party, so a conflicting set is refused whole.
 */
export function createPartyStore(scenarios: readonly LoadedScenario[]): PartyStore {
  const byId = new Map<string, PartyEntry>();
  const names = new Map<string, LoadedScenario>();
  for (const scenario of scenarios) {
    const clash = names.get(scenario.name);
    if (clash) throw new Error(`two scenarios are named '${scenario.name}' (${clash.source} and ${scenario.source})`);
    names.set(scenario.name, scenario);
    for (const ledger of scenario.parties) {
      const existing = byId.get(ledger.partIdentifikator);
      if (existing) {
        throw new Error(
          `party ${ledger.partIdentifikator} is in scenario '${existing.scenario}' and in scenario '${scenario.name}' (${scenario.source}); a party can belong to one scenario only`,
        );
      }
      const entry: PartyEntry = { ledger, scenario: scenario.name };
      if (scenario.ownClock) entry.ownClock = scenario.ownClock;
      byId.set(ledger.partIdentifikator, entry);
    }
  }
  const list = [...scenarios];
  return {
    get: (id) => byId.get(id),
    scenarios: () => list,
  };
}

/** Wraps plain ledgers (tests, the programmatic API) as one scenario without a clock of its own. */
export function adHocScenario(parties: readonly PartyLedger[], clock: IsoDate, name = 'ad-hoc'): LoadedScenario {
  return { name, description: 'Parties given directly to createApp.', source: '<createApp>', clock, parties: [...parties] };
}
