import { eventSubjects } from '@parley/contracts';
import { agentConfig, CallHarness, sleep, type TestCall, waitFor } from './call-support/call-harness';
import { silence, tone } from './call-support/call-client';

/** Speaks a sentence's worth of tone, then enough silence to end the turn. */
function speak(call: TestCall, toneMs = 600, silenceMs = 800): void {
  call.client.sendAudio(tone(toneMs));
  call.client.sendAudio(silence(silenceMs));
}

async function greetingPlayed(call: TestCall): Promise<void> {
  await waitFor(() => call.client.count('audio_end') >= 1, 3_000, 'greeting played');
}

describe('a call, greeting to reply (real NATS, fake workers)', () => {
  let harness: CallHarness;
  let call: TestCall;

  beforeAll(async () => {
    harness = await CallHarness.create('gw_conversation');
  });

  afterEach(async () => {
    call.client.close();
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
    harness.stopWorkers();
  });

  afterAll(() => harness.close());

  it('speaks the greeting at once: audio_start, 20 ms frames at real-time pace, audio_end, transcript', async () => {
    call = await harness.call();
    await greetingPlayed(call);
    const { client } = call;

    expect(client.types()).toEqual(['audio_start', 'audio_end', 'transcript']);
    expect(client.first('transcript')?.message).toEqual({
      type: 'transcript',
      role: 'assistant',
      text: 'Hello, thanks for calling.',
    });
    expect(client.audioBytes).toEqual(Array(10).fill(640));
    // 10 frames of 20 ms: the last leaves 180 ms after the first. Arrival times carry socket and
    // event-loop jitter on a loaded machine (the pacer's own accuracy is its unit spec's concern);
    // a burst would arrive within a few ms.
    const span = client.audioAt[9] - client.audioAt[0];
    expect(span).toBeGreaterThanOrEqual(150);
    expect(span).toBeLessThan(240);
    const gaps = client.audioAt.slice(1).map((at, i) => at - client.audioAt[i]);
    const medianGap = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
    expect(medianGap).toBeGreaterThan(15);
    expect(medianGap).toBeLessThan(25);
    expect(call.workers.record.ttsRequests).toEqual([
      { turnId: 't0', sentenceIndex: 0, text: 'Hello, thanks for calling.' },
    ]);
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.callStarted).length === 1, 2_000, 'call.started');
    expect(harness.eventsOf(call.callId, eventSubjects.callStarted)[0].payload).toMatchObject({
      callId: call.callId,
      orgId: 'org-1',
      agentId: 'agent-1',
      keyId: 'key-1',
      direction: 'inbound',
      channel: 'raw',
    });
  });

  it('answers the caller: interim, transcript user, turn_start, the reply in order, transcript assistant', async () => {
    call = await harness.call();
    await greetingPlayed(call);
    speak(call);
    await waitFor(() => call.client.count('audio_end') >= 2, 5_000, 'reply played');
    await waitFor(() => call.client.count('transcript') >= 3, 1_000, 'reply transcript');

    // Interims come as the STT hears the tone (how many depends on timing): one or more, first.
    // The greeting's transcript may trail the caller's first interim on a busy machine: take it out.
    const types = call.client.types();
    types.splice(types.indexOf('transcript'), 1);
    const afterGreeting = types.slice(2);
    const interims = afterGreeting.indexOf('transcript');
    expect(interims).toBeGreaterThanOrEqual(1);
    expect(afterGreeting.slice(0, interims).every((type) => type === 'interim')).toBe(true);
    expect(call.client.first('interim')?.message).toEqual({ type: 'interim', text: 'what are' });
    const rest = ['transcript', 'turn_start', 'audio_start', 'audio_end', 'transcript'];
    expect(afterGreeting.slice(interims)).toEqual(rest);
    const transcripts = call.client.events.filter((e) => e.message.type === 'transcript').map((e) => e.message);
    expect(transcripts.slice(1)).toEqual([
      { type: 'transcript', role: 'user', text: 'what are your opening hours' },
      { type: 'transcript', role: 'assistant', text: 'We open at nine. We close at five.' },
    ]);
    expect(call.workers.record.llmRequests[0].messages).toEqual([
      { role: 'system', content: 'You answer questions about the shop.' },
      { role: 'assistant', content: 'Hello, thanks for calling.' },
      { role: 'user', content: 'what are your opening hours' },
    ]);
    // Greeting (10 frames) and two reply sentences (10 each), each sentence's frames in order.
    expect(call.client.audioAt).toHaveLength(30);
    await waitFor(() => harness.eventsOf(call.callId, eventSubjects.transcriptAppended).length === 3, 2_000, 'lines');
    const lines = harness.eventsOf(call.callId, eventSubjects.transcriptAppended).map((e) => e.payload);
    expect(lines.map((line) => [line.seq, line.role])).toEqual([
      [0, 'assistant'],
      [1, 'user'],
      [2, 'assistant'],
    ]);
  });

  it('makes the turn of every final since the last flush answer, not only the flushed one', async () => {
    call = await harness.call(agentConfig(), { selfClosedFinal: 'hello there' });
    await greetingPlayed(call);
    // As on a phone line, the words reach the STT before the caller's pause does (sent in one
    // burst, the pause's flush can overtake the fake worker's audio processing).
    call.client.sendAudio(tone(600));
    await sleep(300);
    // The fake's last interim ("what are") leaves the phrase unfinished: the turn waits 900 ms.
    call.client.sendAudio(silence(1200));
    await waitFor(() => call.client.count('turn_start') === 1, 3_000, 'turn');
    const user = call.client.events.find((e) => e.message.type === 'transcript' && e.message.role === 'user');
    expect(user?.message.text).toBe('hello there what are your opening hours');
    expect(call.workers.record.llmRequests).toHaveLength(1);
  });

  it('prepares the reply on the caller’s pause, silent, and drops it when the caller goes on', async () => {
    call = await harness.call(agentConfig());
    await greetingPlayed(call);
    const greetingFrames = call.client.audioAt.length;
    // 250 ms of quiet: past the 200 ms pause, short of the 350 ms end of turn.
    call.client.sendAudio(tone(600));
    call.client.sendAudio(silence(250));
    await waitFor(() => call.workers.record.llmRequests.length === 1, 3_000, 'reply prepared');
    const held = call.workers.record.llmRequests[0].turnId;
    await waitFor(() => call.workers.record.ttsRequests.some((r) => r.turnId === held), 3_000, 'reply voiced');
    await sleep(150);
    expect(call.client.count('turn_start')).toBe(0);
    expect(call.client.audioAt).toHaveLength(greetingFrames);

    speak(call);
    await waitFor(() => call.client.count('audio_end') >= 2, 5_000, 'reply played');
    expect(call.workers.record.control).toContainEqual(expect.objectContaining({ type: 'interrupt', turnId: held }));
    expect(call.client.count('turn_start')).toBe(1);
    const replied = call.workers.record.llmRequests.at(-1);
    expect(replied?.turnId).not.toBe(held);
    // The words before the pause stay in the caller's turn.
    expect(replied?.messages.at(-1)).toEqual({ role: 'user', content: 'what are your opening hours what are your opening hours' });
  });

  it('stops the agent within 100 ms of sustained caller speech and keeps only what was heard', async () => {
    call = await harness.call(agentConfig());
    call.workers.behaviour.framesPerSentence = 100; // two seconds per sentence
    call.workers.behaviour.replySentences = ['One two three four five six seven eight nine ten.', 'Eleven twelve.'];
    await greetingPlayed(call);
    speak(call);
    await waitFor(() => call.client.count('audio_start') >= 2, 5_000, 'reply started');
    await sleep(500);

    const bargeInAt = performance.now();
    call.client.sendAudio(tone(400)); // more than the 300 ms that makes speech sustained
    await waitFor(() => call.client.count('audio_end') >= 2, 1_000, 'audio_end after barge-in');
    await sleep(300);

    const lastFrameAt = call.client.audioAt.at(-1) ?? 0;
    expect(lastFrameAt - bargeInAt).toBeLessThan(100);
    expect(call.client.first('audio_end')).toBeDefined();
    const interrupt = call.workers.record.control.find((c) => c.type === 'interrupt');
    expect(interrupt).toMatchObject({ type: 'interrupt', turnId: 't1' });
    // About 0.5 s of a 2 s, ten-word sentence was heard: a few words, never the whole reply.
    const heard = (interrupt as { playedText: string }).playedText;
    expect(heard.split(' ').length).toBeGreaterThanOrEqual(1);
    expect(heard.split(' ').length).toBeLessThan(6);
    const lastLine = call.client.events.filter((e) => e.message.type === 'transcript').at(-1);
    expect(lastLine?.message).toEqual({ type: 'transcript', role: 'assistant', text: heard });
    expect(await harness.metric('gateway_barge_ins_total')).toBe(1);
  });

  it('does not let a short "mhm" interrupt the agent', async () => {
    call = await harness.call(agentConfig());
    await greetingPlayed(call);
    call.workers.behaviour.framesPerSentence = 50;
    speak(call);
    await waitFor(() => call.client.count('audio_start') >= 2, 5_000, 'reply started');
    call.client.sendAudio(tone(160));
    call.client.sendAudio(silence(800));
    await waitFor(() => call.client.count('audio_end') >= 2, 5_000, 'reply played');

    expect(call.client.audioAt).toHaveLength(110);
    expect(call.workers.record.control.some((c) => c.type === 'interrupt')).toBe(false);
    expect(call.workers.record.llmRequests).toHaveLength(1);
  });
});
