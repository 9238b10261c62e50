import { createHash, randomUUID } from 'node:crypto';
import { rpcSubjects } from '@parley/contracts';
import { agentToolsViewSchema, agentViewSchema } from '../src/agents/agent-view.schema';
import { AgentChangedEvents, FakeDialer } from './agents-test-kit';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

const example = {
  name: 'Customer Service Agent',
  system_prompt: 'You are a helpful customer service agent...',
  description: 'Handles customer inquiries',
  starting_message: 'Hello! How can I help you today?',
  enabled: true,
  voice_settings: { stability: 0.5, similarity_boost: 0.75 },
};

const everyField = {
  ...example,
  dtmf_rules: { '0': 'transfer_to_operator', '9': 'end_call' },
  stt_provider: 'deepgram',
  stt_model: 'nova-3',
  llm_provider: 'openai',
  llm_model: 'gpt-4o-mini',
  tts_provider: 'elevenlabs',
  tts_model: 'eleven_flash_v2_5',
  voice: 'Rachel',
  max_duration_seconds: 600,
  max_turns: 12,
  silence_timeout_seconds: 7,
  recording_enabled: false,
  knowledge_text: 'Hours: 9 to 5, Monday to Friday.',
  faq: [{ question: 'Do you ship abroad?', answer: 'Yes, to most countries.' }],
  tools: [
    {
      name: 'lookup_order',
      description: 'Find an order by its number',
      url: 'https://crm.example.com/tools/lookup-order',
      parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
    },
  ],
  knowledge_base_id: randomUUID(),
};

describe('agents API against real Postgres, Redis and NATS', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let other: TestTenant;
  let dialer: FakeDialer;
  let events: AgentChangedEvents;

  const asTenant = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { bearer: tenant.key, body });
  const createAgent = async (fields: Record<string, unknown> = {}) => {
    const res = await asTenant('POST', '/api/v1/agents', { ...example, ...fields });
    expect(res.status).toBe(201);
    return res.body.data as { id: string } & Record<string, unknown>;
  };
  const issuesOf = (body: { details: { issues: { path: string }[] } }) =>
    body.details.issues.map((issue) => issue.path).sort();

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant('pro');
    other = await api.createTenant('pro');
    // An agent may only name a knowledge base of its own organization.
    everyField.knowledge_base_id = (await asTenant('POST', '/api/v1/knowledge-bases', { name: 'Agent KB' })).body.data.id;
    dialer = new FakeDialer(api.bus);
    events = await AgentChangedEvents.start(api.bus);
  });

  afterAll(() => api?.close());

  describe('POST /api/v1/agents', () => {
    it('creates the reference 002 example with the offline defaults for everything it leaves out', async () => {
      const res = await asTenant('POST', '/api/v1/agents', example);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ success: true, meta: { request_id: expect.any(String) } });
      expect(agentViewSchema.parse(res.body.data)).toEqual({
        ...example,
        id: expect.any(String),
        dtmf_rules: null,
        stt_provider: 'pocketsphinx',
        stt_model: null,
        llm_provider: 'local',
        llm_model: null,
        tts_provider: 'flite',
        tts_model: null,
        voice: null,
        max_duration_seconds: 1800,
        max_turns: 20,
        silence_timeout_seconds: 10,
        recording_enabled: true,
        knowledge_text: null,
        faq: null,
        tools: [],
        knowledge_base_id: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
    });

    it('stores every field, the cloud providers included, and reads them back alike', async () => {
      const created = await createAgent(everyField);
      expect(created).toMatchObject(everyField);
      const read = await asTenant('GET', `/api/v1/agents/${created.id}`);
      expect(read.body.data).toEqual(created);
    });

    it('gives the call loop the knowledge text and FAQ through the key the gateway resolves', async () => {
      const created = await createAgent({ knowledge_text: everyField.knowledge_text, faq: everyField.faq });
      const { key } = await api.createApiKey(tenant.orgId, { agentId: created.id });
      const keyHash = createHash('sha256').update(key).digest('hex');
      const resolved = await api.bus.request(rpcSubjects.identityKeyResolve, { keyHash }, { timeoutMs: 2000 });
      expect(resolved.agent?.knowledge).toBe(
        'Hours: 9 to 5, Monday to Friday.\nQ: Do you ship abroad?\nA: Yes, to most countries.',
      );
      expect(resolved.agent?.greeting).toBe(example.starting_message);
    });

    it('names every missing required field in 400 INVALID_REQUEST details', async () => {
      const res = await asTenant('POST', '/api/v1/agents', { description: 'no name, no prompt' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
      expect(issuesOf(res.body)).toEqual(['name', 'system_prompt']);
    });

    it('refuses unknown providers, bad limits, malformed tools and misspelt fields', async () => {
      const res = await asTenant('POST', '/api/v1/agents', {
        ...example,
        stt_provider: 'whisper',
        llm_provider: 'claude',
        max_turns: 0,
        tools: [{ name: 'has space', url: 'https://crm.example.com/x' }],
        voice_settings: { stabilty: 0.5 },
      });
      expect(res.status).toBe(400);
      expect(issuesOf(res.body)).toEqual(['llm_provider', 'max_turns', 'stt_provider', 'tools.0.name', 'voice_settings']);
    });

    it('answers 401 UNAUTHORIZED without a key, and takes the key as X-API-Key too', async () => {
      const anonymous = await api.call('POST', '/api/v1/agents', { body: example });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('UNAUTHORIZED');
      const viaHeader = await api.call('POST', '/api/v1/agents', { apiKey: tenant.key, body: example });
      expect(viaHeader.status).toBe(201);
    });
  });

  describe('GET /api/v1/agents', () => {
    let listTenant: TestTenant;
    const ids: string[] = [];

    beforeAll(async () => {
      listTenant = await api.createTenant('pro');
      for (let i = 0; i < 5; i++) {
        const res = await api.call('POST', '/api/v1/agents', {
          bearer: listTenant.key,
          body: { ...example, name: `Agent ${i}`, enabled: i % 2 === 0 },
        });
        ids.push(res.body.data.id);
      }
    });

    const listAs = (query: string) => api.call('GET', `/api/v1/agents${query}`, { bearer: listTenant.key });

    it('lists the organization’s agents newest first, with pagination figures', async () => {
      const res = await listAs('');
      expect(res.status).toBe(200);
      expect(res.body.data.map((agent: { id: string }) => agent.id)).toEqual([...ids].reverse());
      expect(res.body.meta.pagination).toEqual({ total: 5, limit: 50, offset: 0, has_more: false });
      for (const agent of res.body.data) agentViewSchema.parse(agent);
    });

    it('pages with limit and offset', async () => {
      const res = await listAs('?limit=2&offset=1');
      expect(res.body.data.map((agent: { id: string }) => agent.id)).toEqual([ids[3], ids[2]]);
      expect(res.body.meta.pagination).toEqual({ total: 5, limit: 2, offset: 1, has_more: true });
    });

    it('filters by enabled, and counts the filtered total', async () => {
      const enabled = await listAs('?enabled=true');
      expect(enabled.body.data.map((agent: { name: string }) => agent.name)).toEqual(['Agent 4', 'Agent 2', 'Agent 0']);
      expect(enabled.body.meta.pagination.total).toBe(3);
      const disabled = await listAs('?enabled=false');
      expect(disabled.body.data.map((agent: { name: string }) => agent.name)).toEqual(['Agent 3', 'Agent 1']);
    });

    it('refuses limit above 100, a negative offset and an enabled that is not a boolean', async () => {
      const res = await listAs('?limit=101&offset=-1&enabled=maybe');
      expect(res.status).toBe(400);
      expect(issuesOf(res.body)).toEqual(['enabled', 'limit', 'offset']);
    });

    it('never shows another organization’s agents', async () => {
      const res = await api.call('GET', '/api/v1/agents', { bearer: other.key });
      expect(res.body.data.filter((agent: { id: string }) => ids.includes(agent.id))).toEqual([]);
    });
  });

  describe('GET /api/v1/agents/:id and /tools', () => {
    it('answers 404 NOT_FOUND for another organization’s agent, an unknown id and a malformed one', async () => {
      const agent = await createAgent();
      for (const path of [`/api/v1/agents/${agent.id}`, `/api/v1/agents/${agent.id}/tools`]) {
        const res = await api.call('GET', path, { bearer: other.key });
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
      }
      expect((await asTenant('GET', `/api/v1/agents/${randomUUID()}`)).status).toBe(404);
      expect((await asTenant('GET', '/api/v1/agents/not-a-uuid')).status).toBe(404);
    });

    it('lists an agent’s tools in the shape of reference 004 §7', async () => {
      const agent = await createAgent({ tools: everyField.tools });
      const res = await asTenant('GET', `/api/v1/agents/${agent.id}/tools`);
      expect(res.status).toBe(200);
      expect(agentToolsViewSchema.parse(res.body.data)).toEqual({
        tools: [expect.objectContaining({ name: 'end_call', type: 'builtin' }), { ...everyField.tools[0], type: 'http' }],
      });
      const none = await asTenant('GET', `/api/v1/agents/${(await createAgent()).id}/tools`);
      expect(none.body.data.tools.map((tool: { name: string }) => tool.name)).toEqual(['end_call']);
    });
  });

  describe('PATCH /api/v1/agents/:id', () => {
    it('changes only the fields sent and tells the gateways the agent changed', async () => {
      const agent = await createAgent(everyField);
      const res = await asTenant('PATCH', `/api/v1/agents/${agent.id}`, { enabled: false, faq: null, max_turns: 3 });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        ...agent,
        enabled: false,
        faq: null,
        max_turns: 3,
        updated_at: expect.any(String),
      });
      const event = await events.next(agent.id, 'updated');
      expect(event).toEqual({ agentId: agent.id, orgId: tenant.orgId, change: 'updated', changedAt: expect.any(String) });
    });

    it('refuses an empty patch and an invalid value with 400, changing nothing', async () => {
      const agent = await createAgent();
      const empty = await asTenant('PATCH', `/api/v1/agents/${agent.id}`, {});
      expect(empty.status).toBe(400);
      const invalid = await asTenant('PATCH', `/api/v1/agents/${agent.id}`, { tts_provider: 'polly', name: '' });
      expect(issuesOf(invalid.body)).toEqual(['name', 'tts_provider']);
      expect((await asTenant('GET', `/api/v1/agents/${agent.id}`)).body.data).toEqual(agent);
    });

    it('answers 404 for another organization’s agent and leaves it as it was, with no event', async () => {
      const agent = await createAgent();
      const res = await api.call('PATCH', `/api/v1/agents/${agent.id}`, { bearer: other.key, body: { name: 'Mine' } });
      expect(res.status).toBe(404);
      expect((await asTenant('GET', `/api/v1/agents/${agent.id}`)).body.data.name).toBe(example.name);
      expect(events.of(agent.id)).toEqual([]);
    });
  });

  describe('DELETE /api/v1/agents/:id', () => {
    it('answers 409 CONFLICT while the dialer holds active tasks, and keeps the agent', async () => {
      const agent = await createAgent();
      dialer.setActiveTasks(tenant.orgId, agent.id, 2);
      const res = await asTenant('DELETE', `/api/v1/agents/${agent.id}`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ success: false, code: 'CONFLICT', details: { active_tasks: 2 } });
      expect(dialer.requests).toContainEqual({ agentId: agent.id, statuses: ['pending', 'in_progress'] });
      expect((await asTenant('GET', `/api/v1/agents/${agent.id}`)).status).toBe(200);
      expect(events.of(agent.id)).toEqual([]);
    });

    it('deletes an agent without active tasks and tells the gateways', async () => {
      const agent = await createAgent();
      const res = await asTenant('DELETE', `/api/v1/agents/${agent.id}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ id: agent.id, deleted: true });
      expect((await asTenant('GET', `/api/v1/agents/${agent.id}`)).status).toBe(404);
      await expect(events.next(agent.id, 'deleted')).resolves.toMatchObject({ orgId: tenant.orgId });
    });

    it('answers 404 for another organization’s agent and does not delete it', async () => {
      const agent = await createAgent();
      expect((await api.call('DELETE', `/api/v1/agents/${agent.id}`, { bearer: other.key })).status).toBe(404);
      expect((await asTenant('GET', `/api/v1/agents/${agent.id}`)).status).toBe(200);
    });
  });

  describe('the dashboard’s /api/agents', () => {
    it('serves the same agents to a session of the organization', async () => {
      const agent = await createAgent();
      const auth = { bearer: tenant.token };
      const listed = await api.call('GET', '/api/agents?limit=100', auth);
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((a: { id: string }) => a.id)).toContain(agent.id);
      const patched = await api.call('PATCH', `/api/agents/${agent.id}`, { ...auth, body: { name: 'Renamed' } });
      expect(patched.body.data.name).toBe('Renamed');
      const created = await api.call('POST', '/api/agents', { ...auth, body: example });
      expect(created.status).toBe(201);
      expect((await api.call('DELETE', `/api/agents/${created.body.data.id}`, auth)).status).toBe(200);
    });

    it('is 404 for another organization’s agent and 401 for an API key', async () => {
      const agent = await createAgent();
      expect((await api.call('GET', `/api/agents/${agent.id}`, { bearer: other.token })).status).toBe(404);
      expect((await api.call('GET', '/api/agents', { bearer: tenant.key })).status).toBe(401);
    });
  });
});
