import { FakeElevenLabsServer } from '@parley/testing';
import { describeTtsProviderConformance, type TtsFailing, type TtsFailure } from '../tts-provider.conformance';
import { ElevenLabsProvider } from './elevenlabs-provider';

const API_KEY = 'xi-test-key';
const VOICE = '21m00Tcm4TlvDq8EACHZ';
// Generous: the fake renders its speech with flite, on a loaded machine.
const TIMEOUT_MS = 1_500;
let fake: FakeElevenLabsServer;
const providers: ElevenLabsProvider[] = [];

function provider(apiKey = API_KEY): ElevenLabsProvider {
  const created = new ElevenLabsProvider({ apiKey, baseUrl: fake.baseUrl, model: 'eleven_flash_v2_5', defaultVoice: VOICE, timeoutMs: TIMEOUT_MS });
  providers.push(created);
  return created;
}

async function fail(failure: TtsFailure): Promise<TtsFailing> {
  switch (failure) {
    case 'rejected-credentials':
      return { provider: provider('xi-wrong-key') };
    case 'bad-input':
      fake.failNext({ status: 422 });
      break;
    case 'rate-limited':
      fake.failNext({ status: 429 });
      break;
    case 'vendor-down':
      fake.failNext({ status: 503 });
      break;
    case 'connection-lost':
      fake.failNext({ abortAfterBytes: 8_000 });
      break;
    case 'timeout':
      fake.failNext({ stallMs: TIMEOUT_MS * 3 });
      break;
    case 'closed': {
      const closed = provider();
      await closed.close();
      return { provider: closed };
    }
  }
  return { provider: provider() };
}

async function drain(stream: AsyncIterable<Int16Array>): Promise<number> {
  let samples = 0;
  for await (const chunk of stream) samples += chunk.length;
  return samples;
}

describeTtsProviderConformance(
  'elevenlabs (fake ElevenLabs server)',
  async () => {
    fake = await FakeElevenLabsServer.start({ apiKey: API_KEY, firstByteDelayMs: 20 });
    return {
      provider: provider(),
      voice: VOICE,
      fail,
      failures: ['rejected-credentials', 'bad-input', 'rate-limited', 'vendor-down', 'connection-lost', 'timeout', 'closed'],
    };
  },
  async () => {
    await Promise.all(providers.map((created) => created.close()));
    await fake.close();
  },
);

describe('ElevenLabsProvider', () => {
  beforeAll(async () => (fake = await FakeElevenLabsServer.start({ apiKey: API_KEY })));
  afterAll(async () => {
    await Promise.all(providers.map((created) => created.close()));
    await fake.close();
  });

  it('asks for pcm_16000 with its key, the voice, the model and the agent voice_settings in ElevenLabs names', async () => {
    const tuning = { model: 'eleven_turbo_v2_5', stability: 0.5, similarityBoost: 0.75, style: 0.1, useSpeakerBoost: true, speed: 1.1 };
    await drain(provider().synthesize('Hello there.', { voice: 'voice-abc', tuning }));
    const request = fake.requests.at(-1);
    expect(request).toMatchObject({ voiceId: 'voice-abc', apiKey: API_KEY });
    expect(request?.query.get('output_format')).toBe('pcm_16000');
    expect(request?.body).toEqual({
      text: 'Hello there.',
      model_id: 'eleven_turbo_v2_5',
      voice_settings: { stability: 0.5, similarity_boost: 0.75, style: 0.1, use_speaker_boost: true, speed: 1.1 },
    });
  });

  it('uses its default voice and model for an agent that chose none, and sends no voice_settings of its own', async () => {
    await drain(provider().synthesize('Hello there.', { voice: 'default' }));
    const request = fake.requests.at(-1);
    expect(request?.voiceId).toBe(VOICE);
    expect(request?.body).toEqual({ text: 'Hello there.', model_id: 'eleven_flash_v2_5' });
  });

  it('cancels the HTTP stream on abort, so the vendor stops generating (and billing)', async () => {
    const abandoned = fake.abandonedStreams;
    const controller = new AbortController();
    const text = 'This is a long sentence that the caller will interrupt before the agent has finished saying it.';
    for await (const _chunk of provider().synthesize(text, { signal: controller.signal })) controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.abandonedStreams).toBe(abandoned + 1);
  });

  it('keeps every sample when the vendor cuts its chunks at odd byte counts', async () => {
    // The fake streams 3,201-byte chunks: every other chunk boundary falls inside a sample.
    const samples = await drain(provider().synthesize('What are your business hours?'));
    expect(samples).toBeGreaterThan(16_000);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('refuses to load without a key', async () => {
    await expect(provider('').load()).rejects.toMatchObject({ kind: 'config', retryable: false });
  });
});
