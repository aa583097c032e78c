// Graceful shutdown of `kravmock serve`. On SIGTERM or SIGINT: readiness turns 503, the listening
// socket closes (new connections are refused), idle keep-alive connections close, in-flight requests
// finish (their responses carry `Connection: close`), and the process exits 0. Whatever is still
// open at the deadline (--drain-timeout, default 4 s so the whole stop stays under 5 s) is cut, with
// a warning, and the exit is still 0: the stop was asked for. A second signal cuts at once.
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Lifecycle } from '../http/health.js';

export const DRAIN_TIMEOUT_MS = 4000;
export const MAX_DRAIN_TIMEOUT_MS = 600_000;

export interface DrainOutcome {
  /** Connections still open at the deadline (or at a second signal) and cut. */
  cut: number;
  durationMs: number;
}

export class Shutdown {
  #done?: Promise<DrainOutcome>;
  #cutNow?: () => void;

  constructor(
    private readonly server: Server,
    private readonly lifecycle: Lifecycle,
    private readonly logger: Logger,
    readonly timeoutMs: number = DRAIN_TIMEOUT_MS,
  ) {}

  /** Starts draining (once; later calls get the same outcome) and resolves when every connection is closed. */
  drain(): Promise<DrainOutcome> {
    this.#done ??= this.#drain();
    return this.#done;
  }

  /** Cuts what is still open now (a second signal). Starts the drain when it has not started. */
  cutNow(): Promise<DrainOutcome> {
    const done = this.drain();
    this.#cutNow?.();
    return done;
  }

  async #drain(): Promise<DrainOutcome> {
    const started = Date.now();
    this.lifecycle.beginDrain();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // A response whose headers were already out (with keep-alive) leaves an idle connection behind.
    const sweep = setInterval(() => this.server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      this.#cutNow = () => resolve('deadline');
      timer = setTimeout(() => resolve('deadline'), this.timeoutMs);
    });
    const first = await Promise.race([closed.then(() => 'closed' as const), deadline]);
    clearTimeout(timer);
    clearInterval(sweep);
    let cut = 0;
    if (first === 'deadline') {
      cut = await connections(this.server);
      this.server.closeAllConnections();
      if (cut > 0) this.logger.warn({ connections: cut, timeoutMs: this.timeoutMs }, `drain deadline: cut ${cut} connection${cut === 1 ? '' : 's'} still open`);
      await closed;
    }
    return { cut, durationMs: Date.now() - started };
  }
}

function connections(server: Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
}

/** What the signal handler needs of a running server. */
export interface Stoppable {
  shutdown: Shutdown;
  logger: Logger;
}

/**
 * SIGTERM and SIGINT drain and exit 0; a second signal while draining cuts the open connections
 * at once. Returns a function that removes the handlers.
 */
export function exitOnSignals(running: Stoppable, exit: (code: number) => void = (code) => process.exit(code)): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      running.logger.warn({ signal }, 'second signal: cutting open connections now');
      void running.shutdown.cutNow();
      return;
    }
    stopping = true;
    // Draining has begun (listener closed, readiness 503) by the time this line is written.
    const done = running.shutdown.drain();
    running.logger.info({ signal, timeoutMs: running.shutdown.timeoutMs }, 'kravmock stopping');
    done.then(
      (outcome) => {
        running.logger.info({ durationMs: outcome.durationMs, cut: outcome.cut }, 'kravmock stopped');
        exit(0);
      },
      (error: unknown) => {
        running.logger.error({ err: error }, 'kravmock did not stop cleanly');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
