import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../http/api-error';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { enforceRateDecision } from '../http/rate-limit-headers';
import { RateLimiter } from '../http/rate-limiter';
import { ApiKeyResolver } from './api-key-resolver';
import { KeyUsage } from './key-usage';
import { requestsPerWindow } from './plan-rate';
import type { Principal } from './principal';
import { RevocationMarks } from './revocation-marks';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * API-key auth for `/api/v1`, as `ApiKeyGuard` and the hot routes run it: the key from
 * `Authorization: Bearer` or `X-API-Key`, resolved (cached in process), then one Redis round
 * trip that both checks for a recent revocation and counts the request against the plan's rate
 * limit. Sets `req.principal` and the rate-limit headers; notes the key's use (`last_used_at`,
 * throttled). Throws 401 or 429 as reference 004 has them.
 */
@Injectable()
export class ApiKeyAuth {
  constructor(
    @Inject(ApiKeyResolver) private readonly resolver: ApiKeyResolver,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(RevocationMarks) private readonly marks: RevocationMarks,
    @Inject(KeyUsage) private readonly usage: KeyUsage,
  ) {}

  async authenticate(req: ApiRequest, res: ApiResponse): Promise<Principal> {
    const raw = presentedKey(req);
    if (!raw) throw ApiError.unauthorized('Missing API key: send Authorization: Bearer <key> or X-API-Key');
    const key = await this.resolver.resolve(raw);
    if (!key?.active) throw invalidKey();
    const decision = await this.limiter.take(`key:${key.keyId}`, requestsPerWindow(key.plan), this.marks.markOf(key.keyId));
    if (decision.kind === 'revoked') {
      this.resolver.forget(key.hash);
      throw invalidKey();
    }
    enforceRateDecision(res, decision);
    this.usage.used(key.keyId);
    req.principal = { orgId: key.orgId, plan: key.plan, keyId: key.keyId, agentId: key.agentId };
    return req.principal;
  }
}

/** Reference 004: one 401 for an unknown and a deactivated key, so neither is told apart. */
function invalidKey(): ApiError {
  return ApiError.unauthorized('Invalid or deactivated API key');
}

function presentedKey(req: ApiRequest): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const authorization = req.headers.authorization;
  return authorization ? BEARER.exec(authorization)?.[1] : undefined;
}
