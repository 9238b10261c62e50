import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { createPrismaClient as createAgentsClient, type AgentsClient } from '@parley/db-agents';
import { createPrismaClient as createIdentityClient, type IdentityClient } from '@parley/db-identity';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { generateApiKey } from '../src/auth/api-key-secret';
import { loadConfig } from '../src/config';
import { RestApiModule } from '../src/rest-api.module';
import { REST_API_SLICES } from './support/rest-api-slices';
import { FakeSipDialer } from './sip-test-kit';

describe('/api/v1/sip against real Postgres, Redis and NATS (dialer played on the bus)', () => {
  let database: TestDatabase;
  let identity: IdentityClient;
  let agents: AgentsClient;
  let app: INestApplication;
  let bus: Bus;
  let dialer: FakeSipDialer;
  let base: string;
  const keys: Record<'pro' | 'free' | 'other', string> = { pro: '', free: '', other: '' };
  let keyId: string;
  let agentId: string;
  let foreignAgentId: string;

  const api = (method: string, path: string, body?: unknown, key = keys.pro) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function orgWithKey(plan: 'pro' | 'free', name: string) {
    const org = await identity.organization.create({ data: { name, plan, concurrentCallLimit: 4 } });
    const secret = generateApiKey();
    const key = await identity.apiKey.create({
      data: { orgId: org.id, name: 'spec', prefix: secret.prefix, lastFour: secret.lastFour, hash: secret.hash },
    });
    return { orgId: org.id, key: secret.raw, keyId: key.id };
  }

  beforeAll(async () => {
    database = await createTestDatabase(REST_API_SLICES);
    identity = createIdentityClient(database.url);
    agents = createAgentsClient(database.url);
    const pro = await orgWithKey('pro', 'Acme');
    const free = await orgWithKey('free', 'Tiny');
    const other = await orgWithKey('pro', 'Other');
    Object.assign(keys, { pro: pro.key, free: free.key, other: other.key });
    keyId = pro.keyId;
    await agents.agent.create({ data: { orgId: pro.orgId, name: 'Disabled', systemPrompt: 'x', enabled: false } });
    agentId = (await agents.agent.create({ data: { orgId: pro.orgId, name: 'Support Agent', systemPrompt: 'Help.' } })).id;
    foreignAgentId = (await agents.agent.create({ data: { orgId: other.orgId, name: 'X', systemPrompt: 'X' } })).id;
    await agents.agent.create({ data: { orgId: free.orgId, name: 'Free agent', systemPrompt: 'x' } });

    const namespace = uniqueNamespace('sip_api');
    const config = loadConfig({ ...process.env, PORT: '0', DATABASE_URL: database.url, BUS_NAMESPACE: namespace, REST_REDIS_PREFIX: `${namespace}:` });
    const logger = createLogger({ service: 'rest-api', level: 'warn' });
    app = await createServiceApp({ name: 'rest-api', module: RestApiModule.forRoot(config, logger), logger });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    bus = await Bus.connect({ url: (await testInfra()).natsUrl, name: 'fake-sip-dialer', namespace });
    dialer = new FakeSipDialer(bus);
  });

  afterAll(async () => {
    await app?.close();
    await bus?.drain();
    await identity?.$disconnect();
    await agents?.$disconnect();
    await database?.drop();
  });

  it('answers 400 INVALID_REQUEST "No SIP trunk configured" before any trunk exists', async () => {
    const res = await api('POST', '/sip/dial', { phone_number: '+17751234567' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ success: false, code: 'INVALID_REQUEST', error: 'No SIP trunk configured' });
  });

  it('creates and lists trunks exactly as reference 004 shows them', async () => {
    const created = await api('POST', '/sip/trunks', {
      name: 'Main Trunk',
      phone_number: '+18001234567',
      inbound_trunk_id: 'ST_in123',
      outbound_trunk_id: 'ST_out456',
      dispatch_rule_id: 'SDR_abc',
    });
    expect(created.status).toBe(201);
    const res = await api('GET', '/sip/trunks');
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { trunks: Record<string, unknown>[] } };
    expect(data.trunks).toEqual([
      {
        id: expect.any(String),
        name: 'Main Trunk',
        phone_number: '+18001234567',
        inbound_trunk_id: 'ST_in123',
        outbound_trunk_id: 'ST_out456',
        dispatch_rule_id: 'SDR_abc',
        provider: 'twilio',
        created_at: expect.any(String),
      },
    ]);
  });

  it.each([
    ['a number that is not E.164', { name: 'T', phone_number: '555-1234' }],
    ['an unknown field', { name: 'T', phone_number: '+18001234568', color: 'red' }],
    ['an unknown provider', { name: 'T', phone_number: '+18001234568', provider: 'pigeon' }],
  ])('refuses a trunk with %s: 400 INVALID_REQUEST', async (_, body) => {
    const res = await api('POST', '/sip/trunks', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it("dials with the first active agent and answers 004's call shape mapped onto Parley", async () => {
    const res = await api('POST', '/sip/dial', { phone_number: '+17751234567', caller_id: '+18001234567', metadata: { ref: 'A1' } });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { call: Record<string, string> } };
    expect(data.call).toMatchObject({
      room_name: 'outbound-call-0a1b2c3d',
      phone_number: '+17751234567',
      caller_id: '+18001234567',
      trunk_id: 'ST_out456',
      agent_config_id: agentId,
      status: 'dialing',
    });
    expect(data.call.session_id).toBe(data.call.sip_participant_id);
    expect(dialer.last(rpcSubjects.dialerSipDial)).toMatchObject({ agentId, keyId, toNumber: '+17751234567', metadata: { ref: 'A1' }, maxConcurrentCalls: 4 });
  });

  it("refuses to dial an invalid number (400) or with another organization's agent (404)", async () => {
    expect((await api('POST', '/sip/dial', { phone_number: '17751234567' })).status).toBe(400);
    const res = await api('POST', '/sip/dial', { phone_number: '+17751234567', agent_config_id: foreignAgentId });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates a config for an agent of the organization and lists it with the agent name', async () => {
    const created = await api('POST', '/sip/configs', {
      name: 'Inbound Line',
      phone_number: '+18001234567',
      agent_config_id: agentId,
      dtmf_enabled: true,
      max_call_duration: 1800,
    });
    expect(created.status).toBe(201);
    expect(dialer.last(rpcSubjects.dialerSipConfigCreate)).toMatchObject({ keyId, maxConfigs: 10 });
    const { data } = (await (await api('GET', '/sip/configs')).json()) as { data: { configs: Record<string, unknown>[] } };
    expect(data.configs).toEqual([
      {
        id: expect.any(String),
        name: 'Inbound Line',
        phone_number: '+18001234567',
        agent_config_id: agentId,
        agent_name: 'Support Agent',
        dtmf_enabled: true,
        max_call_duration: 1800,
        created_at: expect.any(String),
      },
    ]);
  });

  it("answers 404 for another organization's agent, config or trunk", async () => {
    const foreign = await api('POST', '/sip/configs', { name: 'L', phone_number: '+18001230000', agent_config_id: foreignAgentId });
    expect(foreign.status).toBe(404);
    const { data } = (await (await api('GET', '/sip/configs')).json()) as { data: { configs: { id: string }[] } };
    const configId = data.configs[0].id;
    expect((await api('PATCH', `/sip/configs/${configId}`, { name: 'Mine' }, keys.other)).status).toBe(404);
    expect((await api('DELETE', `/sip/configs/${configId}`, undefined, keys.other)).status).toBe(404);
    expect((await api('PATCH', `/sip/configs/${configId}`, { agent_config_id: foreignAgentId })).status).toBe(404);
    const { data: trunks } = (await (await api('GET', '/sip/trunks')).json()) as { data: { trunks: { id: string }[] } };
    expect((await api('DELETE', `/sip/trunks/${trunks.trunks[0].id}`, undefined, keys.other)).status).toBe(404);
  });

  it('patches and deletes a config of the organization; an empty patch is 400', async () => {
    const { data } = (await (await api('GET', '/sip/configs')).json()) as { data: { configs: { id: string }[] } };
    const configId = data.configs[0].id;
    expect((await api('PATCH', `/sip/configs/${configId}`, {})).status).toBe(400);
    const patched = await api('PATCH', `/sip/configs/${configId}`, { dtmf_enabled: false });
    expect(await patched.json()).toMatchObject({ data: { dtmf_enabled: false, agent_name: 'Support Agent' } });
    const deleted = await api('DELETE', `/sip/configs/${configId}`);
    expect(await deleted.json()).toMatchObject({ data: { id: configId, deleted: true } });
  });

  it("answers 429 QUOTA_EXCEEDED past the plan's SIP configs, with the usage", async () => {
    const { data } = (await (await api('GET', '/sip/trunks', undefined, keys.free)).json()) as { data: unknown };
    expect(data).toEqual({ trunks: [] });
    const freeAgent = await agents.agent.findFirstOrThrow({ where: { name: 'Free agent' } });
    const body = (n: string) => ({ name: 'L', phone_number: n, agent_config_id: freeAgent.id });
    expect((await api('POST', '/sip/configs', body('+18005550001'), keys.free)).status).toBe(201);
    const res = await api('POST', '/sip/configs', body('+18005550002'), keys.free);
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { resource: 'sip_configs', limit: 1, used: 1, remaining: 0, plan: 'free' },
    });
  });
});
