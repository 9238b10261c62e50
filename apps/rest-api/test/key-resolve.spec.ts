import { createHash } from 'node:crypto';
import { Bus, BusError } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { createPrismaClient as createAgentsClient, slice as agentsSlice, type AgentsClient } from '@parley/db-agents';
import {
  createPrismaClient as createIdentityClient,
  slice as identitySlice,
  type IdentityClient,
} from '@parley/db-identity';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { KeyResolveRepository } from '../src/identity/key-resolve.repository';
import { KeyResolveRpc } from '../src/identity/key-resolve.rpc';
import { KeyResolveService } from '../src/identity/key-resolve.service';

const hashOf = (label: string) => createHash('sha256').update(label).digest('hex');

describe('identity.v1.rpc.key.resolve against real Postgres and NATS', () => {
  let database: TestDatabase;
  let identity: IdentityClient;
  let agents: AgentsClient;
  let bus: Bus;
  let orgId: string;
  let agentId: string;

  const resolve = (keyHash: string) => bus.request(rpcSubjects.identityKeyResolve, { keyHash }, { timeoutMs: 2000 });

  async function createKey(label: string, data: { agentId?: string; status?: 'active' | 'revoked' } = {}) {
    const hash = hashOf(label);
    const key = await identity.apiKey.create({
      data: { orgId, name: label, prefix: 'sk_live_abcd', lastFour: 'wxyz', hash, ...data },
    });
    return { id: key.id, hash };
  }

  beforeAll(async () => {
    database = await createTestDatabase([identitySlice, agentsSlice]);
    identity = createIdentityClient(database.url);
    agents = createAgentsClient(database.url);
    const namespace = uniqueNamespace('key_resolve');
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'rest-api-test', namespace });
    new KeyResolveRpc(bus, new KeyResolveService(new KeyResolveRepository(identity, agents))).onModuleInit();
    const org = await identity.organization.create({ data: { name: 'Acme', plan: 'pro', concurrentCallLimit: 7 } });
    orgId = org.id;
    const agent = await agents.agent.create({
      data: { orgId, name: 'Support', systemPrompt: 'Be brief.', startingMessage: 'Hi!', knowledgeText: 'Open 9-5.' },
    });
    agentId = agent.id;
  });

  afterAll(async () => {
    await bus?.drain();
    await identity?.$disconnect();
    await agents?.$disconnect();
    await database?.drop();
  });

  it('resolves a bound key to its org, plan limits and the agent configuration', async () => {
    const key = await createKey('bound', { agentId });
    await expect(resolve(key.hash)).resolves.toEqual({
      keyId: key.id,
      orgId,
      status: 'active',
      plan: 'pro',
      limits: { maxConcurrentCalls: 7, requestsPerMinute: 300 },
      agent: expect.objectContaining({ agentId, greeting: 'Hi!', systemPrompt: 'Be brief.', knowledge: 'Open 9-5.' }),
    });
  });

  it('answers an unknown hash with the KEY_NOT_FOUND envelope', async () => {
    const failure = await resolve(hashOf('nobody')).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BusError);
    expect(failure).toMatchObject({ code: 'KEY_NOT_FOUND', retryable: false });
  });

  it('still resolves a revoked key, marked revoked', async () => {
    const key = await createKey('revoked', { agentId, status: 'revoked' });
    await expect(resolve(key.hash)).resolves.toMatchObject({ keyId: key.id, status: 'revoked' });
  });

  it('gives no agent for an unbound key, a deleted agent, a disabled one or one of another org', async () => {
    const unbound = await createKey('unbound');
    const gone = await agents.agent.create({ data: { orgId, name: 'Gone', systemPrompt: '.' } });
    const deleted = await createKey('deleted-agent', { agentId: gone.id });
    await agents.agent.delete({ where: { id: gone.id } });
    const off = await agents.agent.create({ data: { orgId, name: 'Off', systemPrompt: '.', enabled: false } });
    const disabled = await createKey('disabled-agent', { agentId: off.id });
    const other = await agents.agent.create({
      data: { orgId: '6a1c3f0e-0000-4000-8000-00000000000f', name: 'Theirs', systemPrompt: '.' },
    });
    const foreign = await createKey('foreign-agent', { agentId: other.id });

    for (const key of [unbound, deleted, disabled, foreign]) {
      await expect(resolve(key.hash)).resolves.toMatchObject({ keyId: key.id, agent: null });
    }
  });
});
