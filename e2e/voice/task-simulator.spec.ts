import { WebhookReceiver } from '@parley/testing';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';
import { wordErrorRate } from './support/word-error-rate';

const QUESTION = 'What are your business hours?';
/** Greeting, two caller lines and two answers in real time, on a loaded machine. */
const CALL_TIMEOUT_MS = 150_000;

interface Envelope<T> {
  readonly success: boolean;
  readonly data: T;
}

interface TaskView {
  readonly id: string;
  readonly status: string;
  readonly call_id: string | null;
  readonly last_error: string | null;
}

interface TranscriptEntry {
  readonly speaker: 'user' | 'agent' | 'system';
  readonly content: string;
}

interface WebhookBody {
  readonly event_type: string;
  readonly task_id: string;
  readonly call_id: string;
  readonly status: string;
  readonly data: Record<string, unknown>;
}

describe('a task executed with the simulator provider', () => {
  let platform: Platform;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    platform = await startPlatform('tasks', { tasks: true });
    receiver = await WebhookReceiver.start();
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await receiver?.close();
    await platform?.stop();
  }, PLATFORM_STOP_TIMEOUT_MS);

  /** The public REST API with the demo organization's key; throws unless the answer is `status`. */
  async function api<T>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
    const response = await fetch(platform.restUrl(path), {
      method,
      headers: { Authorization: `Bearer ${platform.demo.apiKey.raw}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (JSON.parse(text) as Envelope<T>).data;
  }

  /** Re-reads until `done` holds; the task's state lives in the dialer, which pushes nothing to a client. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('runs a whole call: statuses move, transcript and report are stored, task webhooks fire', async () => {
    const created = await api<TaskView>(
      'POST',
      '/api/v1/tasks',
      {
        agent_id: platform.demo.agentId,
        name: 'Order follow-up',
        to_number: '+14155550100',
        starting_message: 'Hello {{customer_name}}, thanks for taking our call about order {{order_id}}.',
        context_data: {
          customer_name: 'Jane Roe',
          order_id: 'A 42',
          simulator: { script: [QUESTION, 'Thank you, goodbye.'] },
        },
        webhook_url: receiver.url('/task-hooks'),
        webhook_events: ['call_started', 'call_completed'],
      },
      201,
    );
    expect(created.status).toBe('pending');

    const executed = await api<{ task_id: string; call_id: string }>('POST', `/api/v1/tasks/${created.id}/execute`);
    const callId = executed.call_id;
    const running = await api<TaskView>('GET', `/api/v1/tasks/${created.id}`);
    expect(running).toMatchObject({ status: 'in_progress', call_id: callId });

    const finished = await until(
      () => api<TaskView>('GET', `/api/v1/tasks/${created.id}`),
      (task) => task.status !== 'in_progress',
      CALL_TIMEOUT_MS,
    );
    expect(finished).toMatchObject({ status: 'completed', call_id: callId, last_error: null });

    // The call, as the calls read model lists it: outbound, for this task.
    const calls = await until(
      () => api<{ id: string; task_id: string | null; direction: string | null; status: string }[]>('GET', '/api/v1/calls'),
      (list) => list.some((call) => call.id === callId && call.status !== 'active'),
      30_000,
    );
    expect(calls.find((call) => call.id === callId)).toMatchObject({ task_id: created.id, direction: 'outbound' });

    // The transcript: the greeting with its placeholders filled, the simulator's question, the agent's answer.
    const { transcripts } = await until(
      () => api<{ transcripts: TranscriptEntry[] }>('GET', `/api/v1/calls/${callId}/transcript`),
      (t) => t.transcripts.filter((e) => e.speaker === 'agent').length >= 2,
      30_000,
    );
    const agentLines = transcripts.filter((e) => e.speaker === 'agent').map((e) => e.content);
    expect(agentLines[0]).toBe('Hello Jane Roe, thanks for taking our call about order A 42.');
    const [question] = transcripts.filter((e) => e.speaker === 'user');
    expect(wordErrorRate(QUESTION, question.content)).toBeLessThan(0.3);
    const answer = transcripts[transcripts.indexOf(question) + 1];
    expect(answer.speaker).toBe('agent');
    expect(answer.content).toMatch(/monday to friday/i);

    const report = await until(
      () => api<{ summary: string; outcome: string; generated_by: string }>('GET', `/api/v1/calls/${callId}/report`),
      (r) => r.summary.length > 0,
      30_000,
    );
    expect(report.outcome).toBe('completed');

    // Task webhooks, delivered by the webhooks service to the task's URL.
    await receiver.waitFor((got) => got.filter((r) => r.path === '/task-hooks').length >= 2, 60_000);
    const hooks = receiver.received.filter((r) => r.path === '/task-hooks').map((r) => JSON.parse(r.body) as WebhookBody);
    expect(hooks.map((h) => h.event_type).sort()).toEqual(['call_completed', 'call_started']);
    for (const hook of hooks) expect(hook).toMatchObject({ task_id: created.id, call_id: callId });
    expect(hooks.find((h) => h.event_type === 'call_completed')?.status).toBe('completed');
  }, 300_000);
});
