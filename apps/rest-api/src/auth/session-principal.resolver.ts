import { Inject, Injectable } from '@nestjs/common';
import type { IdentityClient } from '@parley/db-identity';
import { IDENTITY_DB } from '../database/database.tokens';
import { ApiError } from '../http/api-error';
import type { Principal } from './principal';

/**
 * The organization a signed-in user acts for: the one named by `X-Org-Id` when the user is a
 * member of it, else the user's first membership. Not a member of the named one: 403.
 */
@Injectable()
export class SessionPrincipalResolver {
  constructor(@Inject(IDENTITY_DB) private readonly identity: IdentityClient) {}

  async resolve(userId: string, requestedOrgId: string | undefined): Promise<Principal> {
    const memberships = await this.identity.membership.findMany({
      where: { userId },
      include: { org: { select: { plan: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (memberships.length === 0) throw ApiError.forbidden('This user belongs to no organization');
    const active = requestedOrgId ? memberships.find((m) => m.orgId === requestedOrgId) : memberships[0];
    if (!active) throw ApiError.forbidden('Not a member of the organization in X-Org-Id');
    return { orgId: active.orgId, plan: active.org.plan, userId };
  }
}
