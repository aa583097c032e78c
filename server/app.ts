// createApp builds the whole mock as an Express app without listening, so tests, the CLI and the
// programmatic API all run the same code.
import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { createContract, type Contract } from './contract.js';
import { apiRoutes, type EmptyResult } from './http/api-routes.js';
import { correlation } from './http/correlation.js';
import { errorHandler, unknownRoute } from './http/error-handling.js';
import { today } from './ledger/dates.js';
import type { IsoDate, PartyLedger } from './ledger/events.js';
import { createPartyStore, type PartyStore } from './party-store.js';

export interface KravmockOptions {
  /** The parties the API knows, as ledgers or a ready store. */
  parties: readonly PartyLedger[] | PartyStore;
  /** A fixed clock date, or a function giving "today". Defaults to the real date. */
  clock?: IsoDate | (() => IsoDate);
  /** Period endpoints with nothing to show: 404 KB-007 as the real API (default) or an empty 200. */
  emptyResult?: EmptyResult;
  logger?: Logger;
  /** The compiled contract; compiled from contracts/openapi.yaml when not given. */
  contract?: Contract;
}

export function createApp(options: KravmockOptions): Express {
  const clockOption = options.clock;
  const clock = typeof clockOption === 'string' ? () => clockOption : (clockOption ?? today);
  const parties = 'get' in options.parties ? options.parties : createPartyStore(options.parties);
  const logger = options.logger ?? pino({ level: 'silent' });

  const app = express();
  app.disable('x-powered-by');
  app.use(correlation);
  app.use(
    apiRoutes({
      contract: options.contract ?? createContract(),
      parties,
      clock,
      emptyResult: options.emptyResult ?? 'KB-007',
    }),
  );
  app.use(unknownRoute);
  app.use(errorHandler(logger));
  return app;
}
