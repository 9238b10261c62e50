import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseWav } from '@parley/audio';
import { BusError } from '@parley/bus';
import { type CallCommand, eventSubjects, voiceSubjects } from '@parley/contracts';
import { LocalRecordingStore } from '@parley/recordings';
import { silence, tone } from './call-support/call-client';
import { agentConfig, CallHarness, sleep, type TestCall, waitFor } from './call-support/call-harness';

/** Speaks a sentence's worth of tone, then enough silence to end the turn. */
function speak(call: TestCall): void {
  call.client.sendAudio(tone(600));
  call.client.sendAudio(silence(800));
}

async function greetingPlayed(call: TestCall): Promise<void> {
  await waitFor(() => call.client.count('audio_end') >= 1, 3_000, 'greeting played');
}

describe('commands to a live call (real NATS, fake workers)', () => {
  let dir: string;
  let harness: CallHarness;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-commands-'));
    harness = await CallHarness.create('gw_commands', { recordings: new LocalRecordingStore(dir) });
  });

  afterEach(async () => {
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
    harness.stopWorkers();
  });

  afterAll(async () => {
    await harness.close();
    await rm(dir, { recursive: true, force: true });
  });

  function command(call: TestCall, message: CallCommand) {
    return harness.bus.request(voiceSubjects.command(call.callId), message, { timeoutMs: 2_000 });
  }

  function eventsOf(call: TestCall, subject: string) {
    return harness.eventsOf(call.callId, subject).map((event) => event.payload);
  }

  async function ended(call: TestCall): Promise<Record<string, unknown>> {
    await waitFor(() => eventsOf(call, eventSubjects.callEnded).length === 1, 3_000, 'call.ended');
    return eventsOf(call, eventSubjects.callEnded)[0];
  }

  it('ends a kicked call with call_end{KICKED} and a normal close, then no longer answers', async () => {
    const call = await harness.call();
    await greetingPlayed(call);

    await expect(command(call, { type: 'end', reason: 'KICKED' })).resolves.toEqual({ ok: true });
    await expect(call.client.waitClosed()).resolves.toBe(1000);
    expect(call.client.events.at(-1)?.message).toEqual({ type: 'call_end', reason: 'KICKED' });
    expect(call.client.first('error')).toBeUndefined();
    expect(await ended(call)).toMatchObject({ reason: 'KICKED' });
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
    await expect(command(call, { type: 'mute' })).rejects.toMatchObject({ code: 'NO_RESPONDERS' });
  });

  it('sends error{BALANCE_EXHAUSTED} then call_end{BALANCE_EXHAUSTED} when billing ends the call', async () => {
    const call = await harness.call();

    await expect(command(call, { type: 'end', reason: 'BALANCE_EXHAUSTED' })).resolves.toEqual({ ok: true });
    await expect(call.client.waitClosed()).resolves.toBe(1000);
    const tail = call.client.events.slice(-2).map((event) => event.message);
    expect(tail).toEqual([
      { type: 'error', code: 'BALANCE_EXHAUSTED', message: expect.any(String) },
      { type: 'call_end', reason: 'BALANCE_EXHAUSTED' },
    ]);
    expect(await ended(call)).toMatchObject({ reason: 'BALANCE_EXHAUSTED' });
  });

  it('ends with CLIENT_ENDED or CANCELLED as the API client asks', async () => {
    const first = await harness.call();
    await command(first, { type: 'end', reason: 'CLIENT_ENDED' });
    expect(await ended(first)).toMatchObject({ reason: 'CLIENT_ENDED' });
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');

    const second = await harness.call();
    await command(second, { type: 'end', reason: 'CANCELLED' });
    await expect(second.client.waitClosed()).resolves.toBe(1000);
    expect(second.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'CANCELLED' });
    expect(await ended(second)).toMatchObject({ reason: 'CANCELLED' });
  });

  it('mutes the caller: no STT, no turn, no silence timeout, still recorded; unmute restores all three', async () => {
    const call = await harness.call(agentConfig({ silenceTimeoutSec: 1 }));
    await greetingPlayed(call);
    await command(call, { type: 'mute' });
    const framesBefore = call.workers.record.audioInFrames;

    speak(call);
    await sleep(1_500); // longer than the silence timeout and the endpointing wait
    expect(call.workers.record.audioInFrames).toBe(framesBefore);
    expect(call.workers.record.llmRequests).toEqual([]);
    expect(call.client.first('call_end')).toBeUndefined();

    await command(call, { type: 'unmute' });
    speak(call);
    await waitFor(() => call.workers.record.llmRequests.length === 1, 3_000, 'turn after unmute');
    expect(call.workers.record.audioInFrames).toBe(framesBefore + 70);
    await expect(call.client.waitClosed()).resolves.toBe(1000);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'SILENCE_TIMEOUT' });

    await waitFor(() => eventsOf(call, eventSubjects.recordingStopped).length === 1, 2_000, 'recording stopped');
    const { data } = parseWav(await readFile(join(dir, `${call.callId}.wav`)));
    // Every caller frame after the file opened is there, muted or not: 2 × (600 + 800) ms.
    expect(data.byteLength / 4 / 320).toBe(140);
  });

  it('adds a whisper to what the LLM reads on the next turn, never to what the caller hears', async () => {
    const call = await harness.call();
    await greetingPlayed(call);
    const framesBefore = call.client.events.length;

    await command(call, { type: 'whisper', text: 'Offer the annual plan' });
    expect(call.client.events).toHaveLength(framesBefore);
    speak(call);
    await waitFor(() => call.workers.record.llmRequests.length === 1, 3_000, 'turn');

    const { messages } = call.workers.record.llmRequests[0];
    expect(messages).toEqual([
      { role: 'system', content: 'You answer questions about the shop.' },
      { role: 'assistant', content: 'Hello, thanks for calling.' },
      { role: 'system', content: 'Supervisor note (do not read aloud): Offer the annual plan' },
      { role: 'user', content: 'what are your opening hours' },
    ]);
    call.client.close();
    await ended(call);
    const lines = eventsOf(call, eventSubjects.transcriptAppended).map((line) => line.text);
    expect(lines.join(' ')).not.toContain('annual plan');
  });

  it('hands a broadcast to the call client as a data frame', async () => {
    const call = await harness.call();
    await command(call, { type: 'broadcast', data: { promo: 'SPRING' }, topic: 'chat' });
    await command(call, { type: 'broadcast', data: 'Hello everyone' });
    await waitFor(() => call.client.count('data') === 2, 2_000, 'data frames');

    const frames = call.client.events.filter((event) => event.message.type === 'data').map((event) => event.message);
    expect(frames).toEqual([
      { type: 'data', data: { promo: 'SPRING' }, topic: 'chat' },
      { type: 'data', data: 'Hello everyone' },
    ]);
    call.client.close();
  });

  it('stops and restarts recording; each recording has its own file and facts', async () => {
    const call = await harness.call();
    await waitFor(() => eventsOf(call, eventSubjects.recordingStarted).length === 1, 2_000, 'first recording');
    await expect(command(call, { type: 'recording-start' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await command(call, { type: 'recording-stop' });
    await waitFor(() => eventsOf(call, eventSubjects.recordingStopped).length === 1, 2_000, 'first stopped');
    await expect(command(call, { type: 'recording-stop' })).rejects.toMatchObject({ code: 'CONFLICT' });
    call.client.sendAudio(silence(200)); // not recorded

    await command(call, { type: 'recording-start' });
    await waitFor(() => eventsOf(call, eventSubjects.recordingStarted).length === 2, 2_000, 'second recording');
    call.client.sendAudio(silence(100));
    await sleep(100);
    call.client.close();
    await waitFor(() => eventsOf(call, eventSubjects.recordingStopped).length === 2, 3_000, 'second stopped');

    const [first, second] = eventsOf(call, eventSubjects.recordingStarted);
    expect(first.path).toBe(`${call.callId}.wav`);
    expect(second.path).toBe(`${call.callId}-2.wav`);
    expect(second.recordingId).not.toBe(first.recordingId);
    const stopped = eventsOf(call, eventSubjects.recordingStopped).find((e) => e.recordingId === second.recordingId);
    expect(stopped).toMatchObject({ durationMs: 100 });
  });

  it('records on command for an agent that records nothing by default', async () => {
    const call = await harness.call({ ...agentConfig(), recordingEnabled: false });
    await command(call, { type: 'recording-start' });
    await waitFor(() => eventsOf(call, eventSubjects.recordingStarted).length === 1, 2_000, 'recording');
    expect(eventsOf(call, eventSubjects.recordingStarted)[0].path).toBe(`${call.callId}.wav`);
    call.client.close();
  });

  it('refuses a command that breaks the contract, and any command but end while the call ends', async () => {
    const call = await harness.call();
    const bad = harness.bus.request(voiceSubjects.command(call.callId), { type: 'pause' } as never, { timeoutMs: 2_000 });
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(bad).rejects.toBeInstanceOf(BusError);

    const [endReply, muteReply] = await Promise.allSettled([
      command(call, { type: 'end', reason: 'KICKED' }),
      command(call, { type: 'mute' }),
    ]);
    expect(endReply).toEqual({ status: 'fulfilled', value: { ok: true } });
    // The mute either arrived too late for a subscriber or found the call ending.
    expect(muteReply).toMatchObject({ status: 'rejected', reason: { code: expect.stringMatching(/CONFLICT|NO_RESPONDERS/) } });
  });
});

describe('commands on a gateway that stores no recordings', () => {
  let harness: CallHarness;

  beforeAll(async () => {
    harness = await CallHarness.create('gw_commands_norec');
  });

  afterAll(() => harness.close());

  it('refuses recording-start with CONFLICT', async () => {
    const call = await harness.call();
    const reply = harness.bus.request(voiceSubjects.command(call.callId), { type: 'recording-start' }, { timeoutMs: 2_000 });
    await expect(reply).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('no recordings') });
    call.client.close();
    await waitFor(() => harness.sessions.size === 0, 3_000, 'session ended');
  });
});
