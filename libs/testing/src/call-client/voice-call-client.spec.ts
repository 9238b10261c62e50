import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FRAME_BYTES, FRAME_SAMPLES } from '@parley/audio';
import { FakeVoiceServer } from './fake-voice-server';
import { VoiceUpgradeRefusedError } from './upgrade-refused.error';
import { VoiceCallClient } from './voice-call-client';

/** `frames` frames of a loud square wave: speech as far as any level meter is concerned. */
function tone(frames: number): Int16Array {
  return Int16Array.from({ length: frames * FRAME_SAMPLES }, (_, i) => (i % 32 < 16 ? 8000 : -8000));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('VoiceCallClient', () => {
  let server: FakeVoiceServer;
  const clients: VoiceCallClient[] = [];
  const connect = async (key = 'good') => {
    const client = await VoiceCallClient.connect(server.url(key));
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await FakeVoiceServer.start({
      greetingFrames: 5,
      endpointingFrames: 10,
      refusals: {
        revoked: { status: 401, body: JSON.stringify({ code: 'KEY_NOT_FOUND', message: 'no such key' }) },
        broken: { status: 500, body: 'upstream exploded' },
      },
    });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server.stop();
  });

  it('paces 100 frames at real time: about 2 s, evenly, not in a burst', async () => {
    const client = await connect();
    const started = performance.now();
    const result = await client.streamPcm(tone(100));
    const elapsed = performance.now() - started;

    expect(result).toEqual({ framesSent: 100, completed: true });
    expect(elapsed).toBeGreaterThan(1800);
    expect(elapsed).toBeLessThan(2200);
    await waitUntil(() => server.calls[0].frameArrivals.length === 100);
    const arrivals = server.calls[0].frameArrivals;
    expect(server.calls[0].frameSizes.every((size) => size === FRAME_BYTES)).toBe(true);
    // Half the frames have gone out after half the time: the pacing is even, not front- or back-loaded.
    expect(arrivals[50] - arrivals[0]).toBeGreaterThan(850);
    expect(arrivals[50] - arrivals[0]).toBeLessThan(1150);
  });

  it('sends everything at once when realtime is off, zero-padding the last frame', async () => {
    const client = await connect();
    const started = performance.now();
    await client.streamPcm(tone(100).subarray(0, 100 * FRAME_SAMPLES - 7), { realtime: false });

    expect(performance.now() - started).toBeLessThan(500);
    await waitUntil(() => server.calls[0].frameArrivals.length === 100);
    expect(new Set(server.calls[0].frameSizes)).toEqual(new Set([FRAME_BYTES]));
  });

  it('streams silence in whole frames and does not interleave concurrent streams', async () => {
    const client = await connect();
    const [silence, speech] = await Promise.all([client.streamSilence(210, { realtime: false }), client.streamPcm(tone(3))]);

    expect(silence.framesSent).toBe(11);
    expect(speech.framesSent).toBe(3);
    await waitUntil(() => server.calls[0].frameArrivals.length === 14);
    expect(server.calls[0].frameVoiced).toEqual([...Array<boolean>(11).fill(false), true, true, true]);
  });

  it('exposes the status and the {code, message} body of a refused upgrade', async () => {
    const refusal = await VoiceCallClient.connect(server.url('revoked')).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(VoiceUpgradeRefusedError);
    expect(refusal).toMatchObject({ status: 401, body: { code: 'KEY_NOT_FOUND', message: 'no such key' }, retryable: false });
  });

  it('keeps a refusal body that is not JSON as raw text', async () => {
    const refusal = await VoiceCallClient.connect(server.url('broken')).catch((error: unknown) => error);

    expect(refusal).toMatchObject({ status: 500, body: undefined, rawBody: 'upstream exploded', retryable: true });
  });

  it('rejects with ECONNREFUSED when nothing listens', async () => {
    const url = `ws://127.0.0.1:${await freePort()}/voice/good`;

    await expect(VoiceCallClient.connect(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('records the greeting as timed messages and one audio segment', async () => {
    const client = await connect();
    const transcript = await client.waitFor('transcript', (message) => message.role === 'assistant', 2000, 0);

    expect(transcript.message).toEqual({ type: 'transcript', role: 'assistant', text: 'Hello' });
    expect(client.messages.map((recorded) => recorded.message.type)).toEqual(['audio_start', 'audio_end', 'transcript']);
    const times = client.messages.map((recorded) => recorded.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(0);
    const [greeting] = client.agentAudio.segments;
    expect(greeting).toMatchObject({ index: 0, frames: 5, bytes: 5 * FRAME_BYTES });
    expect(greeting.endedAt).toBeGreaterThanOrEqual(greeting.startedAt);
    expect(client.agentAudio.samplesOf(greeting)).toHaveLength(5 * FRAME_SAMPLES);
    expect(client.agentAudio.samples()[0]).toBe(0x4040);
  });

  it('records invalid server frames as protocol errors, not messages', async () => {
    const client = await connect('good');
    await client.waitFor('transcript', undefined, 2000, 0);
    const socket = server.calls[0].socket;
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'audio_pause' }));
    socket.send(Buffer.alloc(FRAME_BYTES), { binary: true });
    socket.send(JSON.stringify({ type: 'turn_start' }));
    await client.waitFor('turn_start', undefined, 2000, 0);

    expect(client.protocolErrors.map((error) => error.problem)).toEqual([
      'text frame is not JSON',
      expect.stringContaining('not a voice server message'),
      'agent audio outside audio_start…audio_end',
    ]);
    expect(client.protocolErrors[1].raw).toBe('{"type":"audio_pause"}');
    expect(client.messagesOf('turn_start')).toHaveLength(1);
    expect(client.agentAudio.bytes).toBe(6 * FRAME_BYTES);
  });

  it('measures voice-to-voice latency from the last voiced frame sent to the first reply frame', async () => {
    const client = await connect();
    const since = client.now();
    await client.streamPcm(tone(10));
    const speechEnd = client.now();
    await client.streamSilenceUntil(client.waitFor('audio_end', undefined, 3000, since));
    const reply = await client.waitFor('transcript', (message) => message.role === 'user', 1000, since);

    expect(reply.message.text).toBe('heard 10 frames');
    expect(client.turnLatencies).toHaveLength(1);
    const [turn] = client.turnLatencies;
    expect(turn.turn).toBe(1);
    expect(turn.speechEndedAt).toBeLessThanOrEqual(speechEnd);
    expect(turn.speechEndedAt).toBeGreaterThan(speechEnd - 40);
    // The fake replies after 10 silent frames (200 ms) of real-time silence.
    expect(turn.voiceToVoiceMs).toBeGreaterThanOrEqual(180);
    expect(turn.voiceToVoiceMs).toBeLessThan(300);
    expect(turn.agentAudioAt).toBe(client.agentAudio.segments[1].firstFrameAt);
  });

  it('ends the call with end_call and reports how the socket closed', async () => {
    const client = await connect();
    const callEnd = client.waitFor('call_end');
    client.endCall();

    await expect(callEnd).resolves.toMatchObject({ message: { type: 'call_end', reason: 'CLIENT_ENDED' } });
    await expect(client.closed).resolves.toMatchObject({ code: 1000, reason: 'CLIENT_ENDED' });
    expect(server.calls[0].textFrames).toEqual(['{"type":"end_call"}']);
    await expect(client.waitFor('audio_start', undefined, 1000)).rejects.toThrow('the call closed (1000 CLIENT_ENDED)');
    expect(() => client.endCall()).toThrow('not open');
    await expect(client.streamPcm(tone(5))).resolves.toEqual({ framesSent: 0, completed: false });
  });

  it('times out a wait with the message type in the error', async () => {
    const client = await connect();

    await expect(client.waitFor('turn_start', undefined, 50)).rejects.toThrow('no turn_start message within 50 ms');
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
