import { WebhookReceiver } from '@parley/testing';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';
import {
  demoRestApi,
  listedCallWhenEnded,
  reportWhenWritten,
  taskWhenSettled,
  type TaskView,
  transcriptWithAnswer,
} from './support/task-api';
import { wordErrorRate } from './support/word-error-rate';

const QUESTION = 'What are your business hours?';
/** Greeting, two caller lines and two answers in real time, on a loaded machine. */
const CALL_TIMEOUT_MS = 150_000;

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
  const api = demoRestApi(() => platform);

  beforeAll(async () => {
    platform = await startPlatform('tasks', { tasks: true });
    receiver = await WebhookReceiver.start();
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await receiver?.close();
    await platform?.stop();
  }, PLATFORM_STOP_TIMEOUT_MS);

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

    const finished = await taskWhenSettled(api, created.id, CALL_TIMEOUT_MS);
    expect(finished).toMatchObject({ status: 'completed', call_id: callId, last_error: null });

    // The call, as the calls read model lists it: outbound, for this task.
    expect(await listedCallWhenEnded(api, callId)).toMatchObject({ task_id: created.id, direction: 'outbound' });

    // The transcript: the greeting with its placeholders filled, the simulator's question, the agent's answer.
    const transcripts = await transcriptWithAnswer(api, callId);
    const agentLines = transcripts.filter((e) => e.speaker === 'agent').map((e) => e.content);
    expect(agentLines[0]).toBe('Hello Jane Roe, thanks for taking our call about order A 42.');
    const [question] = transcripts.filter((e) => e.speaker === 'user');
    expect(wordErrorRate(QUESTION, question.content)).toBeLessThan(0.3);
    const answer = transcripts[transcripts.indexOf(question) + 1];
    expect(answer.speaker).toBe('agent');
    expect(answer.content).toMatch(/monday to friday/i);

    expect((await reportWhenWritten(api, callId)).outcome).toBe('completed');

    // Task webhooks, delivered by the webhooks service to the task's URL.
    await receiver.waitFor((got) => got.filter((r) => r.path === '/task-hooks').length >= 2, 60_000);
    const hooks = receiver.received.filter((r) => r.path === '/task-hooks').map((r) => JSON.parse(r.body) as WebhookBody);
    expect(hooks.map((h) => h.event_type).sort()).toEqual(['call_completed', 'call_started']);
    for (const hook of hooks) expect(hook).toMatchObject({ task_id: created.id, call_id: callId });
    expect(hooks.find((h) => h.event_type === 'call_completed')?.status).toBe('completed');
  }, 300_000);
});
