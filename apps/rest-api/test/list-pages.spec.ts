import { randomUUID } from 'node:crypto';
import { eventSubjects } from '@parley/contracts';
import { CallEventsConsumer } from '../src/calls/call-events.consumer';
import { agentViewSchema } from '../src/agents/agent-view.schema';
import { callViewSchema } from '../src/calls/call-view.schema';
import { callEvents, watchProjection } from './calls-fixtures';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

/**
 * The two hot lists are serialized by Postgres, the single reads by the mappers in TypeScript:
 * each listed item must be exactly what the single read answers, page figures included.
 */
describe('GET /api/v1/agents and /api/v1/calls: pages written by Postgres', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  const agentIds: string[] = [];
  const callIds: string[] = [];
  const get = (path: string) => api.call('GET', path, { bearer: tenant.key });

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant();
    const bodies = [
      { name: 'Bare', system_prompt: 'Be brief.' },
      {
        name: 'Full "quoted" \u00e9 \n agent',
        system_prompt: 'Answer with care: <b>bold</b> \\ backslash',
        description: 'Every field set',
        starting_message: 'Hello!',
        enabled: false,
        voice_settings: { stability: 0.5, similarity_boost: 0.75 },
        faq: [{ question: 'Open?', answer: 'Nine to five.' }],
        knowledge_text: 'Hours: 9-5',
        max_turns: 7,
      },
      { name: 'Third', system_prompt: 'Three.' },
    ];
    for (const body of bodies) {
      const res = await api.call('POST', '/api/v1/agents', { bearer: tenant.key, body });
      expect(res.status).toBe(201);
      agentIds.unshift(res.body.data.id);
    }

    const probe = watchProjection(api.app.get(CallEventsConsumer));
    let published = 0;
    const publish = async (subject: Parameters<typeof api.bus.publishEvent>[0], payload: never) => {
      await api.bus.publishEvent(subject, payload, { msgId: randomUUID() });
      published++;
    };
    for (const [i, startedAt] of ['2026-03-31T10:00:00.000Z', '2026-03-31T11:00:00.500Z', '2026-03-31T12:00:00.999Z'].entries()) {
      const call = callEvents({ orgId: tenant.orgId, agentId: agentIds[0], startedAt });
      await publish(eventSubjects.callStarted, call.started() as never);
      for (let seq = 0; seq < i + 1; seq++) await publish(eventSubjects.transcriptAppended, call.line(seq, 'user', `line ${seq}`) as never);
      if (i !== 1) await publish(eventSubjects.callEnded, call.ended(i === 0 ? 'HANGUP' : 'PLATFORM_ERROR', 1_500 + i) as never);
      callIds.unshift(call.callId);
    }
    await probe.handled(published);
  }, 120_000);

  afterAll(() => api?.close());

  it('lists each agent exactly as GET /agents/:id shows it, newest first', async () => {
    const list = await get('/api/v1/agents');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(list.headers.get('etag')).toBeNull();
    expect(list.body.data.map((agent: { id: string }) => agent.id)).toEqual(agentIds);
    for (const item of list.body.data) {
      const single = await get(`/api/v1/agents/${item.id}`);
      expect(item).toStrictEqual(single.body.data);
      expect(agentViewSchema.parse(item)).toEqual(item);
    }
    expect(list.body.meta).toEqual({
      timestamp: expect.any(String),
      request_id: list.headers.get('x-request-id'),
      pagination: { total: 3, limit: 50, offset: 0, has_more: false },
    });
  });

  it('lists each call exactly as GET /calls/:id shows its list fields', async () => {
    const list = await get('/api/v1/calls');
    expect(list.body.data.map((call: { id: string }) => call.id)).toEqual(callIds);
    for (const item of list.body.data) {
      const single = (await get(`/api/v1/calls/${item.id}`)).body.data;
      const listed = Object.fromEntries(Object.keys(callViewSchema.shape).map((field) => [field, single[field]]));
      expect(item).toStrictEqual(listed);
    }
    expect(list.body.data.map((call: { message_count: number }) => call.message_count)).toEqual([3, 2, 1]);
    expect(list.body.data.map((call: { duration: number | null }) => call.duration)).toEqual([2, null, 2]);
  });

  it('shows the next write at once, though the page was kept: a projected call event, an agent changed', async () => {
    const counts = async () => (await get('/api/v1/calls')).body.data.map((call: { message_count: number }) => call.message_count);
    expect(await counts()).toEqual([3, 2, 1]);
    const probe = watchProjection(api.app.get(CallEventsConsumer));
    const call = callEvents({ orgId: tenant.orgId, callId: callIds[1] });
    await api.bus.publishEvent(eventSubjects.transcriptAppended, call.line(2, 'user', 'one more'), { msgId: randomUUID() });
    await probe.handled(1);
    expect(await counts()).toEqual([3, 3, 1]);

    const other = await api.createTenant(); // the shared agents stay as the other tests expect them
    const as = (method: 'GET' | 'POST' | 'PATCH', path: string, body?: object) => api.call(method, path, { bearer: other.key, body });
    const names = async () => (await as('GET', '/api/v1/agents')).body.data.map((agent: { name: string }) => agent.name);
    expect(await names()).toEqual([]);
    const created = await as('POST', '/api/v1/agents', { name: 'First', system_prompt: 'One.' });
    expect(await names()).toEqual(['First']);
    expect((await as('PATCH', `/api/v1/agents/${created.body.data.id}`, { name: 'Renamed' })).status).toBe(200);
    expect(await names()).toEqual(['Renamed']);
  });

  it('pages with limit and offset, and counts the total past the last page', async () => {
    const page = await get('/api/v1/agents?limit=2&offset=1');
    expect(page.body.data.map((agent: { id: string }) => agent.id)).toEqual(agentIds.slice(1, 3));
    expect(page.body.meta.pagination).toEqual({ total: 3, limit: 2, offset: 1, has_more: false });
    const first = await get('/api/v1/calls?limit=1');
    expect(first.body.meta.pagination).toEqual({ total: 3, limit: 1, offset: 0, has_more: true });
    const past = await get('/api/v1/calls?offset=10');
    expect(past.body.data).toEqual([]);
    expect(past.body.meta.pagination).toEqual({ total: 3, limit: 50, offset: 10, has_more: false });
  });

  it('filters agents by enabled and calls by status, agent and task, each its own statement', async () => {
    const disabled = await get('/api/v1/agents?enabled=false');
    expect(disabled.body.data.map((agent: { name: string }) => agent.name)).toEqual(['Full "quoted" \u00e9 \n agent']);
    const failed = await get('/api/v1/calls?status=failed');
    expect(failed.body.data.map((call: { id: string }) => call.id)).toEqual([callIds[0]]);
    const byAgent = await get(`/api/v1/calls?agent_id=${agentIds[0]}&status=in_progress`);
    expect(byAgent.body.data.map((call: { id: string }) => call.id)).toEqual([callIds[1]]);
    const none = await get(`/api/v1/calls?task_id=${randomUUID()}`);
    expect(none.body).toMatchObject({ data: [], meta: { pagination: { total: 0, has_more: false } } });
  });

  it("never shows another organization's rows", async () => {
    const other = await api.createTenant();
    const list = await api.call('GET', '/api/v1/agents', { bearer: other.key });
    expect(list.body.data).toEqual([]);
    expect((await api.call('GET', '/api/v1/calls', { bearer: other.key })).body.meta.pagination.total).toBe(0);
  });
});
