import type { Plan } from '@parley/contracts';

/**
 * SIP configs (numbers answered by an agent) each plan allows: reference 004 shows 10 on its
 * Professional plan. Kept beside the SIP feature until `/quota` lists it (billing's `plan-quotas.ts`).
 */
export const SIP_CONFIG_QUOTA: Record<Plan, number> = { free: 1, pro: 10, enterprise: 100 };
