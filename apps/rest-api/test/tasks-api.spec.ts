import { randomUUID } from 'node:crypto';
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
import { FakeTaskDialer } from './tasks-test-kit';

describe('/api/v1/tasks against real Postgres, Redis and NATS (dialer played on the bus)', () => {
  let database: TestDatabase;
  let identity: IdentityClient;
  let agents: AgentsClient;
  let app: INestApplication;
  let bus: Bus;
  let dialer: FakeTaskDialer;
  let base: string;
  let key: string;
  let keyId: string;
  let orgId: string;
  let agentId: string;
  let foreignAgentId: string;

  const api = (method: string, path: string, body?: unknown, auth = true) =>
    fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${key}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await createTestDatabase(REST_API_SLICES);
    identity = createIdentityClient(database.url);
    agents = createAgentsClient(database.url);
    const org = await identity.organization.create({ data: { name: 'Acme', plan: 'pro', concurrentCallLimit: 7 } });
    const other = await identity.organization.create({ data: { name: 'Other' } });
    orgId = org.id;
    agentId = (await agents.agent.create({ data: { orgId, name: 'Sales', systemPrompt: 'Sell.' } })).id;
    foreignAgentId = (await agents.agent.create({ data: { orgId: other.id, name: 'X', systemPrompt: 'X' } })).id;
    const secret = generateApiKey();
    const created = await identity.apiKey.create({
      data: { orgId, name: 'spec', prefix: secret.prefix, lastFour: secret.lastFour, hash: secret.hash },
    });
    key = secret.raw;
    keyId = created.id;

    const namespace = uniqueNamespace('tasks_api');
    const infra = await testInfra();
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      DATABASE_URL: database.url,
      BUS_NAMESPACE: namespace,
      REST_REDIS_PREFIX: `${namespace}:`,
    });
    const logger = createLogger({ service: 'rest-api', level: 'warn' });
    app = await createServiceApp({ name: 'rest-api', module: RestApiModule.forRoot(config, logger), logger });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    bus = await Bus.connect({ url: infra.natsUrl, name: 'fake-dialer', namespace });
    dialer = new FakeTaskDialer(bus);
  });

  afterAll(async () => {
    await app?.close();
    await bus?.drain();
    await identity?.$disconnect();
    await agents?.$disconnect();
    await database?.drop();
  });

  const createBody = {
    name: 'Call customer',
    to_number: '+1234567890',
    description: 'Follow up call',
    starting_message: 'Hello, this is a call from our company',
    context_data: { customer_name: 'John Doe', order_id: '12345' },
    priority: 0,
    scheduled_at: null,
    webhook_url: 'https://your-app.com/webhooks',
    webhook_events: ['call_started', 'call_completed'],
  };

  it('refuses a request without an API key with 401', async () => {
    const res = await api('GET', '/tasks', undefined, false);
    expect(res.status).toBe(401);
    await expect(res.json()).resolves.toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });

  it("creates reference 002's example task and hands the dialer the org's concurrency limit and the creating key", async () => {
    const res = await api('POST', '/tasks', { agent_id: agentId, ...createBody });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: Record<string, unknown> };
    expect(data).toMatchObject({ ...createBody, agent_id: agentId, status: 'pending', call_id: null });
    expect(dialer.last(rpcSubjects.dialerTaskCreate)).toMatchObject({
      orgId,
      agentId,
      maxConcurrentCalls: 7,
      keyId,
      fields: { toNumber: '+1234567890', contextData: { customer_name: 'John Doe', order_id: '12345' } },
    });
  });

  it("answers 404 for another organization's agent and never asks the dialer", async () => {
    const before = dialer.requests.length;
    const res = await api('POST', '/tasks', { agent_id: foreignAgentId, ...createBody });
    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect(dialer.requests).toHaveLength(before);
  });

  it.each([
    ['a number that is not E.164', { to_number: '0123' }],
    ['an unknown webhook event', { webhook_events: ['call_ringing'] }],
    ['a plain-http webhook to another host', { webhook_url: 'http://example.com/hook' }],
    ['an unknown field', { prompt: 'x' }],
  ])('refuses %s with 400 INVALID_REQUEST', async (_, change) => {
    const res = await api('POST', '/tasks', { agent_id: agentId, ...createBody, ...change });
    expect(res.status).toBe(400);
    await expect(res.json()).resolves.toMatchObject({ success: false, code: 'INVALID_REQUEST' });
  });

  it('lists with filters and pagination meta', async () => {
    const res = await api('GET', `/tasks?agent_id=${agentId}&status=pending&limit=10&offset=0`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: unknown[]; meta: { pagination: unknown } };
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.meta.pagination).toMatchObject({ limit: 10, offset: 0 });
    expect(dialer.last(rpcSubjects.dialerTaskList)).toEqual({ orgId, agentId, status: 'pending', limit: 10, offset: 0 });
    expect((await api('GET', '/tasks?status=queued')).status).toBe(400);
  });

  it('shows a task with its agent', async () => {
    const created = (await (await api('POST', '/tasks', { agent_id: agentId, ...createBody })).json()) as {
      data: { id: string };
    };
    const res = await api('GET', `/tasks/${created.data.id}`);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toMatchObject({
      data: { id: created.data.id, agent: { id: agentId, name: 'Sales', enabled: true } },
    });
  });

  it('executes a task: call_id and "Call initiated"', async () => {
    const created = (await (await api('POST', '/tasks', { agent_id: agentId, ...createBody })).json()) as {
      data: { id: string };
    };
    const res = await api('POST', `/tasks/${created.data.id}/execute`);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toMatchObject({
      success: true,
      data: { task_id: created.data.id, call_id: expect.any(String), message: 'Call initiated' },
    });
  });

  it("maps the dialer's NOT_FOUND to 404 and CONFLICT to 409", async () => {
    expect((await api('GET', `/tasks/${randomUUID()}`)).status).toBe(404);
    const created = (await (await api('POST', '/tasks', { agent_id: agentId, ...createBody })).json()) as {
      data: { id: string };
    };
    dialer.conflict = 'only a pending task can be updated';
    const res = await api('PATCH', `/tasks/${created.data.id}`, { name: 'late' }).finally(() => (dialer.conflict = undefined));
    expect(res.status).toBe(409);
    await expect(res.json()).resolves.toMatchObject({ code: 'CONFLICT', error: 'only a pending task can be updated' });
  });

  it('patches only the named fields and refuses an empty patch', async () => {
    const created = (await (await api('POST', '/tasks', { agent_id: agentId, ...createBody })).json()) as {
      data: { id: string };
    };
    const res = await api('PATCH', `/tasks/${created.data.id}`, { priority: 5, scheduled_at: '2030-01-01T00:00:00Z' });
    expect(res.status).toBe(200);
    expect(dialer.last(rpcSubjects.dialerTaskUpdate)).toEqual({
      orgId,
      taskId: created.data.id,
      changes: { priority: 5, scheduledAt: '2030-01-01T00:00:00Z' },
    });
    expect((await api('PATCH', `/tasks/${created.data.id}`, {})).status).toBe(400);
  });

  it('documents every task route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { paths: Record<string, object> };
    expect(Object.keys(doc.paths['/api/v1/tasks'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/v1/tasks/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.paths['/api/v1/tasks/{id}/execute']).toHaveProperty('post');
    expect(doc.paths['/api/v1/tasks/{id}/reset']).toHaveProperty('post');
  });
});
