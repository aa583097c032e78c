/**
 * `startKravmock`: the mock inside a vendor's test process (vitest, jest, node:test …), started the
 * same way as `kravmock serve` — the same configuration, scenario loading, app and listener — on a
 * free loopback port. The handle controls it through its own admin API over HTTP, the path a
 * vendor's HTTP calls take too.
 *
 * @example
 * ```ts
 * import { startKravmock, type KravmockHandle } from 'kravmock';
 *
 * let mock: KravmockHandle;
 * beforeAll(async () => {
 *   mock = await startKravmock({ clock: '2026-11-26' });
 * });
 * afterAll(() => mock.close());
 *
 * it('shows a payment as unplaced', async () => {
 *   const session = mock.session(); // a private copy of the data for this test file
 *   const { headers } = await session.token({ org: '313367002', pakke: 'regnskapssystem' });
 *   await session.payment('313367002', { beloep: 5000 });
 *   await session.advanceClock({ days: 30 });
 *   const res = await fetch(`${mock.url}/v1/regnskapssystem/313367002/aapnekrav`, { headers });
 *   expect(res.status).toBe(200);
 * });
 * ```
 * @module
 */
import { randomUUID } from 'node:crypto';
import { UsageError } from './cli/io.js';
import { serveLogger, startServe, type StartedServer } from './cli/serve-command.js';
import { sessionIdProblem } from './runtime/sessions.js';
import { createClient, endSession, type Connection } from './programmatic/client.js';
import { KravmockStartError } from './programmatic/errors.js';
import { serveConfigFor, type StartKravmockOptions } from './programmatic/options.js';
import type { KravmockHandle, KravmockSession } from './programmatic/types.js';

export { KravmockAdminError, KravmockClosedError, KravmockStartError, formatKravmockProblem, type KravmockProblem } from './programmatic/errors.js';
export type { StartKravmockOptions } from './programmatic/options.js';
export type {
  ClaimRaised,
  ClockAdvance,
  FaultRuleSpec,
  JournalFilter,
  KravmockClient,
  KravmockHandle,
  KravmockSession,
  LedgerActionAnswer,
  LoadScenariosOptions,
  MintedToken,
  PaymentReceived,
  Payout,
  ScenarioEvent,
  ScenarioSource,
  StoredFaultRule,
  TokenOptions,
} from './programmatic/types.js';

/**
 * Starts kravmock in this process and resolves when it listens. By default: a free port on
 * 127.0.0.1, the built-in parties and the scenario library (as `kravmock serve`), the real date,
 * access mode `permissive`, no log output. Call `close()` when done (in `afterAll`).
 *
 * Throws `KravmockStartError` for a bad option or a port in use, `ScenarioLoadError` (with every
 * problem) when scenario files do not load, and `KravmockAdminError` when the admin API refuses a
 * scenario document; nothing is left listening then.
 */
export async function startKravmock(options: StartKravmockOptions = {}): Promise<KravmockHandle> {
  const { config, documents } = serveConfigFor(options);
  let started: StartedServer;
  try {
    started = await startServe(config, await serveLogger(config));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const inUse = error.message.includes('EADDRINUSE') ? ': the port is in use; leave out port (or pass 0) for a free one' : '';
    throw new KravmockStartError(`startKravmock: ${error.message}${inUse}`);
  }

  let closing: Promise<void> | undefined;
  const connection: Connection = {
    url: started.url,
    ...(started.adminToken !== undefined ? { adminToken: started.adminToken } : {}),
    isClosed: () => closing !== undefined,
  };
  // serve's drain: no new connections, idle ones closed, requests in flight answered (cut after 4 s).
  const close = (): Promise<void> => (closing ??= started.close());
  const address = started.server.address();
  const handle: KravmockHandle = {
    ...createClient(connection),
    port: typeof address === 'object' && address !== null ? address.port : config.port,
    session(id?: string): KravmockSession {
      const sessionId = id ?? `session-${randomUUID()}`;
      const problem = sessionIdProblem(sessionId);
      if (problem) throw new TypeError(`session: ${problem}`);
      return { ...createClient(connection, sessionId), id: sessionId, end: () => endSession(connection, sessionId) };
    },
    close,
  };

  try {
    if (documents.length > 0) await handle.loadScenarios(...documents);
  } catch (error) {
    await close();
    throw error;
  }
  return handle;
}
