import { ApiError } from './api-error';
import type { ApiResponse } from './http-types';
import type { RateDecision } from './rate-limiter';

/**
 * Puts reference 004's `X-RateLimit-*` headers on the response and, when the window is full,
 * throws 429 RATE_LIMITED with `Retry-After` and the figures 004's body carries.
 */
export function enforceRateDecision(res: ApiResponse, decision: Exclude<RateDecision, { kind: 'revoked' }>): void {
  res.setHeader('X-RateLimit-Limit', String(decision.limit));
  res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
  res.setHeader('X-RateLimit-Reset', String(decision.resetAt));
  if (decision.kind === 'admitted') return;
  throw new ApiError(
    429,
    'RATE_LIMITED',
    'Rate limit exceeded',
    { limit: decision.limit, remaining: decision.remaining, retry_after: decision.retryAfter },
    { 'Retry-After': String(decision.retryAfter) },
  );
}
