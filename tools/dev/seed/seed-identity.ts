import { hashPassword, type IdentityClient, verifyPassword } from '@parley/db-identity';
import { generateApiKey, isApiKey, storedKey } from './api-keys';
import { DEMO_ORG_NAME, DEMO_USER_EMAIL, DEMO_USER_NAME } from './demo-data';

/** The demo user, the owner of the demo organization (plan pro); found by email, else created. */
export async function ensureDemoOrganization(identity: IdentityClient, password: string): Promise<string> {
  const user = await identity.user.findUnique({
    where: { email: DEMO_USER_EMAIL },
    include: { memberships: { where: { role: 'owner' }, orderBy: { createdAt: 'asc' } } },
  });
  if (!user) {
    const org = await identity.organization.create({
      data: {
        name: DEMO_ORG_NAME,
        plan: 'pro',
        memberships: {
          create: {
            role: 'owner',
            user: {
              create: { email: DEMO_USER_EMAIL, name: DEMO_USER_NAME, passwordHash: await hashPassword(password) },
            },
          },
        },
      },
    });
    return org.id;
  }
  // A changed PARLEY_DEMO_PASSWORD takes effect; an unchanged one keeps its hash (and salt).
  if (!user.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
    await identity.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  const orgId = user.memberships[0]?.orgId ?? (await ownNewOrganization(identity, user.id));
  await identity.organization.update({ where: { id: orgId }, data: { plan: 'pro' } });
  return orgId;
}

async function ownNewOrganization(identity: IdentityClient, userId: string): Promise<string> {
  const org = await identity.organization.create({
    data: { name: DEMO_ORG_NAME, plan: 'pro', memberships: { create: { userId, role: 'owner' } } },
  });
  return org.id;
}

export interface DemoKeyRequest {
  readonly orgId: string;
  /** The agent a voice key is bound to; null for an API key. */
  readonly agentId: string | null;
  readonly name: string;
  /** The raw key from the previous seed's env file, if any. */
  readonly previous: string | undefined;
}

/**
 * The one active demo key of that name. Raw keys cannot be read back from the database, so the
 * previous seed's key is reused while it is still active and bound as asked; otherwise a new key
 * replaces it and every older active key of that name is revoked.
 */
export async function ensureDemoKey(identity: IdentityClient, request: DemoKeyRequest) {
  const { orgId, agentId, name, previous } = request;
  const reusable = isApiKey(previous)
    ? await identity.apiKey.findFirst({
        where: { hash: storedKey(previous).hash, orgId, agentId, name, status: 'active' },
      })
    : null;
  const raw = reusable && previous ? previous : generateApiKey();
  const key = reusable ?? (await identity.apiKey.create({ data: { orgId, agentId, name, ...storedKey(raw) } }));
  await identity.apiKey.updateMany({
    where: { orgId, name, status: 'active', id: { not: key.id } },
    data: { status: 'revoked', revokedAt: new Date() },
  });
  return { raw, id: key.id, reused: reusable !== null };
}
