import { createHash, randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type IdentityClient } from '../src';

function keyRecord() {
  const raw = `sk_live_${randomBytes(48).toString('base64url').replace(/[-_]/g, 'x').slice(0, 64)}`;
  return { prefix: raw.slice(0, 12), lastFour: raw.slice(-4), hash: createHash('sha256').update(raw).digest('hex') };
}

describe('identity slice', () => {
  let database: TestDatabase;
  let prisma: IdentityClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('stores an organization with its owner and reads them back through the membership', async () => {
    const org = await prisma.organization.create({ data: { name: 'Acme', plan: 'pro' } });
    const user = await prisma.user.create({ data: { email: 'ada@acme.test', passwordHash: 'scrypt$x' } });
    await prisma.membership.create({ data: { orgId: org.id, userId: user.id, role: 'owner' } });

    const found = await prisma.user.findUniqueOrThrow({
      where: { email: 'ada@acme.test' },
      include: { memberships: { include: { org: true } } },
    });

    expect(found.memberships).toHaveLength(1);
    expect(found.memberships[0]).toMatchObject({ role: 'owner', org: { name: 'Acme', plan: 'pro', concurrentCallLimit: 5 } });
  });

  it('keeps its tables in the identity schema', async () => {
    const rows = await prisma.$queryRaw<{ table_schema: string }[]>`
      SELECT table_schema FROM information_schema.tables WHERE table_name = 'api_keys'`;
    expect(rows).toEqual([{ table_schema: 'identity' }]);
  });

  it('finds an active key by its hash and refuses a second key with the same hash', async () => {
    const org = await prisma.organization.create({ data: { name: 'Keys Inc' } });
    const key = keyRecord();
    await prisma.apiKey.create({ data: { orgId: org.id, name: 'server', ...key } });

    const found = await prisma.apiKey.findUniqueOrThrow({ where: { hash: key.hash } });
    expect(found).toMatchObject({ status: 'active', prefix: key.prefix, lastFour: key.lastFour, revokedAt: null });

    await expect(prisma.apiKey.create({ data: { orgId: org.id, name: 'copy', ...key } })).rejects.toMatchObject({
      code: 'P2002',
    });
  });

  it('refuses a second user with the same email', async () => {
    await prisma.user.create({ data: { email: 'twice@acme.test' } });

    await expect(prisma.user.create({ data: { email: 'twice@acme.test' } })).rejects.toMatchObject({ code: 'P2002' });
  });
});
