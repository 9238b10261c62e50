import { Inject, Injectable } from '@nestjs/common';
import { ClerkSessionVerifier } from './clerk-session.verifier';
import { ClerkUsersProvisioner } from './clerk-users.provisioner';
import { LocalSessionTokens } from './local-session-tokens';

/**
 * Session token → local user id: a token of the built-in local auth (`POST /api/auth/login`),
 * or a Clerk session JWT when `CLERK_JWT_KEY` is configured.
 */
@Injectable()
export class SessionAuthenticator {
  constructor(
    @Inject(LocalSessionTokens) private readonly local: LocalSessionTokens,
    @Inject(ClerkSessionVerifier) private readonly clerk: ClerkSessionVerifier,
    @Inject(ClerkUsersProvisioner) private readonly provisioner: ClerkUsersProvisioner,
  ) {}

  /** The user id, or null when the token is not a valid, unexpired session. */
  async userIdOf(token: string): Promise<string | null> {
    const local = this.local.verify(token);
    if (local) return local.sub;
    const identity = await this.clerk.verify(token);
    return identity ? this.provisioner.userIdOf(identity) : null;
  }
}
