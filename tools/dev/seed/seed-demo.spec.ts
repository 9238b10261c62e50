import { createHash, scryptSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { Client } from 'pg';
import { readDemoEnv } from './demo-env';
import { seedDemo } from './seed-demo';

async function query<T extends object>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('seedDemo (npm run seed)', () => {
  let database: TestDatabase;
  let databaseUrl: string;
  let dir: string;
  let envFile: string;
  const seed = (password = 'parley-demo') => seedDemo({ databaseUrl, password, envFile });
  const activeKeys = () =>
    query<{ name: string; key_hash: string; agent_id: string | null }>(
      databaseUrl,
      `SELECT name, key_hash, agent_id FROM identity.api_keys WHERE status = 'active' ORDER BY name`,
    );
  const sha256 = (raw: string) => createHash('sha256').update(raw).digest('hex');

  beforeEach(async () => {
    // An empty database: the seed migrates the slices it writes to, as `npm run seed` does.
    database = await createTestDatabase([]);
    databaseUrl = database.url;
    dir = await mkdtemp(path.join(tmpdir(), 'parley-seed-'));
    envFile = path.join(dir, '.parley', 'demo.env');
  });

  afterEach(async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a pro organization owned by the demo user, whose password hash is salted scrypt', async () => {
    const result = await seed('s3cret');

    const [owner] = await query<{ email: string; password_hash: string; plan: string; role: string }>(
      databaseUrl,
      `SELECT u.email, u.password_hash, o.plan, m.role FROM identity.users u
         JOIN identity.memberships m ON m.user_id = u.id JOIN identity.organizations o ON o.id = m.org_id
        WHERE o.id = $1`,
      [result.orgId],
    );
    expect(owner).toMatchObject({ email: 'demo@parley.local', plan: 'pro', role: 'owner' });
    const [scheme, n, r, p, salt, key] = owner.password_hash.split('$');
    expect(scheme).toBe('scrypt');
    const derived = scryptSync('s3cret', Buffer.from(salt, 'base64'), 64, { N: Number(n), r: Number(r), p: Number(p) });
    expect(derived.toString('base64')).toBe(key);
  });

  it('creates the greeting support agent with its knowledge', async () => {
    const result = await seed();

    const [agent] = await query<{ org_id: string; starting_message: string; knowledge_text: string }>(
      databaseUrl,
      'SELECT org_id, starting_message, knowledge_text FROM agents.agents WHERE id = $1',
      [result.agentId],
    );
    expect(agent.org_id).toBe(result.orgId);
    expect(agent.starting_message).toMatch(/^Hi, thanks for calling/);
    for (const topic of ['Business hours', 'Returns', 'Shipping', 'Contact']) expect(agent.knowledge_text).toContain(topic);
  });

  it('writes two 72-character keys to the env file and stores only their hashes, the voice key bound to the agent', async () => {
    const result = await seed();

    const env = await readDemoEnv(envFile);
    expect(env.PARLEY_VOICE_KEY).toMatch(/^sk_live_[A-Za-z0-9]{64}$/);
    expect(env.PARLEY_API_KEY).toMatch(/^sk_live_[A-Za-z0-9]{64}$/);
    expect(env.PARLEY_VOICE_URL).toBe(`ws://127.0.0.1:3001/voice/${env.PARLEY_VOICE_KEY}`);
    expect(env.PARLEY_API_URL).toBe('http://127.0.0.1:3000/api/v1');
    expect(await activeKeys()).toEqual([
      { name: 'demo api key', key_hash: sha256(env.PARLEY_API_KEY), agent_id: null },
      { name: 'demo voice key', key_hash: sha256(env.PARLEY_VOICE_KEY), agent_id: result.agentId },
    ]);
    const stored = await query<{ prefix: string; last_four: string }>(
      databaseUrl,
      `SELECT prefix, last_four FROM identity.api_keys WHERE name = 'demo voice key'`,
    );
    expect(stored).toEqual([{ prefix: env.PARLEY_VOICE_KEY.slice(0, 12), last_four: env.PARLEY_VOICE_KEY.slice(-4) }]);
  });

  it('credits the starting balance once, with the seed idempotency key', async () => {
    const first = await seed();
    const second = await seed();

    expect(first.balance).toEqual({ balancePoints: 100_000n, credited: true });
    expect(second.balance).toEqual({ balancePoints: 100_000n, credited: false });
    const entries = await query<{ idempotency_key: string; kind: string; points: string }>(
      databaseUrl,
      'SELECT idempotency_key, kind, points FROM billing.ledger_entries',
    );
    expect(entries).toEqual([{ idempotency_key: `seed:${first.orgId}`, kind: 'credit', points: '100000' }]);
  });

  it('keeps the same organization, agent and keys when run again', async () => {
    const first = await seed();
    const envBefore = await readFile(envFile, 'utf8');

    const second = await seed();

    expect(second).toMatchObject({ orgId: first.orgId, agentId: first.agentId });
    expect([second.voiceKey.reused, second.apiKey.reused]).toEqual([true, true]);
    expect(await readFile(envFile, 'utf8')).toBe(envBefore);
    expect(await activeKeys()).toHaveLength(2);
  });

  it('replaces keys it can no longer show, revoking the old ones', async () => {
    const first = await seed();
    await rm(envFile);

    const second = await seed();

    expect(second.voiceKey.raw).not.toBe(first.voiceKey.raw);
    const revoked = await query<{ id: string }>(
      databaseUrl,
      `SELECT id FROM identity.api_keys WHERE status = 'revoked' AND revoked_at IS NOT NULL ORDER BY name`,
    );
    expect(revoked.map((key) => key.id).sort()).toEqual([first.apiKey.id, first.voiceKey.id].sort());
    expect(await activeKeys()).toHaveLength(2);
  });

  it('replaces a key from the env file that was revoked meanwhile', async () => {
    const first = await seed();
    await query(databaseUrl, `UPDATE identity.api_keys SET status = 'revoked' WHERE id = $1`, [first.apiKey.id]);

    const second = await seed();

    expect(second.apiKey.reused).toBe(false);
    expect(second.voiceKey.reused).toBe(true);
    expect((await readDemoEnv(envFile)).PARLEY_API_KEY).toBe(second.apiKey.raw);
  });

  it('changes the stored hash only when the password changes', async () => {
    await seed('first');
    const hash = () => query<{ password_hash: string }>(databaseUrl, 'SELECT password_hash FROM identity.users');
    const [before] = await hash();

    await seed('first');
    const [same] = await hash();
    await seed('second');
    const [changed] = await hash();

    expect(same).toEqual(before);
    expect(changed).not.toEqual(before);
  });
});
