import { Inject, Injectable } from '@nestjs/common';
import type { ApiRequest, ApiResponse } from '../http/http-types';
import { enforceRateDecision } from '../http/rate-limit-headers';
import { RateLimiter } from '../http/rate-limiter';

/** Sign-in attempts per client address per rate-limit window: enough for people, not for guessing. */
const ATTEMPTS_PER_WINDOW = 10;

/** Slows password guessing: 429 RATE_LIMITED after ten attempts from one address. */
@Injectable()
export class LoginAttempts {
  constructor(@Inject(RateLimiter) private readonly limiter: RateLimiter) {}

  async take(req: ApiRequest, res: ApiResponse): Promise<void> {
    const decision = await this.limiter.take(`login:${req.socket.remoteAddress ?? 'unknown'}`, ATTEMPTS_PER_WINDOW);
    if (decision.kind !== 'revoked') enforceRateDecision(res, decision);
  }
}
