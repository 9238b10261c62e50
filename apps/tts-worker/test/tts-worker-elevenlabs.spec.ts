import type { Bus } from '@parley/bus';
import { rpcSubjects, type TtsSynthesizeRequest, type VoiceSettings } from '@parley/contracts';
import { FakeElevenLabsServer, uniqueNamespace } from '@parley/testing';
import { AudioOutLog, connectClient, type RunningWorker, startWorker } from './support/tts-harness';

const API_KEY = 'xi-worker-key';
const SENTENCE = 'Our office is open from nine to five.';
const ELEVENLABS: VoiceSettings = { provider: 'elevenlabs', voiceId: 'voice-123', stability: 0.4, similarityBoost: 0.8 };

describe('tts-worker with ElevenLabs (fake ElevenLabs server)', () => {
  const namespace = uniqueNamespace('tts-elevenlabs');
  let fake: FakeElevenLabsServer;
  let worker: RunningWorker;
  let bus: Bus;
  let call = 0;
  const nextCallId = () => `el-call-${++call}`;

  beforeAll(async () => {
    fake = await FakeElevenLabsServer.start({ apiKey: API_KEY, firstByteDelayMs: 50 });
    [worker, bus] = await Promise.all([
      startWorker(namespace, { ELEVENLABS_API_KEY: API_KEY, ELEVENLABS_BASE_URL: fake.baseUrl, ELEVENLABS_TIMEOUT_MS: '3000' }),
      connectClient(namespace),
    ]);
  });

  afterAll(async () => {
    await bus?.drain();
    await worker?.app.close();
    await fake?.close();
  });

  const synthesize = (callId: string, turnId: string, voice: VoiceSettings) => {
    const request: TtsSynthesizeRequest = { callId, turnId, sentenceIndex: 0, text: SENTENCE, voice, sampleRate: 16000 };
    return bus.request(rpcSubjects.ttsSynthesize, request, { timeoutMs: 3_000 });
  };

  it('speaks an elevenlabs agent with ElevenLabs: its voice and settings, streamed as 640-byte frames', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    const requests = fake.requests.length;
    await expect(synthesize(callId, 't1', ELEVENLABS)).resolves.toEqual({ turnId: 't1', sentenceIndex: 0, accepted: true });
    await audio.until((frames) => frames.some((frame) => frame.last));

    expect(fake.requests.slice(requests)).toEqual([
      expect.objectContaining({
        voiceId: 'voice-123',
        body: { text: SENTENCE, model_id: 'eleven_flash_v2_5', voice_settings: { stability: 0.4, similarity_boost: 0.8 } },
      }),
    ]);
    const frames = audio.frames;
    expect(frames.every((frame) => frame.bytes === 640)).toBe(true);
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, i) => i));
    // Eight words of speech.
    expect(frames.length * 20).toBeGreaterThan(8 * 200);
  });

  it('still speaks a flite agent with flite on the same worker', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    const requests = fake.requests.length;
    await synthesize(callId, 't1', { provider: 'flite', voiceId: 'slt' });
    await audio.until((frames) => frames.some((frame) => frame.last));
    expect(fake.requests.length).toBe(requests);
  });

  it.each([
    [401, 'config, not retryable'],
    [429, 'overloaded, retryable'],
    [503, 'unavailable, retryable'],
  ])('answers TTS_ERROR when ElevenLabs fails at the start (%s), and the call speaks its next turn', async (status, kind) => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    fake.failNext({ status });
    await expect(synthesize(callId, 't1', ELEVENLABS)).rejects.toMatchObject({
      code: 'TTS_ERROR',
      message: expect.stringContaining(kind),
    });
    // The failed sentence still ends for anyone playing it: one silent last frame.
    await audio.until((frames) => frames.some((frame) => frame.turnId === 't1' && frame.last));
    await expect(synthesize(callId, 't2', ELEVENLABS)).resolves.toMatchObject({ accepted: true });
    await audio.until((frames) => frames.some((frame) => frame.turnId === 't2' && frame.last));
    expect(audio.of('t2', 0).length).toBeGreaterThan(50);
  });
});
