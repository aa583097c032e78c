// createApp builds the whole mock as an Express app without listening, so tests, the CLI and the
// programmatic API all run the same code.
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { createAccess, type AccessOptions } from './access/index.js';
import { adminRoutes } from './admin/admin-routes.js';
import { createContract, type Contract } from './contract.js';
import { apiRoutes, type EmptyResult } from './http/api-routes.js';
import { correlation } from './http/correlation.js';
import { errorHandler, unknownRoute } from './http/error-handling.js';
import { today } from './ledger/dates.js';
import type { IsoDate, PartyLedger } from './ledger/events.js';
import { adHocScenario, createPartyStore, type PartyStore } from './party-store.js';
import type { LoadedScenario } from './scenarios/types.js';

export interface KravmockOptions {
  /** Loaded scenarios, plain ledgers (one ad-hoc scenario), or a ready store. */
  scenarios?: readonly LoadedScenario[];
  parties?: readonly PartyLedger[] | PartyStore;
  /**
   * A fixed date wins over every scenario's own clock. A function (default: the real date) gives
   * "today" for parties whose scenario has no clock of its own.
   */
  clock?: IsoDate | (() => IsoDate);
  /** Period endpoints with nothing to show: 404 KB-007 as the real API (default) or an empty 200. */
  emptyResult?: EmptyResult;
  logger?: Logger;
  /** The compiled contract; compiled from contracts/openapi.yaml when not given. */
  contract?: Contract;
  /**
   * Maskinporten, Altinn consent and system-user checks. Mode `permissive` by default: requests
   * without a token are served with a Warning header; a token that is sent is checked fully.
   */
  access?: AccessOptions;
}

export function createApp(options: KravmockOptions): Express {
  const clockOption = options.clock;
  const clock = typeof clockOption === 'string' ? () => clockOption : (clockOption ?? today);
  const parties = partyStoreOf(options, clock());
  const logger = options.logger ?? pino({ level: 'silent' });

  const access = createAccess(options.access ?? {}, logger);

  const app = express();
  app.disable('x-powered-by');
  app.use(correlation);
  app.use(access.routes);
  app.use(
    apiRoutes({
      contract: options.contract ?? createContract(),
      parties,
      clock,
      fixedClockWins: typeof clockOption === 'string',
      emptyResult: options.emptyResult ?? 'KB-007',
      access: access.guard,
    }),
  );
  app.use(adminRoutes(parties));
  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}

function partyStoreOf(options: KravmockOptions, startClock: IsoDate): PartyStore {
  const { parties, scenarios = [] } = options;
  if (parties && 'get' in parties) return parties;
  return createPartyStore(parties ? [...scenarios, adHocScenario(parties, startClock)] : scenarios);
}
