// `npm start`: serve the mock with the built-in parties.
// Options: --port/KRAVMOCK_PORT (8080), --host/KRAVMOCK_HOST (127.0.0.1), --clock/KRAVMOCK_CLOCK
// (YYYY-MM-DD; default: the real date), --empty-result/KRAVMOCK_EMPTY_RESULT (KB-007 | empty).
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { builtinParties } from '../fixtures/builtin/index.js';
import { createApp } from './app.js';
import type { EmptyResult } from './http/api-routes.js';
import { isIsoDate, today } from './ledger/dates.js';

function fail(message: string): never {
  console.error(`kravmock: ${message}`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        clock: { type: 'string' },
        'empty-result': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}. Options: --port, --host, --clock, --empty-result`);
  }
}

const { values } = readArgs();

const port = Number(values.port ?? process.env.KRAVMOCK_PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, got '${values.port ?? process.env.KRAVMOCK_PORT}'`);
const host = values.host ?? process.env.KRAVMOCK_HOST ?? '127.0.0.1';
const fixedClock = values.clock ?? process.env.KRAVMOCK_CLOCK;
if (fixedClock !== undefined && !isIsoDate(fixedClock)) fail(`--clock must be a calendar date YYYY-MM-DD, got '${fixedClock}'`);
const emptyResult = (values['empty-result'] ?? process.env.KRAVMOCK_EMPTY_RESULT ?? 'KB-007') as EmptyResult;
if (emptyResult !== 'KB-007' && emptyResult !== 'empty') fail(`--empty-result must be KB-007 or empty, got '${String(emptyResult)}'`);

const logger = pino();
// Relative dates in the built-in data are resolved once, against the clock at start.
const parties = builtinParties(fixedClock ?? today());
const app = createApp({ parties, clock: fixedClock ?? today, emptyResult, logger });
const server = app.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  logger.info(
    { url: `http://${host}:${actualPort}`, parties: parties.map((p) => p.partIdentifikator), clock: fixedClock ?? 'today' },
    'kravmock listening',
  );
});
server.on('error', (error) => fail(`cannot listen on ${host}:${port}: ${error.message}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
