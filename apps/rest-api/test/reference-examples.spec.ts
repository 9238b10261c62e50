import { randomUUID } from 'node:crypto';
import { voiceSubjects } from '@parley/contracts';
import type { CallsClient } from '@parley/db-calls';
import { agentViewSchema } from '../src/agents/agent-view.schema';
import { CALLS_DB } from '../src/database/database.tokens';
import { type CurlExample, curlExamples, readReference } from './reference-text';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';
import { FakeTaskDialer } from './tasks-test-kit';

/**
 * Replays the curl examples of reference 002, read from the document at test time: only the host,
 * the key and the documents' placeholders (`uuid-here`, `{call_id}`) change. Each example is
 * checked for its status and the shape of its answer.
 */
const examples = curlExamples(readReference('002_'));
const DOC_ORIGIN = 'https://your-domain.com';
const DOC_KEY = 'va_your_api_key';

/** What an example must answer, by `METHOD path` as the document writes it. */
interface Expectation {
  readonly status: number;
  readonly check: (data: unknown) => void;
}

const envelopeMeta = { timestamp: expect.any(String), request_id: expect.any(String) };

describe('reference 002 curl examples, replayed against rest-api', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let calls: CallsClient;
  const placeholders = new Map<string, string>();

  const expectations: Record<string, Expectation> = {
    'GET /api/v1/agents?enabled=true&limit=10': {
      status: 200,
      check: (data) => {
        const agents = (data as unknown[]).map((agent) => agentViewSchema.parse(agent));
        expect(agents.length).toBeGreaterThan(0);
        expect(agents.every((agent) => agent.enabled)).toBe(true);
      },
    },
    'POST /api/v1/agents': {
      status: 201,
      check: (data) => expect(agentViewSchema.parse(data)).toMatchObject({ name: 'Customer Service Agent' }),
    },
    'GET /api/v1/agents': {
      status: 200,
      check: (data) => expect((data as unknown[]).map((agent) => agentViewSchema.parse(agent).id)).toBeDefined(),
    },
    'GET /api/v1/calls/{call_id}/recording': {
      status: 200,
      check: (data) =>
        expect(data).toMatchObject({
          call_id: placeholders.get('{call_id}'),
          url: expect.stringMatching(/\/api\/v1\/calls\/[0-9a-f-]{36}\/recording\/stream$/),
        }),
    },
    'POST /api/v1/tasks': {
      status: 201,
      check: (data) =>
        expect(data).toMatchObject({
          agent_id: placeholders.get('uuid-here'),
          name: 'Call customer',
          to_number: '+1234567890',
          status: 'pending',
          context_data: { customer_name: 'John Doe', order_id: '12345' },
          webhook_events: ['call_started', 'call_completed'],
        }),
    },
    'POST /api/v1/calls/{call_id}/end': {
      status: 200,
      check: (data) => expect(data).toMatchObject({ call_id: placeholders.get('{call_id}') }),
    },
  };

  /** Examples whose endpoints need a service this spec does not start, with the reason (none today). */
  const notReplayed: Record<string, string> = {};

  function request(example: CurlExample): { url: string; init: RequestInit } {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(example.headers)) headers[name] = value.replace(DOC_KEY, tenant.key);
    return {
      url: fillPlaceholders(example.url.replace(DOC_ORIGIN, api.baseUrl)),
      init: { method: example.method, headers, body: example.body && fillPlaceholders(example.body) },
    };
  }

  function fillPlaceholders(text: string): string {
    let filled = text;
    for (const [placeholder, value] of placeholders) filled = filled.split(placeholder).join(value);
    return filled;
  }

  beforeAll(async () => {
    api = await startRestApi();
    tenant = await api.createTenant('pro');
    calls = api.app.get(CALLS_DB);
    // The dialer's side of task.create, played on the bus (rest-api may not import the dialer;
    // e2e/voice/task-simulator.spec.ts creates tasks through the real one).
    new FakeTaskDialer(api.bus);
    const agent = await api.call('POST', '/api/v1/agents', {
      bearer: tenant.key,
      body: { name: 'Existing', system_prompt: 'Be brief.' },
    });
    placeholders.set('uuid-here', agent.body.data.id);
    placeholders.set('{call_id}', await liveCallWithRecording(agent.body.data.id));
  }, 120_000);

  afterAll(() => api?.close());

  /** A call the read model shows in progress, a finished recording of it, and a gateway holding it. */
  async function liveCallWithRecording(agentId: string): Promise<string> {
    const callId = randomUUID();
    await calls.call.create({ data: { id: callId, orgId: tenant.orgId, agentId, status: 'in_progress' } });
    await calls.recording.create({
      data: { callId, orgId: tenant.orgId, path: `${callId}.wav`, status: 'completed', bytes: 44, durationMs: 0 },
    });
    api.bus.serve(voiceSubjects.command(callId), () => ({ ok: true }));
    return callId;
  }

  it('finds the curl examples of the document', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) expect(example.url.startsWith(`${DOC_ORIGIN}/api/v1/`)).toBe(true);
  });

  it('has an expectation or a stated reason for every example', () => {
    const unknown = examples.map(keyOf).filter((key) => !(key in expectations) && !(key in notReplayed));
    expect(unknown).toEqual([]);
  });

  for (const example of examples) {
    const key = keyOf(example);
    if (key in notReplayed) {
      it.todo(`${key}: not replayed — ${notReplayed[key]}`);
      continue;
    }
    it(`${key} answers as documented`, async () => {
      const expected = expectations[key];
      if (!expected) throw new Error(`no expectation for ${key}`);
      const { url, init } = request(example);
      const res = await fetch(url, init);
      const body = (await res.json()) as { data: unknown };
      expect({ status: res.status, body }).toMatchObject({
        status: expected.status,
        body: { success: true, meta: envelopeMeta },
      });
      expect(res.headers.get('x-ratelimit-limit')).toBe('300');
      expected.check(body.data);
    });
  }
});

function keyOf(example: CurlExample): string {
  const url = new URL(example.url.replace(/[{}]/g, (brace) => encodeURIComponent(brace)));
  return `${example.method} ${decodeURIComponent(url.pathname)}${url.search}`;
}
