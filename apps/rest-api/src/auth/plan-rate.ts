import type { Plan } from '@parley/contracts';
import { planLimits } from '../identity/plan-limits';

/** Requests per rate-limit window for a plan (free 60, pro 300, enterprise 1000). */
export function requestsPerWindow(plan: Plan): number {
  return planLimits(plan, 1).requestsPerMinute;
}
