import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createServiceApp, type ServiceAppOptions } from './create-service-app';
import { gracefulShutdown } from './graceful-shutdown';

export interface BootstrapOptions extends ServiceAppOptions {
  /** 0 picks a free port; the port actually bound is logged and returned. */
  readonly port: number;
  readonly host?: string;
  readonly shutdownTimeoutMs?: number;
  /** Runs after the app has closed on shutdown (flushing spans). */
  readonly afterClose?: () => Promise<void>;
}

export interface RunningService {
  readonly app: INestApplication;
  readonly port: number;
  /** The same sequence SIGTERM runs; it ends the process. */
  readonly shutdown: (reason: string, exitCode?: number) => Promise<void>;
}

/**
 * Starts a service process: the shared Nest app, listening, with SIGTERM/SIGINT and uncaught
 * errors leading to one graceful shutdown. Nest's own `enableShutdownHooks()` is not used:
 * it runs module hooks before the HTTP server stops accepting, has no deadline, and ends
 * by re-raising the signal, so the exit code would not be 0.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<RunningService> {
  const startedAt = performance.now();
  const host = options.host ?? '127.0.0.1';
  const app = await createServiceApp(options);
  await app.listen(options.port, host);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const shutdown = gracefulShutdown(app, {
    logger: options.logger,
    timeoutMs: options.shutdownTimeoutMs ?? 10_000,
    afterClose: options.afterClose,
  });
  handleProcessEvents(options, shutdown);
  options.logger.info({ host, port, startup_ms: Math.round(performance.now() - startedAt) }, 'service started');
  return { app, port, shutdown };
}

function handleProcessEvents(options: BootstrapOptions, shutdown: RunningService['shutdown']): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void shutdown(signal));
  }
  // State after an uncaught error is suspect: log it, then leave through the same drain.
  process.on('uncaughtException', (err) => {
    options.logger.fatal({ err }, 'uncaught exception');
    void shutdown('uncaughtException', 1);
  });
  process.on('unhandledRejection', (reason) => {
    options.logger.fatal({ err: reason }, 'unhandled promise rejection');
    void shutdown('unhandledRejection', 1);
  });
}
