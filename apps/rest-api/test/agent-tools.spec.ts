import { BUILTIN_TOOLS } from '@parley/contracts';
import { agentToolsViewSchema } from '../src/agents/agent-view.schema';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

const agent = { name: 'Tools Agent', system_prompt: 'Use your tools.' };
const lookup = {
  name: 'lookup_order',
  description: 'Find an order by its number',
  parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
  url: 'https://crm.example.com/tools/lookup-order',
  timeout_ms: 3_000,
};

describe('agent tools over the REST API (real Postgres, Redis and NATS)', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let other: TestTenant;

  const asTenant = (method: string, path: string, body?: unknown) => api.call(method, path, { bearer: tenant.key, body });
  const issuesOf = (body: { details: { issues: { path: string }[] } }) => body.details.issues.map((issue) => issue.path).sort();

  beforeAll(async () => {
    api = await startRestApi({ env: { LLM_TOOLS_ALLOWED_HOSTS: 'localhost,127.0.0.1' } });
    tenant = await api.createTenant('pro');
    other = await api.createTenant('pro');
  });

  afterAll(() => api?.close());

  it('lists end_call, the built-ins the agent enabled, search_kb with a knowledge base, then its custom tools (004 §7)', async () => {
    const tools = [{ name: 'transfer_call' }, lookup, { name: 'send_dtmf' }];
    const kb = await asTenant('POST', '/api/v1/knowledge-bases', { name: 'Tools KB' });
    const created = await asTenant('POST', '/api/v1/agents', { ...agent, tools, knowledge_base_id: kb.body.data.id });
    expect(created.status).toBe(201);
    expect(created.body.data.tools).toEqual([
      { name: 'transfer_call', description: '', parameters: { type: 'object', properties: {} } },
      lookup,
      { name: 'send_dtmf', description: '', parameters: { type: 'object', properties: {} } },
    ]);
    const res = await asTenant('GET', `/api/v1/agents/${created.body.data.id}/tools`);
    expect(res.status).toBe(200);
    const builtin = (name: keyof typeof BUILTIN_TOOLS) => ({ name, ...BUILTIN_TOOLS[name], type: 'builtin' });
    expect(agentToolsViewSchema.parse(res.body.data)).toEqual({
      tools: [builtin('end_call'), builtin('search_kb'), builtin('transfer_call'), { ...lookup, type: 'http' }, builtin('send_dtmf')],
    });
    expect((await api.call('GET', `/api/v1/agents/${created.body.data.id}/tools`, { bearer: other.key })).status).toBe(404);
  });

  it('refuses a custom tool without a URL, a built-in with one, and plain http to a host the config does not allow', async () => {
    const res = await asTenant('POST', '/api/v1/agents', {
      ...agent,
      tools: [{ name: 'crm_lookup' }, { name: 'end_call', url: 'https://crm.example.com/end' }, { ...lookup, timeout_ms: 0 }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'INVALID_REQUEST' });
    expect(issuesOf(res.body)).toEqual(['tools.0.url', 'tools.1.name', 'tools.2.timeout_ms']);
    const plain = await asTenant('POST', '/api/v1/agents', { ...agent, tools: [{ ...lookup, url: 'http://crm.example.com/tools' }] });
    expect(plain.status).toBe(400);
    expect(issuesOf(plain.body)).toEqual(['tools.0.url']);
  });

  it('accepts plain http to an allowed development host, on create and on patch', async () => {
    const local = { ...lookup, url: 'http://127.0.0.1:8080/tools/lookup' };
    const created = await asTenant('POST', '/api/v1/agents', { ...agent, tools: [local] });
    expect(created.status).toBe(201);
    const patched = await asTenant('PATCH', `/api/v1/agents/${created.body.data.id}`, { tools: [{ ...local, url: 'http://localhost:9/x' }] });
    expect(patched.status).toBe(200);
    const refused = await asTenant('PATCH', `/api/v1/agents/${created.body.data.id}`, { tools: [{ ...local, url: 'http://10.0.0.5/x' }] });
    expect(refused.status).toBe(400);
    expect(issuesOf(refused.body)).toEqual(['tools.0.url']);
  });
});
