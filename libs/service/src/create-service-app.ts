import { type DynamicModule, type INestApplication, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Logger, NestPinoLogger } from '@parley/logging';
import { InFlightRequests } from './http/in-flight-requests';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { ServiceMetrics } from './metrics/service-metrics';
import { ObservabilityModule } from './observability.module';
import { tracingMiddleware } from './tracing/tracing.middleware';

export interface ServiceAppOptions {
  readonly name: string;
  /** The app's root module: its features and the infrastructure they use. */
  readonly module: Type | DynamicModule;
  readonly logger: Logger;
  readonly readinessTimeoutMs?: number;
}

@Module({})
class ServiceRootModule {}

/**
 * The Nest app with everything a service shares, not yet listening. Tests call this and
 * `listen(0)`; `bootstrapService` adds the listener, signals and shutdown.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<INestApplication> {
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [ObservabilityModule.forRoot(options), options.module],
  };
  // abortOnError: a failed start rejects here (and is logged by the caller) instead of Nest
  // calling process.exit(1) from inside the framework.
  const app = await NestFactory.create<NestExpressApplication>(root, {
    logger: new NestPinoLogger(options.logger),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(app.get(InFlightRequests).middleware(), tracingMiddleware(), httpMetricsMiddleware(app.get(ServiceMetrics)));
  return app;
}
