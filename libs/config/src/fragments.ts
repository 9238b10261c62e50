import { z } from 'zod';

/**
 * Reusable pieces of an app's env schema. Each is a plain zod shape, so an app composes exactly
 * what it uses: `z.object({ ...serviceEnv(3014), ...redisEnv, ...databaseEnv })`.
 * Every default points at 127.0.0.1 so a fresh checkout runs against local infrastructure and
 * nothing listens on a public interface unless asked to.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A whole number within bounds, written as digits only (Number() would read '' or ' ' as 0). */
export function wholeNumber(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min).max(max));
}

/**
 * A comma-separated list of host names or IP literals, trimmed and lower-cased, empty by default:
 * the hosts an outbound request (webhook, custom tool) may reach over plain http and on private
 * addresses, e.g. `localhost,127.0.0.1` in development. Production leaves it empty.
 */
export function hostList() {
  return z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    );
}

export const natsEnv = {
  NATS_URL: z.url({ protocol: /^(nats|tls)$/ }).default('nats://127.0.0.1:4222'),
  /**
   * Prefixes every subject and stream name, so several stacks (an e2e run beside a developer's
   * platform) share one NATS without hearing each other. Unset in production.
   */
  BUS_NAMESPACE: z.string().regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and _ only').optional(),
};

export const redisEnv = {
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
};

export const databaseEnv = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/parley'),
};

/**
 * HOST defaults to loopback: a developer's machine never exposes a service by accident.
 * Containers set HOST=0.0.0.0 explicitly. PORT=0 picks a free port (tests).
 */
export function httpEnv(defaultPort: number) {
  return {
    PORT: wholeNumber(0, 65535).default(defaultPort),
    HOST: z.string().min(1).default('127.0.0.1'),
  };
}

export const logEnv = {
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOG_PRETTY: z.stringbool().default(false),
};

/** Tracing context always propagates; spans are exported only when an OTLP endpoint is set. */
export const otelEnv = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
};

export const shutdownEnv = {
  SHUTDOWN_TIMEOUT_MS: wholeNumber(1, 600_000).default(10_000),
};

/** What every Parley service needs: the bus, its HTTP listener, logs, traces and shutdown. */
export function serviceEnv(defaultPort: number) {
  return { ...natsEnv, ...httpEnv(defaultPort), ...logEnv, ...otelEnv, ...shutdownEnv };
}

/** The parsed shape of `serviceEnv`, which the shared bootstrap reads. */
export type ServiceEnv = z.output<z.ZodObject<ReturnType<typeof serviceEnv>>>;
