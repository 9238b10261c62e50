import type { Bus } from '@parley/bus';
import { rpcSubjects, voiceSubjects } from '@parley/contracts';
import { FakeDeepgramServer, uniqueNamespace } from '@parley/testing';
import { fliteSpeech } from '../src/providers/testing/flite-speech';
import { connectClient, type RunningWorker, startWorker, streamSpeech, TranscriptLog } from './support/stt-harness';

const OPEN = { sampleRate: 16000, encoding: 'pcm16le', language: 'en-US' } as const;

describe('one stt-worker, the engine each agent picks', () => {
  const namespace = uniqueNamespace('stt-engines');
  let deepgram: FakeDeepgramServer;
  let worker: RunningWorker;
  let bus: Bus;

  beforeAll(async () => {
    deepgram = await FakeDeepgramServer.start();
    [worker, bus] = await Promise.all([
      startWorker(namespace, {
        STT_PROVIDER: 'pocketsphinx',
        STT_WORKER_ID: 'stt-both',
        DEEPGRAM_API_KEY: 'dg-fake-key',
        DEEPGRAM_BASE_URL: deepgram.url,
      }),
      connectClient(namespace),
    ]);
  });

  afterAll(async () => {
    await bus?.drain();
    await worker?.app.close();
    await deepgram?.close();
  });

  const open = (callId: string, provider?: string) =>
    bus.request(rpcSubjects.sttSessionOpen, { callId, ...OPEN, ...(provider ? { provider } : {}) }, { timeoutMs: 5_000 });
  const close = (callId: string) => bus.request(rpcSubjects.sttSessionClose, { callId }, { timeoutMs: 5_000 });

  it('runs Deepgram beside pocketsphinx when a key is set, and each call gets the engine it names', async () => {
    await expect(open('call-dg', 'deepgram')).resolves.toMatchObject({ provider: 'deepgram' });
    await expect(open('call-ps')).resolves.toMatchObject({ provider: 'pocketsphinx' });
    await deepgram.connected(1); // the session answers before its socket has finished connecting
    expect(deepgram.connections).toHaveLength(1);

    deepgram.say('what are your hours');
    const transcripts = new TranscriptLog(bus, 'call-dg');
    await streamSpeech(bus, 'call-dg', await fliteSpeech('What are your hours?'));
    bus.publish(voiceSubjects.control('call-dg'), { type: 'flush', turnId: 'turn-1' });
    const final = await transcripts.waitFor((message) => message.kind === 'final' && message.turnId === 'turn-1');
    expect(final.text).toBe('what are your hours');

    await Promise.all([close('call-dg'), close('call-ps')]);
  });
});
