import type { Plan } from '@parley/contracts';

/** REST requests per minute per key (DESIGN "One public API"). */
const REQUESTS_PER_MINUTE: Record<Plan, number> = { free: 60, pro: 300, enterprise: 1000 };

export interface PlanLimits {
  readonly maxConcurrentCalls: number;
  readonly requestsPerMinute: number;
}

/**
 * Concurrent calls come from the organization row (`concurrent_call_limit`), so support can
 * raise one customer's limit without a new plan; the request rate follows the plan.
 */
export function planLimits(plan: Plan, concurrentCallLimit: number): PlanLimits {
  return { maxConcurrentCalls: Math.max(1, concurrentCallLimit), requestsPerMinute: REQUESTS_PER_MINUTE[plan] };
}
