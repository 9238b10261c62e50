import { eventSubjects } from '@parley/contracts';
import { silence, tone } from './call-support/call-client';
import { agentConfig, CallHarness, sleep, type TestCall, waitFor } from './call-support/call-harness';

function speak(call: TestCall): void {
  call.client.sendAudio(tone(600));
  call.client.sendAudio(silence(800));
}

describe('how a call ends (real NATS, fake workers)', () => {
  let harness: CallHarness;

  beforeAll(async () => {
    harness = await CallHarness.create('gw_endings');
  });

  afterEach(async () => {
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
    harness.stopWorkers();
  });

  afterAll(() => harness.close());

  /** Waits for the call's one `call.ended` and checks nothing publishes a second. */
  async function endedEvent(call: TestCall): Promise<Record<string, unknown>> {
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.callEnded).length > 0, 3_000, 'call.ended');
    await sleep(200);
    const ended = harness.eventsOf(call.callId, eventSubjects.callEnded);
    expect(ended).toHaveLength(1);
    expect(call.lease.releases).toBe(1);
    expect(call.workers.record.control.filter((c) => c.type === 'end')).toHaveLength(1);
    return ended[0].payload;
  }

  it('sends MAX_TURNS_REACHED then call_end once the last allowed turn is answered, and closes 1000', async () => {
    const call = await harness.call(agentConfig({ maxTurns: 1 }));
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    speak(call);

    await expect(call.client.waitClosed()).resolves.toBe(1000);
    const tail = call.client.events.slice(-3).map((e) => e.message);
    expect(tail[0]).toEqual({ type: 'transcript', role: 'assistant', text: 'We open at nine. We close at five.' });
    expect(tail[1]).toMatchObject({ type: 'error', code: 'MAX_TURNS_REACHED' });
    expect(tail[2]).toEqual({ type: 'call_end', reason: 'MAX_TURNS_REACHED' });
    const ended = await endedEvent(call);
    const identity = { callId: call.callId, orgId: 'org-1', agentId: 'agent-1' };
    expect(ended).toMatchObject({ ...identity, reason: 'MAX_TURNS_REACHED', turns: 1 });
    expect(await harness.metric('gateway_calls_ended_total', { reason: 'MAX_TURNS_REACHED' })).toBe(1);
    const latency = ended.latency as Record<string, { count: number } | null>;
    for (const stage of ['sttMs', 'llmFirstSentenceMs', 'ttsFirstAudioMs', 'voiceToVoiceMs']) {
      expect(latency[stage]?.count).toBeGreaterThanOrEqual(1);
    }
  });

  it('ends a call whose caller stays silent past the silence timeout', async () => {
    const call = await harness.call(agentConfig({ silenceTimeoutSec: 1 }));
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    const greetingEndedAt = call.client.first('audio_end')?.at ?? 0;

    await expect(call.client.waitClosed()).resolves.toBe(1000);
    const callEnd = call.client.first('call_end');
    expect(callEnd?.message).toEqual({ type: 'call_end', reason: 'SILENCE_TIMEOUT' });
    // The clock stood still while the greeting played: a second of silence after it, not before.
    expect((callEnd?.at ?? 0) - greetingEndedAt).toBeGreaterThanOrEqual(950);
    expect(await endedEvent(call)).toMatchObject({ reason: 'SILENCE_TIMEOUT', turns: 0 });
  });

  it('ends at the maximum duration even while the agent speaks', async () => {
    const call = await harness.call(agentConfig({ maxDurationSec: 1 }), { framesPerSentence: 200 }); // 4 s greeting
    await expect(call.client.waitClosed()).resolves.toBe(1000);
    // Cut mid-greeting: audio_end, the words heard so far (if a whole word was), then call_end.
    const types = call.client.types().filter((type) => type !== 'transcript');
    expect(types).toEqual(['audio_start', 'audio_end', 'call_end']);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'MAX_DURATION_REACHED' });
    const ended = await endedEvent(call);
    expect(ended.reason).toBe('MAX_DURATION_REACHED');
    expect(ended.durationMs).toBeGreaterThanOrEqual(1000);
    expect(ended.durationMs).toBeLessThan(1500);
  });

  it('answers end_call with call_end and a normal close', async () => {
    const call = await harness.call();
    call.client.sendText(JSON.stringify({ type: 'end_call' }));
    await expect(call.client.waitClosed()).resolves.toBe(1000);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'CLIENT_ENDED' });
    expect(await endedEvent(call)).toMatchObject({ reason: 'CLIENT_ENDED' });
  });

  it('treats the client closing the socket as a hang-up', async () => {
    const call = await harness.call();
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    call.client.close();
    expect(await endedEvent(call)).toMatchObject({ reason: 'HANGUP', turns: 0 });
    expect(harness.eventsOf(call.callId, eventSubjects.callStarted)).toHaveLength(1);
  });

  it('plays the closing sentence when the LLM ends the call, then ends it', async () => {
    const call = await harness.call();
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    call.workers.behaviour.replySentences = ['Goodbye and have a nice day.'];
    call.workers.behaviour.endCall = true;
    speak(call);

    await expect(call.client.waitClosed()).resolves.toBe(1000);
    expect(call.client.types().slice(-4)).toEqual(['audio_start', 'audio_end', 'transcript', 'call_end']);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'AGENT_ENDED' });
    expect(call.client.audioAt).toHaveLength(20);
    expect(await endedEvent(call)).toMatchObject({ reason: 'AGENT_ENDED', turns: 1 });
  });

  it('ends with PLATFORM_ERROR when the concurrency lease is found gone', async () => {
    const call = await harness.call();
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    call.lease.lose();

    await expect(call.client.waitClosed()).resolves.toBe(1000);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'PLATFORM_ERROR' });
    expect(await endedEvent(call)).toMatchObject({ reason: 'PLATFORM_ERROR' });
  });
});
