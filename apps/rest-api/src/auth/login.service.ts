import { Inject, Injectable } from '@nestjs/common';
import { hashPassword, type IdentityClient, verifyPassword } from '@parley/db-identity';
import { IDENTITY_DB } from '../database/database.tokens';
import { ApiError } from '../http/api-error';
import type { LoginBody, MeView } from './auth.schemas';
import { LocalSessionTokens } from './local-session-tokens';
import type { Principal } from './principal';

/** Built-in local auth: email and password against the scrypt hash, answered with a session JWT. */
@Injectable()
export class LoginService {
  /** Checked when the email is unknown, so both failures take as long. */
  private readonly decoyHash = hashPassword('decoy password that matches nothing');

  constructor(
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
    @Inject(LocalSessionTokens) private readonly tokens: LocalSessionTokens,
  ) {}

  async login({ email, password }: LoginBody) {
    const user = await this.identity.user.findUnique({ where: { email: email.toLowerCase() } });
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user?.passwordHash || !matches) throw ApiError.unauthorized('Invalid email or password');
    const { token, expiresAt } = this.tokens.issue(user.id);
    return {
      token,
      token_type: 'Bearer' as const,
      expires_at: expiresAt.toISOString(),
      user: { id: user.id, email: user.email, name: user.name },
    };
  }

  async me(principal: Principal): Promise<MeView> {
    const user = await this.identity.user.findUniqueOrThrow({
      where: { id: principal.userId },
      include: { memberships: { include: { org: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
    return {
      user: { id: user.id, email: user.email, name: user.name },
      organization_id: principal.orgId,
      organizations: user.memberships.map((m) => ({ id: m.org.id, name: m.org.name, plan: m.org.plan, role: m.role })),
    };
  }
}
