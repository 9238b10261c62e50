/** When the next attempt is due, or that there is none. */
export interface RetryPolicy {
  /** Delay before retry n (0-based) in milliseconds; its length is the number of retries. */
  readonly scheduleMs: readonly number[];
  /** Each delay is spread uniformly by ± this fraction of itself. */
  readonly jitter: number;
}

/**
 * Delay before the next attempt after `failedAttempts` attempts of the current schedule have
 * failed, or null when the schedule is spent. Exponential by default (see config), with jitter
 * so the retries of one outage spread out instead of arriving together.
 */
export function nextRetryDelayMs(policy: RetryPolicy, failedAttempts: number, random: () => number = Math.random) {
  const base = policy.scheduleMs[failedAttempts - 1];
  if (base === undefined) return null;
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}
