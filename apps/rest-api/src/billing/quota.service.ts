import { Inject, Injectable } from '@nestjs/common';
import type { Plan } from '@parley/contracts';
import type { AgentsClient } from '@parley/db-agents';
import type { IdentityClient } from '@parley/db-identity';
import { AGENTS_DB, IDENTITY_DB } from '../database/database.tokens';
import { ApiError } from '../http/api-error';
import { PLAN_DISPLAY, PLAN_QUOTAS, QUOTA_RESOURCES, type QuotaResource } from './plan-quotas';

export interface QuotaUsage {
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
}

/** Where a caller over its quota is sent (reference 004: "the upgrade URL"). */
export const UPGRADE_URL = '/billing/upgrade';

/** Plan quotas: what an organization may create, and what it has. */
@Injectable()
export class QuotaService {
  constructor(
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
  ) {}

  /** `GET /api/v1/quota`: the plan and each resource's limit, use and remainder. */
  async quotaOf(orgId: string, plan: Plan) {
    const entries = await Promise.all(QUOTA_RESOURCES.map(async (r) => [r, await this.usageOf(orgId, plan, r)] as const));
    return { plan, plan_display: PLAN_DISPLAY[plan], quotas: Object.fromEntries(entries) };
  }

  /** Throws 429 QUOTA_EXCEEDED with the current usage when one more `resource` would exceed the plan. */
  async assertWithinQuota(orgId: string, plan: Plan, resource: QuotaResource): Promise<void> {
    const usage = await this.usageOf(orgId, plan, resource);
    if (usage.remaining > 0) return;
    throw new ApiError(429, 'QUOTA_EXCEEDED', `The ${PLAN_DISPLAY[plan]} plan allows ${usage.limit} ${resource}`, {
      resource,
      ...usage,
      plan,
      upgrade_url: UPGRADE_URL,
    });
  }

  private async usageOf(orgId: string, plan: Plan, resource: QuotaResource): Promise<QuotaUsage> {
    const limit = PLAN_QUOTAS[plan][resource];
    const used = await this.count(orgId, resource);
    return { limit, used, remaining: Math.max(0, limit - used) };
  }

  private count(orgId: string, resource: QuotaResource): Promise<number> {
    switch (resource) {
      case 'agents':
        return this.agents.agent.count({ where: { orgId } });
      case 'api_keys':
        return this.identity.apiKey.count({ where: { orgId, revokedAt: null } });
      case 'team_members':
        return this.identity.membership.count({ where: { orgId } });
    }
  }
}
