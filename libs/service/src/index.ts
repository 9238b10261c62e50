export { bootstrapService } from './bootstrap-service';
export type { BootstrapOptions, RunningService } from './bootstrap-service';
export { createServiceApp } from './create-service-app';
export type { ServiceAppOptions } from './create-service-app';
export { gracefulShutdown } from './graceful-shutdown';
export type { ShutdownOptions } from './graceful-shutdown';
export { SliceClientsModule } from './database/slice-clients.module';
export type { SliceClient, SliceClientProvider } from './database/slice-clients.module';
export { InFlightRequests } from './http/in-flight-requests';
export { InternalErrorFilter } from './http/internal-error.filter';
export type { InternalErrorBody } from './http/internal-error.filter';
export { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
export { ServiceMetrics } from './metrics/service-metrics';
export { ObservabilityModule } from './observability.module';
export type { ObservabilityOptions } from './observability.module';
export { busCheck, postgresCheck, redisCheck } from './readiness/checks';
export type { Pingable } from './readiness/checks';
export type { ReadinessCheck, ReadinessReport, ReadinessStatus } from './readiness/readiness-check';
export { readinessCheckProvider } from './readiness/readiness-check.provider';
export { ReadinessChecks } from './readiness/readiness-checks';
export { busReadiness, postgresReadiness } from './readiness/readiness.providers';
export { createRedisClient, RedisModule } from './redis/redis.module';
export type { RedisOptions } from './redis/redis.module';
export { runService } from './run-service';
export type { ServiceDefinition } from './run-service';
export { LOGGER, READINESS_TIMEOUT_MS, SERVICE_NAME } from './tokens';
export { initTracing, tracesUrl } from './tracing/init-tracing';
export type { Tracing, TracingMode, TracingOptions } from './tracing/init-tracing';
export { tracingMiddleware } from './tracing/tracing.middleware';
export {
  isNonPublicAddress,
  OutboundHostUnresolved,
  OutboundTargetGuard,
  OutboundTargetRefused,
} from './http/outbound-target';
export type { OutboundTarget } from './http/outbound-target';
export { pinnedRequestOptions, readCappedBody } from './http/pinned-request';
