import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { enforceRateDecision } from '../http/rate-limit-headers';
import { RateLimiter } from '../http/rate-limiter';
import { requestsPerWindow } from './plan-rate';
import { SessionAuthenticator } from './session-authenticator';
import { SessionPrincipalResolver } from './session-principal.resolver';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
/** Clerk's session cookie, sent by a dashboard served from the same site. */
const SESSION_COOKIE = /(?:^|;\s*)__session=([^;]+)/;

/**
 * Session auth for the dashboard API (`/api/keys`, `/api/agents`, …): a session token in
 * `Authorization: Bearer` (or Clerk's `__session` cookie), the active organization, and the
 * plan's rate limit counted per user. Sets `req.principal`.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    @Inject(SessionAuthenticator) private readonly sessions: SessionAuthenticator,
    @Inject(SessionPrincipalResolver) private readonly principals: SessionPrincipalResolver,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ApiRequest>();
    const token = sessionTokenOf(req);
    if (!token) throw ApiError.unauthorized('Missing session token: sign in and send Authorization: Bearer <token>');
    const userId = await this.sessions.userIdOf(token);
    if (!userId) throw ApiError.unauthorized('Invalid or expired session');
    const orgHeader = req.headers['x-org-id'];
    const principal = await this.principals.resolve(userId, typeof orgHeader === 'string' ? orgHeader : undefined);
    const decision = await this.limiter.take(`user:${userId}`, requestsPerWindow(principal.plan));
    if (decision.kind === 'revoked') throw ApiError.unauthorized('Invalid or expired session');
    enforceRateDecision(ctx.switchToHttp().getResponse<ApiResponse>(), decision);
    req.principal = principal;
    return true;
  }
}

function sessionTokenOf(req: ApiRequest): string | undefined {
  const authorization = req.headers.authorization;
  const bearer = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (bearer) return bearer;
  const cookie = req.headers.cookie ? SESSION_COOKIE.exec(req.headers.cookie)?.[1] : undefined;
  return cookie ? decodeURIComponent(cookie) : undefined;
}
