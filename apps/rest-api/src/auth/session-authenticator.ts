import { Inject, Injectable } from '@nestjs/common';
import { LocalSessionTokens } from './local-session-tokens';

/**
 * Session token → local user id. The built-in local auth now; a Clerk verifier plugs in here
 * when `CLERK_JWT_KEY` is configured.
 */
@Injectable()
export class SessionAuthenticator {
  constructor(@Inject(LocalSessionTokens) private readonly local: LocalSessionTokens) {}

  /** The user id, or null when the token is not a valid, unexpired session. */
  async userIdOf(token: string): Promise<string | null> {
    return this.local.verify(token)?.sub ?? null;
  }
}
