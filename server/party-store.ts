// What the mock knows about one party: its ledger, the scenario it came from and that scenario's own
// clock. The entries live in a World (server/runtime/world.ts).
import type { IsoDate, PartyLedger } from './ledger/events.js';
import type { LoadedScenario } from './scenarios/types.js';

export interface PartyEntry {
  ledger: PartyLedger;
  /** The scenario the party belongs to. */
  scenario: string;
  /** The scenario's own clock, when it has one; otherwise the server's clock applies. */
  ownClock?: IsoDate;
}

/** Wraps plain ledgers (tests, the programmatic API) as one scenario without a clock of its own. */
export function adHocScenario(parties: readonly PartyLedger[], clock: IsoDate, name = 'ad-hoc'): LoadedScenario {
  return { name, description: 'Parties given directly to createApp.', source: '<createApp>', clock, parties: [...parties] };
}
