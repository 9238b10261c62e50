import { databaseEnv, type EnvSource, hostList, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** 10 s, 1 min, 5 min, 30 min, 1 h, 3 h, 6 h, 12 h: nine attempts over about 22.6 hours. */
const DEFAULT_RETRY_SCHEDULE = [10 * SECOND, MINUTE, 5 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR];

/** Delays in milliseconds between attempts, comma-separated (`10000,60000`): one retry per delay. */
const retryScheduleEnv = z
  .string()
  .regex(/^(\d+(,\d+)*)?$/, 'must be comma-separated whole milliseconds, e.g. 10000,60000,300000')
  .transform((text) => (text ? text.split(',').map(Number) : []))
  .default(DEFAULT_RETRY_SCHEDULE);

/** Everything webhooks reads from its environment. */
export const webhooksEnv = z.object({
  ...serviceEnv(3016),
  ...databaseEnv,
  /** Patience for one attempt, connect to last byte (reference 002: 10 seconds). */
  WEBHOOKS_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
  WEBHOOKS_RETRY_SCHEDULE_MS: retryScheduleEnv,
  /** Each delay is spread by ± this percentage, so retries of one outage do not arrive together. */
  WEBHOOKS_RETRY_JITTER_PERCENT: wholeNumber(0, 100).default(20),
  /** Dev and tests: e.g. `localhost,127.0.0.1`. Production leaves it empty: https to public addresses only. */
  WEBHOOKS_ALLOWED_HOSTS: hostList(),
  /** Deliveries in a row that fail for good before the endpoint is disabled. */
  WEBHOOKS_DISABLE_AFTER_FAILURES: wholeNumber(1, 10_000).default(10),
  /** How often the scheduler looks for due retries (and deliveries a crashed instance left behind). */
  WEBHOOKS_POLL_INTERVAL_MS: wholeNumber(10, 60_000).default(1_000),
  /** Pullers on the call-events durable: facts in flight at once, stored together in one statement. */
  WEBHOOKS_CONSUMER_CONCURRENCY: wholeNumber(1, 1_024).default(64),
  /** Attempts in flight at once in this instance. */
  WEBHOOKS_CONCURRENCY: wholeNumber(1, 4_096).default(256),
  /** At most this much of a receiver's response is read, then the connection is dropped. */
  WEBHOOKS_MAX_RESPONSE_BYTES: wholeNumber(0, 10_485_760).default(65_536),
});

export type WebhooksConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(webhooksEnv, env);
}
