// Where the mock finds a party's ledger. One interface, so scenarios and sessions can later supply
// their own stores without the HTTP layer changing.
import type { PartyLedger } from './ledger/events.js';

export interface PartyStore {
  get(partIdentifikator: string): PartyLedger | undefined;
  list(): readonly PartyLedger[];
}

/** A store over a fixed list of parties. Throws on two ledgers for the same party. */
export function createPartyStore(parties: readonly PartyLedger[]): PartyStore {
  const byId = new Map<string, PartyLedger>();
  for (const party of parties) {
    if (byId.has(party.partIdentifikator)) {
      throw new Error(`two ledgers for party ${party.partIdentifikator}`);
    }
    byId.set(party.partIdentifikator, party);
  }
  return {
    get: (id) => byId.get(id),
    list: () => [...byId.values()],
  };
}
