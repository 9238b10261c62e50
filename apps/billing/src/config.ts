import { databaseEnv, type EnvSource, parseEnv, redisEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';
import { DEFAULT_RATE_CARD, rateCardSchema } from './rate-card/rate-card';

/** A rate card given as JSON in the environment; unset means the built-in card. */
const rateCardEnv = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (!text?.trim()) return DEFAULT_RATE_CARD;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(rateCardSchema);

/** Everything billing reads from its environment. */
export const billingEnv = z.object({
  ...serviceEnv(3014),
  ...redisEnv,
  ...databaseEnv,
  /** Points per started second by provider class, and money prices per stage (docs: README "Billing"). */
  BILLING_RATE_CARD: rateCardEnv,
  /** Usage events in flight at once; they are written to Postgres together, one transaction per batch. */
  BILLING_USAGE_CONCURRENCY: wholeNumber(1, 4096).default(1024),
  /** Patience for the gateway's answer when billing ends a call that ran out of points. */
  BILLING_COMMAND_TIMEOUT_MS: wholeNumber(50, 60_000).default(1000),
});

export type BillingConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(billingEnv, env);
}
