import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Plan } from '@parley/contracts';
import type { ApiRequest } from '../http/http-types';

/** Who is calling, as every handler sees it: always an organization, then a key or a user. */
export interface Principal {
  readonly orgId: string;
  readonly plan: Plan;
  /** API-key auth: the key, and the agent it is bound to if any. */
  readonly keyId?: string;
  readonly agentId?: string | null;
  /** Session auth: the signed-in user. */
  readonly userId?: string;
}

/**
 * The caller of a guarded route: `@CurrentPrincipal() principal: Principal`. Throws on an
 * unguarded route, where using it would be a bug.
 */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<ApiRequest>().principal;
  if (!principal) throw new Error('@CurrentPrincipal() on a route without ApiKeyGuard or SessionGuard');
  return principal;
});
