import { FakeTwilioServer, scriptedCallee, type TwilioMediaStreamClient } from '@parley/testing';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';

const QUESTION = 'What are your business hours?';
/** Greeting, the callee's question and the answer in real time, on a loaded machine. */
const CALL_TIMEOUT_MS = 150_000;
const FROM = '+14155550123';

interface Envelope<T> {
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

describe('a task executed through Twilio (fake Twilio, real platform)', () => {
  let platform: Platform;
  let twilio: FakeTwilioServer;
  const callees: TwilioMediaStreamClient[] = [];

  beforeAll(async () => {
    twilio = await FakeTwilioServer.start({
      media: scriptedCallee({ lines: [QUESTION], onClient: (client) => callees.push(client) }),
    });
    platform = await startPlatform('twilio', {
      tasks: true,
      envWithPorts: (portOf) => ({
        TELEPHONY_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM_NUMBER: FROM,
        TWILIO_API_BASE_URL: twilio.baseUrl,
        TWILIO_STREAM_BASE_URL: `ws://127.0.0.1:${portOf('gateway')}`,
        TWILIO_STATUS_CALLBACK_URL: `http://127.0.0.1:${portOf('dialer')}/telephony/twilio/status`,
      }),
    });
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await twilio?.close();
    await platform?.stop();
  }, PLATFORM_STOP_TIMEOUT_MS);

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

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('dials through the REST API, Twilio streams the answered call to the gateway, and the call runs to its report', async () => {
    const created = await api<TaskView>(
      'POST',
      '/api/v1/tasks',
      { agent_id: platform.demo.agentId, name: 'Hours question', to_number: '+14155550100' },
      201,
    );
    const { call_id: callId } = await api<{ call_id: string }>('POST', `/api/v1/tasks/${created.id}/execute`);

    const finished = await until(
      () => api<TaskView>('GET', `/api/v1/tasks/${created.id}`),
      (task) => task.status !== 'in_progress',
      CALL_TIMEOUT_MS,
    );
    expect(finished).toMatchObject({ status: 'completed', call_id: callId, last_error: null });

    // Twilio's side: one call created with the gateway's dial path, every status callback accepted.
    const [call] = twilio.calls;
    expect(call.params).toMatchObject({ To: '+14155550100', From: FROM, MachineDetection: 'Enable' });
    expect(call.streamUrl).toMatch(new RegExp(`^${platform.gatewayUrl('/telephony/twilio/dial/')}[A-Za-z0-9_-]{43}$`));
    await call.done;
    expect(call.callbacks.map((callback) => [callback.params.CallStatus, callback.status])).toEqual([
      ['initiated', 204],
      ['ringing', 204],
      ['in-progress', 204],
      ['completed', 204],
    ]);

    // The callee heard the agent as mu-law media, a mark after the greeting and after the answer,
    // then hung up (Twilio's `stop`), which ended the call.
    const [callee] = callees;
    expect(callee.agentMedia.length).toBeGreaterThan(50);
    expect(callee.messagesOf('mark').length).toBeGreaterThanOrEqual(2);

    // The platform's record of the call: outbound, on Twilio, the question heard and answered.
    const calls = await until(
      () => api<{ id: string; task_id: string | null; direction: string | null; status: string }[]>('GET', '/api/v1/calls'),
      (list) => list.some((listed) => listed.id === callId && listed.status !== 'active'),
      30_000,
    );
    expect(calls.find((listed) => listed.id === callId)).toMatchObject({ task_id: created.id, direction: 'outbound' });
    const { transcripts } = await until(
      () => api<{ transcripts: TranscriptEntry[] }>('GET', `/api/v1/calls/${callId}/transcript`),
      (t) => t.transcripts.filter((e) => e.speaker === 'agent').length >= 2,
      30_000,
    );
    // The callee's question was heard and answered. Its words are not compared: pocketsphinx reads
    // telephone-band speech poorly (it heard "what are you additional shard" for QUESTION in one run),
    // and the gateway's own Twilio specs measure that path's recall.
    const question = transcripts.find((e) => e.speaker === 'user');
    expect(question?.content.trim()).toBeTruthy();
    expect(transcripts[transcripts.indexOf(question as TranscriptEntry) + 1]).toMatchObject({ speaker: 'agent', content: expect.any(String) });

    const report = await until(
      () => api<{ summary: string; outcome: string }>('GET', `/api/v1/calls/${callId}/report`),
      (r) => r.summary.length > 0,
      30_000,
    );
    expect(report.outcome).toBe('completed');
  }, 300_000);
});
