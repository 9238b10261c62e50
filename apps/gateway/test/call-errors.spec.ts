import { silence, tone } from './call-support/call-client';
import { CallHarness, sleep, type TestCall, waitFor } from './call-support/call-harness';

function speak(call: TestCall): void {
  call.client.sendAudio(tone(600));
  call.client.sendAudio(silence(800));
}

async function greetingPlayed(call: TestCall): Promise<void> {
  await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
}

function errors(call: TestCall): Array<Record<string, unknown>> {
  return call.client.events.filter((e) => e.message.type === 'error').map((e) => e.message);
}

describe('a call through bad input and failing workers (real NATS, fake workers)', () => {
  let harness: CallHarness;
  let call: TestCall;

  beforeAll(async () => {
    const settings = { llmFirstSentenceTimeoutMs: 300, sttFinalTimeoutMs: 300, sttKeepaliveMs: 100 };
    harness = await CallHarness.create('gw_errors', settings);
  });

  afterEach(async () => {
    call.client.close();
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
    harness.stopWorkers();
  });

  afterAll(() => harness.close());

  it('answers a text frame that is not JSON, or an unknown message, with INVALID_MESSAGE and stays up', async () => {
    call = await harness.call();
    call.client.sendText('hello?');
    call.client.sendText(JSON.stringify({ type: 'dance' }));
    await waitFor(() => errors(call).length === 2, 2_000, 'two error frames');
    expect(errors(call).map((e) => e.code)).toEqual(['INVALID_MESSAGE', 'INVALID_MESSAGE']);
    await greetingPlayed(call);
    expect(call.client.closeCode).toBeUndefined();
  });

  it('drops an audio frame with half a sample, with INVALID_AUDIO', async () => {
    call = await harness.call();
    call.client.sendAudio(new Uint8Array(641));
    await waitFor(() => errors(call).length === 1, 2_000, 'error frame');
    expect(errors(call)[0]).toMatchObject({ code: 'INVALID_AUDIO' });
    await sleep(100);
    expect(call.workers.record.audioInFrames).toBe(0);
    expect(call.client.closeCode).toBeUndefined();
  });

  it('closes with 1009 and call_end PLATFORM_ERROR on an audio frame over 64 KiB', async () => {
    call = await harness.call();
    call.client.sendAudio(new Uint8Array(64 * 1024 + 2));
    await expect(call.client.waitClosed()).resolves.toBe(1009);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'PLATFORM_ERROR' });
  });

  it('says the fallback phrase with LLM_TIMEOUT when the LLM gives no first sentence in time', async () => {
    call = await harness.call();
    await greetingPlayed(call);
    call.workers.behaviour.replySentences = [];
    speak(call);

    await waitFor(() => call.client.count('audio_end') === 2, 3_000, 'fallback played');
    expect(errors(call)).toEqual([{ type: 'error', code: 'LLM_TIMEOUT', message: expect.any(String) }]);
    const lines = call.client.events.filter((e) => e.message.type === 'transcript').map((e) => e.message.text);
    expect(lines.at(-1)).toBe('Sorry, give me a moment.');
    expect(call.workers.record.control).toContainEqual({ type: 'interrupt', turnId: 't1', playedText: '' });
  });

  it('skips the turn with TTS_ERROR when synthesis fails, and keeps the call', async () => {
    call = await harness.call();
    await greetingPlayed(call);
    call.workers.behaviour.ttsFails = true;
    speak(call);

    await waitFor(() => errors(call).length > 0, 3_000, 'error frame');
    await sleep(200);
    expect(errors(call)[0]).toMatchObject({ code: 'TTS_ERROR' });
    expect(call.client.count('audio_start')).toBe(1);
    expect(call.client.closeCode).toBeUndefined();
    // The next turn is tried again.
    call.workers.behaviour.ttsFails = false;
    speak(call);
    await waitFor(() => call.client.count('audio_end') === 2, 3_000, 'next reply played');
  });

  it('reports STT_ERROR and opens a new STT session when no final transcript comes', async () => {
    call = await harness.call();
    await greetingPlayed(call);
    call.workers.behaviour.sttAnswersFlush = false;
    speak(call);

    await waitFor(() => errors(call).length > 0, 3_000, 'error frame');
    expect(errors(call)[0]).toMatchObject({ code: 'STT_ERROR' });
    await waitFor(() => call.workers.record.sttOpens === 2, 2_000, 'second session');
    expect(call.client.closeCode).toBeUndefined();
  });

  it('opens a new STT session with STT_ERROR when the session goes silent, and hears the caller again', async () => {
    call = await harness.call();
    await greetingPlayed(call);
    call.workers.behaviour.sttKeepalive = false;
    call.workers.behaviour.sttAnswersFlush = false;
    await waitFor(() => errors(call).length > 0, 2_000, 'error frame');
    expect(errors(call)[0]).toMatchObject({ code: 'STT_ERROR' });
    await waitFor(() => call.workers.record.sttOpens === 2, 2_000, 'second session');

    // The new session (a live worker again) answers the next turn.
    Object.assign(call.workers.behaviour, { sttKeepalive: true, sttAnswersFlush: true });
    speak(call);
    await waitFor(() => call.client.count('turn_start') === 1, 3_000, 'turn answered');
    expect(errors(call)).toHaveLength(1);
  });
});
