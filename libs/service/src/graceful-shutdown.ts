import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { InFlightRequests } from './http/in-flight-requests';
import { ReadinessChecks } from './readiness/readiness-checks';

export interface ShutdownOptions {
  readonly logger: Logger;
  /** After this long the process exits non-zero whatever is still running. */
  readonly timeoutMs: number;
  /** Runs after the app has closed: flushing spans. */
  readonly afterClose?: () => Promise<void>;
  readonly exit?: (code: number) => void;
}

/**
 * Returns the one shutdown sequence of a service: readiness off at once, stop accepting HTTP
 * and let in-flight requests finish, then Nest's shutdown hooks (the bus drains, sockets and
 * clients close), then exit 0. A step that hangs past the timeout exits 1. Calls after the
 * first do not start a second shutdown, but a failure they report still makes the exit non-zero.
 */
export function gracefulShutdown(app: INestApplication, options: ShutdownOptions) {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;
  let exitCode = 0;

  return async (reason: string, code = 0): Promise<void> => {
    exitCode = Math.max(exitCode, code);
    if (started) return;
    started = true;
    const startedAt = performance.now();
    app.get(ReadinessChecks).markShuttingDown();
    options.logger.info({ reason }, 'service stopping');
    // Deliberately keeps the event loop alive: if a hook hangs on a promise with nothing
    // else pending, Node would otherwise exit 0 as if shutdown had succeeded.
    const deadline = setTimeout(() => {
      options.logger.error({ timeout_ms: options.timeoutMs }, 'shutdown timed out');
      exit(1);
    }, options.timeoutMs);
    try {
      await stopAccepting(app.getHttpServer() as Server, app.get(InFlightRequests));
      await app.close();
      await options.afterClose?.();
      options.logger.info({ duration_ms: Math.round(performance.now() - startedAt) }, 'service stopped');
    } catch (err) {
      options.logger.error({ err }, 'shutdown failed');
      exitCode = 1;
    } finally {
      clearTimeout(deadline);
    }
    exit(exitCode);
  };
}

/**
 * Stops taking connections and waits for the requests being answered. Open keep-alive
 * connections are closed as soon as they go idle; left alone they would hold the server open
 * for their 5 s timeout. Nest's own close of the server then finds nothing left but upgraded
 * sockets, which their modules close in their shutdown hooks.
 */
async function stopAccepting(server: Server, inFlight: InFlightRequests): Promise<void> {
  if (!server.listening) return;
  server.close();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  try {
    await inFlight.drained();
  } finally {
    clearInterval(sweep);
  }
  server.closeIdleConnections();
}
