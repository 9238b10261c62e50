import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from '@parley/logging';
import { InFlightRequests } from './http/in-flight-requests';
import { InternalErrorFilter } from './http/internal-error.filter';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/service-metrics';
import { HealthController } from './readiness/health.controller';
import { ReadinessChecks } from './readiness/readiness-checks';
import { LOGGER, READINESS_TIMEOUT_MS, SERVICE_NAME } from './tokens';

export interface ObservabilityOptions {
  readonly name: string;
  readonly logger: Logger;
  /** Per readiness check; 2 s unless set. */
  readonly readinessTimeoutMs?: number;
}

/**
 * What every service has regardless of its features: the logger, readiness, metrics, the
 * probe endpoints and the last-resort error filter. Global, so feature modules inject
 * `ReadinessChecks`, `ServiceMetrics` or `LOGGER` without importing anything.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: LOGGER, useValue: options.logger },
        { provide: SERVICE_NAME, useValue: options.name },
        { provide: READINESS_TIMEOUT_MS, useValue: options.readinessTimeoutMs ?? 2000 },
        { provide: APP_FILTER, useClass: InternalErrorFilter },
        InFlightRequests,
        ReadinessChecks,
        ServiceMetrics,
      ],
      exports: [LOGGER, SERVICE_NAME, READINESS_TIMEOUT_MS, InFlightRequests, ReadinessChecks, ServiceMetrics],
    };
  }
}
