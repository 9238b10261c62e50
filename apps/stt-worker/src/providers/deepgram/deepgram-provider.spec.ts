import { FakeDeepgramServer } from '@parley/testing';
import { describeSttProviderConformance, type SttFailure } from '../stt-provider.conformance';
import { fliteSpeech } from '../testing/flite-speech';
import { SessionRecorder, streamFrames } from '../testing/session-recorder';
import { DeepgramSttProvider } from './deepgram-provider';

const API_KEY = 'dg-test-key';
let fake: FakeDeepgramServer;
const providers: DeepgramSttProvider[] = [];

function provider(apiKey = API_KEY): DeepgramSttProvider {
  const created = new DeepgramSttProvider({ apiKey, baseUrl: fake.url, model: 'nova-3', language: 'en-US', finalizeTimeoutMs: 2_000 });
  providers.push(created);
  return created;
}

async function fail(failure: SttFailure): Promise<DeepgramSttProvider> {
  if (failure === 'rejected-credentials') return provider('dg-wrong-key');
  // Drop the stream once audio flows.
  const connections = fake.connections.length;
  const timer = setInterval(() => {
    if (fake.connections.length > connections && (fake.connections.at(-1)?.audioBytes ?? 0) > 0) {
      clearInterval(timer);
      fake.dropAll();
    }
  }, 5);
  return provider();
}

describeSttProviderConformance(
  'deepgram (fake Deepgram server)',
  async () => {
    fake = await FakeDeepgramServer.start({ apiKey: API_KEY });
    return { provider: provider(), arrange: (said) => fake.say(said), fail, failures: ['rejected-credentials', 'connection-lost'] };
  },
  async () => {
    await Promise.all(providers.map((created) => created.close()));
    await fake.close();
  },
);

describe('DeepgramSttProvider', () => {
  beforeAll(async () => (fake = await FakeDeepgramServer.start({ apiKey: API_KEY })));
  afterAll(async () => {
    await Promise.all(providers.map((created) => created.close()));
    await fake.close();
  });

  it('asks for linear16 at 16 kHz with interim results, its model and language, and no endpointing of its own', async () => {
    fake.say('hello there');
    const recorder = new SessionRecorder();
    const session = provider().openSession(recorder);
    await streamFrames(session, await fliteSpeech('hello there'));
    await session.endUtterance();
    await session.close();
    const [{ query, authorization, controls }] = fake.connections.slice(-1);
    expect(authorization).toBe(`Token ${API_KEY}`);
    expect(Object.fromEntries(query)).toMatchObject({
      model: 'nova-3',
      language: 'en-US',
      encoding: 'linear16',
      sample_rate: '16000',
      channels: '1',
      interim_results: 'true',
      endpointing: 'false',
    });
    expect(controls).toEqual(['Finalize', 'CloseStream']);
    expect(recorder.finals.map((final) => final.text)).toEqual(['hello there']);
  });

  it('keeps consecutive utterances of one call apart', async () => {
    fake.say('first question', 'second question');
    const recorder = new SessionRecorder();
    const session = provider().openSession(recorder);
    const speech = await fliteSpeech('first question');
    for (let i = 0; i < 2; i++) {
      await streamFrames(session, speech);
      await session.endUtterance();
    }
    await session.close();
    expect(recorder.finals.map((final) => final.text)).toEqual(['first question', 'second question']);
  });
});
