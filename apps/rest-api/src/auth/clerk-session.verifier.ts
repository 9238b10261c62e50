import { Inject, Injectable } from '@nestjs/common';
import { verifyToken } from '@clerk/backend';
import { REST_API_CONFIG, type RestApiConfig } from '../config';

/** Who a verified Clerk session token names. */
export interface ClerkIdentity {
  readonly clerkUserId: string;
  /** The active Clerk organization (`org_id`, or `o.id` in v2 session tokens), if any. */
  readonly clerkOrgId?: string;
}

/**
 * Verifies Clerk session JWTs offline with `CLERK_JWT_KEY` (signature, `exp`/`nbf`, and `azp`
 * against `CLERK_AUTHORIZED_PARTIES` when set). Disabled when no key is configured.
 */
@Injectable()
export class ClerkSessionVerifier {
  private readonly jwtKey?: string;
  private readonly authorizedParties: readonly string[];

  constructor(@Inject(REST_API_CONFIG) config: RestApiConfig) {
    this.jwtKey = config.CLERK_JWT_KEY;
    this.authorizedParties = config.CLERK_AUTHORIZED_PARTIES;
  }

  get enabled(): boolean {
    return this.jwtKey !== undefined;
  }

  /** Null for a token Clerk's key did not sign, or one expired or not yet valid. */
  async verify(token: string): Promise<ClerkIdentity | null> {
    if (!this.jwtKey) return null;
    const data = await verifyToken(token, {
      jwtKey: this.jwtKey,
      ...(this.authorizedParties.length > 0 ? { authorizedParties: [...this.authorizedParties] } : {}),
    }).catch(() => null); // the package's top-level verifyToken throws on any invalid token
    if (!data || typeof data.sub !== 'string') return null;
    const claims = data as { org_id?: unknown; o?: { id?: unknown } };
    const clerkOrgId = typeof claims.org_id === 'string' ? claims.org_id : claims.o?.id;
    return { clerkUserId: data.sub, ...(typeof clerkOrgId === 'string' ? { clerkOrgId } : {}) };
  }
}
