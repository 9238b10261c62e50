import { Bus } from '@parley/bus';
import { eventSubjects, type KeyRevokedEvent, streams } from '@parley/contracts';
import type { AgentsClient } from '@parley/db-agents';
import { hashApiKey } from '../src/auth/api-key-secret';
import { AGENTS_DB } from '../src/database/database.tokens';
import { ProbeModule } from './support/probe.controller';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

describe('/api/keys: dashboard key management', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let other: TestTenant;
  let revocations: KeyRevocations;

  beforeAll(async () => {
    api = await startRestApi({ modules: [ProbeModule] });
    tenant = await api.createTenant('pro');
    other = await api.createTenant('pro');
    revocations = await KeyRevocations.start(api.bus);
  });

  afterAll(async () => {
    await api?.close();
  });

  const create = (body: unknown, token = tenant.token) => api.call('POST', '/api/keys', { bearer: token, body });

  it('creates a key and shows the raw sk_live_ key once, then only prefix and last four', async () => {
    const res = await create({ name: 'Production' });
    expect(res.status).toBe(201);
    const created = res.body.data;
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Production',
      key: expect.stringMatching(/^sk_live_[A-Za-z0-9]{64}$/),
      prefix: created.key.slice(0, 12),
      last_four: created.key.slice(-4),
      agent_id: null,
      status: 'active',
      created_at: expect.any(String),
      last_used_at: null,
      revoked_at: null,
    });
    const row = await api.identity.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashApiKey(created.key));
    expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: created.key })).status).toBe(200);

    const list = await api.call('GET', '/api/keys', { bearer: tenant.token });
    expect(list.status).toBe(200);
    const listed = list.body.data.find((key: { id: string }) => key.id === created.id);
    // The whoami call above used the key: its last_used_at is now set (throttled, once a minute).
    expect(listed).toEqual({ ...created, key: undefined, last_used_at: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(created.key);
    expect(JSON.stringify(list.body)).not.toContain(row.hash);
    expect(list.body.meta.pagination).toMatchObject({ total: list.body.data.length, limit: 50, offset: 0 });
  });

  it('binds a key to an agent of the organization, and not to another organization’s agent', async () => {
    const agents = api.app.get<AgentsClient>(AGENTS_DB);
    const mine = await agents.agent.create({ data: { orgId: tenant.orgId, name: 'Voice', systemPrompt: 'Be brief.' } });
    const theirs = await agents.agent.create({ data: { orgId: other.orgId, name: 'Theirs', systemPrompt: 'Be brief.' } });
    const bound = await create({ name: 'Voice', agent_id: mine.id });
    expect(bound.status).toBe(201);
    expect(bound.body.data.agent_id).toBe(mine.id);
    const foreign = await create({ name: 'Voice', agent_id: theirs.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
  });

  it('validates the body with field details', async () => {
    const res = await create({ name: '', agent_id: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((issue: { path: string }) => issue.path)).toEqual(['name', 'agent_id']);
  });

  it('revokes a key: it stops working on /api/v1 at once and key.revoked is published', async () => {
    const created = (await create({ name: 'Temp' })).body.data;
    expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: created.key })).status).toBe(200);
    const res = await api.call('DELETE', `/api/keys/${created.id}`, { bearer: tenant.token });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: created.id, status: 'revoked', revoked_at: expect.any(String) });
    expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: created.key })).status).toBe(401);
    await expect(revocations.next(created.id)).resolves.toEqual({
      keyId: created.id,
      orgId: tenant.orgId,
      keyHash: hashApiKey(created.key),
      revokedAt: res.body.data.revoked_at,
    });
    const again = await api.call('DELETE', `/api/keys/${created.id}`, { bearer: tenant.token });
    expect(again.status).toBe(200);
    expect(again.body.data.revoked_at).toBe(res.body.data.revoked_at);
  });

  it('regenerates a key: same name, new secret, the old one refused', async () => {
    const created = (await create({ name: 'Rotating' })).body.data;
    const res = await api.call('POST', `/api/keys/${created.id}/regenerate`, { bearer: tenant.token });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: 'Rotating', status: 'active', key: expect.stringMatching(/^sk_live_/) });
    expect(res.body.data.id).not.toBe(created.id);
    expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: created.key })).status).toBe(401);
    expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: res.body.data.key })).status).toBe(200);
    await expect(revocations.next(created.id)).resolves.toMatchObject({ keyId: created.id });
    const twice = await api.call('POST', `/api/keys/${created.id}/regenerate`, { bearer: tenant.token });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CONFLICT');
  });

  it('filters the list by status and pages it', async () => {
    const revoked = await api.call('GET', '/api/keys?status=revoked&limit=1', { bearer: tenant.token });
    expect(revoked.body.data).toHaveLength(1);
    expect(revoked.body.data[0].status).toBe('revoked');
    expect(revoked.body.meta.pagination).toMatchObject({ limit: 1, has_more: true });
  });

  it('keeps organizations apart: another org’s key is 404 and never listed', async () => {
    const mine = (await create({ name: 'Mine' })).body.data;
    const listed = await api.call('GET', '/api/keys', { bearer: other.token });
    expect(listed.body.data.map((key: { id: string }) => key.id)).not.toContain(mine.id);
    for (const [method, path] of [
      ['DELETE', `/api/keys/${mine.id}`],
      ['POST', `/api/keys/${mine.id}/regenerate`],
    ] as const) {
      const res = await api.call(method, path, { bearer: other.token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect((await api.call('GET', '/api/v1/probe/whoami', { bearer: mine.key })).status).toBe(200);
  });

  it('is session-only: an API key cannot manage keys', async () => {
    for (const auth of [{ bearer: tenant.key }, { apiKey: tenant.key }]) {
      expect((await api.call('GET', '/api/keys', auth)).status).toBe(401);
    }
  });

  it('is listed in the OpenAPI document under session auth', async () => {
    const doc = (await api.call('GET', '/api/v1/openapi.json')).body;
    expect(Object.keys(doc.paths['/api/keys'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/keys/{id}/regenerate'].post.security).toEqual([{ sessionToken: [] }]);
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
  });
});

/** `identity.v1.evt.key.revoked` as the gateway reads it (a durable consumer), awaited by key id. */
class KeyRevocations {
  private readonly seen = new Map<string, KeyRevokedEvent>();
  private readonly waiters = new Map<string, (event: KeyRevokedEvent) => void>();

  static async start(bus: Bus): Promise<KeyRevocations> {
    const revocations = new KeyRevocations();
    await bus.consume(streams.identity, 'keys-spec', async (event) => {
      if (event.subject === eventSubjects.keyRevoked) revocations.add(event.payload);
    });
    return revocations;
  }

  next(keyId: string): Promise<KeyRevokedEvent> {
    const seen = this.seen.get(keyId);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => this.waiters.set(keyId, resolve));
  }

  private add(event: KeyRevokedEvent): void {
    this.seen.set(event.keyId, event);
    this.waiters.get(event.keyId)?.(event);
  }
}
