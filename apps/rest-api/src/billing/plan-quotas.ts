import type { Plan } from '@parley/contracts';

/** The resources a plan caps, as `GET /api/v1/quota` names them (reference 004 §4). */
export const QUOTA_RESOURCES = ['agents', 'api_keys', 'team_members'] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

export const PLAN_DISPLAY: Record<Plan, string> = { free: 'Free', pro: 'Professional', enterprise: 'Enterprise' };

/** What each plan allows of each resource. */
export const PLAN_QUOTAS: Record<Plan, Record<QuotaResource, number>> = {
  free: { agents: 3, api_keys: 5, team_members: 2 },
  pro: { agents: 50, api_keys: 50, team_members: 10 },
  enterprise: { agents: 500, api_keys: 500, team_members: 100 },
};
