import { randomUUID } from 'node:crypto';
import { Bus, BusError } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { createPrismaClient as createAgentsClient, slice as agentsSlice, type AgentsClient } from '@parley/db-agents';
import {
  createPrismaClient as createIdentityClient,
  slice as identitySlice,
  type IdentityClient,
} from '@parley/db-identity';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { AgentResolveRepository } from '../src/identity/agent-resolve.repository';
import { AgentResolveRpc } from '../src/identity/agent-resolve.rpc';
import { AgentResolveService } from '../src/identity/agent-resolve.service';

describe('identity.v1.rpc.agent.resolve against real Postgres and NATS', () => {
  let database: TestDatabase;
  let identity: IdentityClient;
  let agents: AgentsClient;
  let bus: Bus;
  let orgId: string;

  const resolve = (org: string, agentId: string) =>
    bus.request(rpcSubjects.identityAgentResolve, { orgId: org, agentId }, { timeoutMs: 5000 });
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err as BusError);
  const createAgent = (org: string, data: { enabled?: boolean } = {}) =>
    agents.agent.create({ data: { orgId: org, name: 'Sales', systemPrompt: 'Sell {{product}}.', startingMessage: 'Hi {{name}}', ...data } });

  beforeAll(async () => {
    database = await createTestDatabase([identitySlice, agentsSlice]);
    identity = createIdentityClient(database.url);
    agents = createAgentsClient(database.url);
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'rest-api-test', namespace: uniqueNamespace('agent_resolve') });
    new AgentResolveRpc(bus, new AgentResolveService(new AgentResolveRepository(identity, agents))).onModuleInit();
    orgId = (await identity.organization.create({ data: { name: 'Acme', plan: 'pro', concurrentCallLimit: 4 } })).id;
  });

  afterAll(async () => {
    await bus?.drain();
    await identity?.$disconnect();
    await agents?.$disconnect();
    await database?.drop();
  });

  it("answers the organization's agent as a call configuration, with its plan and call limit", async () => {
    const agent = await createAgent(orgId);
    await expect(resolve(orgId, agent.id)).resolves.toEqual({
      agent: expect.objectContaining({ agentId: agent.id, greeting: 'Hi {{name}}', systemPrompt: 'Sell {{product}}.' }),
      plan: 'pro',
      limits: { maxConcurrentCalls: 4 },
    });
  });

  it("answers NOT_FOUND for another organization's agent, a disabled one, a missing one or a malformed id", async () => {
    const otherOrg = (await identity.organization.create({ data: { name: 'Other', plan: 'free' } })).id;
    const foreign = await createAgent(otherOrg);
    const disabled = await createAgent(orgId, { enabled: false });
    for (const [org, agentId] of [
      [orgId, foreign.id],
      [orgId, disabled.id],
      [orgId, randomUUID()],
      [randomUUID(), foreign.id],
      [orgId, 'not-a-uuid'],
    ]) {
      const error = await failure(resolve(org, agentId));
      expect(error).toBeInstanceOf(BusError);
      expect(error?.code).toBe('NOT_FOUND');
    }
  });
});
