/**
 * Process-level handlers of the bot: unhandled rejections are logged and survived; SIGINT and
 * SIGTERM shut the bot down and exit 0, within a deadline.
 *
 * @module
 */
import type { Logger } from 'pino';
import { describeError } from './errors.js';

/** The part of `process` the handlers use (a fake in tests). */
export interface ProcessLike {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code?: number): never | void;
}

/** Options of {@link installProcessHandlers}. */
export interface ProcessHandlerOptions {
  log: Logger;
  /** Stops the bot (destroys the client); called once, on the first signal. */
  shutdown: () => Promise<void>;
  /** Past this many ms after a signal the process exits anyway, with code 1. Default 4,500. */
  deadlineMs?: number;
  /** Secrets to cut out of logged errors. */
  secrets?: readonly string[];
}

/**
 * Installs the handlers. A second signal during shutdown exits at once. An uncaught exception
 * leaves the process in an unknown state: it is logged and the process exits 1 (a supervisor
 * restarts it); a rejected promise nobody awaited is logged and the bot keeps running.
 */
export function installProcessHandlers(proc: ProcessLike, options: ProcessHandlerOptions): void {
  const { log, shutdown, deadlineMs = 4_500, secrets = [] } = options;
  let stopping = false;

  proc.on('unhandledRejection', (reason) => {
    log.error({ err: describeError(reason, secrets) }, 'unhandled promise rejection (kept running)');
  });
  proc.on('uncaughtException', (error) => {
    log.fatal({ err: describeError(error, secrets) }, 'uncaught exception; exiting');
    proc.exit(1);
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      proc.exit(1);
      return;
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error({ signal, deadlineMs }, 'shutdown took too long; exiting');
      proc.exit(1);
    }, deadlineMs);
    deadline.unref();
    shutdown().then(
      () => {
        clearTimeout(deadline);
        log.info('stopped');
        proc.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        log.error({ err: describeError(error, secrets) }, 'shutdown failed');
        proc.exit(1);
      },
    );
  };
  proc.on('SIGINT', onSignal);
  proc.on('SIGTERM', onSignal);
}
