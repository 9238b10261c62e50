/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { samplesToBytes } from '@parley/audio';
import { speechFromText } from '@parley/testing';
import { agentConfig, CallHarness, sleep, type TestCall, waitFor } from './call-support/call-harness';
import { silence, tone } from './call-support/call-client';

/** Sends audio in 100 ms chunks at five times real time, as a fast but steady client would. */
async function stream(call: TestCall, audio: Uint8Array): Promise<void> {
  const chunk = 3_200;
  for (let at = 0; at < audio.length; at += chunk) {
    call.client.sendAudio(audio.subarray(at, at + chunk));
    await sleep(20);
  }
}

describe('a call on the Silero VAD (real model, real NATS, fake workers)', () => {
  let harness: CallHarness;
  let call: TestCall;
  let sentence: Uint8Array;

  beforeAll(async () => {
    harness = await CallHarness.create('gw_silero', { vad: 'silero' });
    sentence = samplesToBytes(await speechFromText('Hello, what are your opening hours on Saturday?'));
  });

  afterEach(async () => {
    call.client.close();
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
    harness.stopWorkers();
  });

  afterAll(() => harness.close());

  it('takes a spoken sentence as one turn and answers it', async () => {
    call = await harness.call();
    await waitFor(() => call.client.count('audio_end') >= 1, 3_000, 'greeting played');
    await stream(call, silence(500));
    await stream(call, sentence);
    await stream(call, silence(1_200));

    await waitFor(() => call.client.count('turn_start') === 1, 3_000, 'turn taken');
    expect(call.workers.record.control.filter((c) => c.type === 'flush')).toHaveLength(1);
    expect(call.workers.record.llmRequests[0].messages.at(-1)).toEqual({
      role: 'user',
      content: 'what are your opening hours',
    });
  });

  it('takes no turn from a loud tone, which is no voice', async () => {
    call = await harness.call(agentConfig());
    await waitFor(() => call.client.count('audio_end') >= 1, 3_000, 'greeting played');
    await stream(call, silence(500));
    await stream(call, tone(1_000));
    await stream(call, silence(1_200));
    await sleep(300);

    expect(call.workers.record.control.filter((c) => c.type === 'flush')).toHaveLength(0);
    expect(call.client.count('turn_start')).toBe(0);
  });
});
