import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { IdentityClient } from '@parley/db-identity';
import { IDENTITY_DB } from '../database/database.tokens';
import { ApiError } from '../http/api-error';
import type { ApiRequest } from '../http/http-types';

/** After `SessionGuard`: only an owner or admin of the organization may credit points. */
@Injectable()
export class BillingAdminGuard implements CanActivate {
  constructor(@Inject(IDENTITY_DB) private readonly identity: IdentityClient) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const principal = ctx.switchToHttp().getRequest<ApiRequest>().principal;
    if (!principal?.userId) throw ApiError.forbidden('Only an organization admin may credit points');
    const membership = await this.identity.membership.findUnique({
      where: { orgId_userId: { orgId: principal.orgId, userId: principal.userId } },
    });
    if (membership?.role !== 'owner' && membership?.role !== 'admin') {
      throw ApiError.forbidden('Only an organization admin may credit points');
    }
    return true;
  }
}
