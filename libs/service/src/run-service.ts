import type { DynamicModule } from '@nestjs/common';
import { EnvError, type ServiceEnv } from '@parley/config';
import { createLogger, type Logger } from '@parley/logging';
import { bootstrapService } from './bootstrap-service';
import { initTracing } from './tracing/init-tracing';

export interface ServiceDefinition<C extends ServiceEnv> {
  /** `billing`: the service label in logs, metrics and traces. */
  readonly name: string;
  /** The app's `config.ts` parser, called once. */
  readonly loadConfig: () => C;
  /** The app's root module, built from its config; the logger is for clients it creates. */
  readonly module: (config: C, logger: Logger) => DynamicModule;
}

/**
 * The whole of an app's `main.ts`: parse the env, start tracing, create the logger, bootstrap.
 * A bad env or a failed start ends the process with one fatal log line and exit code 1.
 */
export async function runService<C extends ServiceEnv>(definition: ServiceDefinition<C>): Promise<void> {
  const config = loadConfigOrExit(definition);
  const tracing = initTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? definition.name,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  try {
    await bootstrapService({
      name: definition.name,
      module: definition.module(config, logger),
      port: config.PORT,
      host: config.HOST,
      logger,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
      afterClose: () => tracing.shutdown(),
    });
  } catch (err) {
    logger.fatal({ err }, 'service failed to start');
    process.exit(1);
  }
}

/** A bad env is an operator's mistake, not a bug: list the variables, no stack trace. */
function loadConfigOrExit<C extends ServiceEnv>(definition: ServiceDefinition<C>): C {
  try {
    return definition.loadConfig();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    createLogger({ service: definition.name }).fatal({ problems: err.problems }, 'invalid environment');
    process.exit(1);
  }
}
