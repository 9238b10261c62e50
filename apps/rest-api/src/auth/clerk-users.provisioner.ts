import { Inject, Injectable } from '@nestjs/common';
import type { IdentityClient } from '@parley/db-identity';
import { IDENTITY_DB } from '../database/database.tokens';
import type { ClerkIdentity } from './clerk-session.verifier';

/**
 * Maps a Clerk identity onto local rows, creating them on first sight: the user by Clerk user
 * id, the organization by Clerk org id (or a personal one when the token names none), and the
 * membership between them. Idempotent under concurrent first requests (upserts on unique ids).
 */
@Injectable()
export class ClerkUsersProvisioner {
  constructor(@Inject(IDENTITY_DB) private readonly identity: IdentityClient) {}

  /** The local user id, a member of the Clerk organization the token names. */
  async userIdOf(clerk: ClerkIdentity): Promise<string> {
    const user = await this.identity.user.upsert({
      where: { clerkUserId: clerk.clerkUserId },
      // Clerk session tokens carry no email by default; an address under the reserved `.invalid`
      // domain (RFC 2606, never deliverable) keeps `users.email` unique and required.
      create: { clerkUserId: clerk.clerkUserId, email: `${clerk.clerkUserId.toLowerCase()}@clerk.invalid` },
      update: {},
    });
    if (clerk.clerkOrgId) {
      const org = await this.identity.organization.upsert({
        where: { clerkOrgId: clerk.clerkOrgId },
        create: { clerkOrgId: clerk.clerkOrgId, name: clerk.clerkOrgId },
        update: {},
      });
      await this.ensureMembership(org.id, user.id);
    } else if ((await this.identity.membership.count({ where: { userId: user.id } })) === 0) {
      const org = await this.identity.organization.create({ data: { name: 'Personal' } });
      await this.ensureMembership(org.id, user.id);
    }
    return user.id;
  }

  private async ensureMembership(orgId: string, userId: string): Promise<void> {
    await this.identity.membership.upsert({
      where: { orgId_userId: { orgId, userId } },
      create: { orgId, userId, role: 'owner' },
      update: {},
    });
  }
}
