import { Bus } from '@parley/bus';
import { rpcSubjects, type TtsSynthesizeRequest, voiceSubjects } from '@parley/contracts';
import { uniqueNamespace } from '@parley/testing';
import { SpeechCalls } from '../src/speech/speech-calls';
import { AudioOutLog, connectClient, type RunningWorker, startWorker } from './support/tts-harness';

const SHORT = 'What are your business hours?';
const LONG = [
  'Thank you for calling the support line of our company.',
  'Your order left the warehouse on Monday and is now with the courier.',
  'It should arrive at your address by Friday afternoon at the latest.',
  'If it does not, please call us again and quote your order number.',
].join(' ');

describe('tts-worker over the bus', () => {
  const namespace = uniqueNamespace('tts-worker');
  let worker: RunningWorker;
  let bus: Bus;
  let call = 0;
  const nextCallId = () => `call-${++call}`;

  beforeAll(async () => {
    [worker, bus] = await Promise.all([startWorker(namespace, { TTS_MAX_PENDING_SENTENCES: '4' }), connectClient(namespace)]);
  });

  afterAll(async () => {
    await bus?.drain();
    await worker?.app.close();
  });

  const synthesize = (callId: string, turnId: string, sentenceIndex: number, text: string, voiceId = 'slt') => {
    const request: TtsSynthesizeRequest = {
      callId,
      turnId,
      sentenceIndex,
      text,
      voice: { provider: 'flite', voiceId },
      sampleRate: 16000,
    };
    return bus.request(rpcSubjects.ttsSynthesize, request, { timeoutMs: 3_000 });
  };

  it('is ready once the voices are loaded and NATS answers', async () => {
    const res = await fetch(`${worker.base}/readyz`);
    expect(res.status).toBe(200);
  });

  it('streams a sentence as 640-byte frames in order, the last one marked, lasting as long as speech takes', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    const sentAt = performance.now();
    await expect(synthesize(callId, 't1', 0, SHORT)).resolves.toEqual({ turnId: 't1', sentenceIndex: 0, accepted: true });
    await audio.until((frames) => frames.some((frame) => frame.last));

    const frames = audio.frames;
    expect(frames.every((frame) => frame.bytes === 640 && frame.turnId === 't1' && frame.sentenceIndex === 0)).toBe(true);
    expect(frames.map((frame) => frame.seq)).toEqual(frames.map((_, i) => i));
    expect(frames.filter((frame) => frame.last).map((frame) => frame.seq)).toEqual([frames.length - 1]);
    // Five words: a fast talker needs 0.2 s a word, a slow one 0.6 s, plus the pause flite ends on.
    const seconds = (frames.length * 20) / 1000;
    expect(seconds).toBeGreaterThan(5 * 0.2);
    expect(seconds).toBeLessThan(5 * 0.6 + 0.5);
    // As fast as produced: the whole sentence arrives well before it would finish playing.
    expect(frames[frames.length - 1].at - sentAt).toBeLessThan(seconds * 1000);
    expect(frames[0].at - sentAt).toBeLessThan(1_000);
  });

  it('stops a turn at its interrupt, and drops its later sentences', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    await synthesize(callId, 't1', 0, LONG);
    await audio.until((frames) => frames.length >= 5);
    bus.publish(voiceSubjects.control(callId), { type: 'interrupt', turnId: 't1' });
    await bus.ping();
    const interruptedAt = performance.now();
    await synthesize(callId, 't1', 1, SHORT);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(audio.frames.some((frame) => frame.last)).toBe(false);
    expect(audio.of('t1', 1)).toEqual([]);
    // Once the worker reads the interrupt it sends nothing more; before that, one burst may be on its way.
    expect(audio.frames.filter((frame) => frame.at > interruptedAt).length).toBeLessThanOrEqual(20);
    // The paragraph lasts about 15 s; an uninterrupted render would have sent hundreds of frames by now.
    expect(audio.frames.length).toBeLessThan(400);
  });

  it('speaks the next turn after an interrupted one', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    await synthesize(callId, 't1', 0, LONG);
    await audio.until((frames) => frames.length > 0);
    bus.publish(voiceSubjects.control(callId), { type: 'interrupt', turnId: 't1' });
    await synthesize(callId, 't2', 0, SHORT);
    await audio.until((frames) => frames.some((frame) => frame.turnId === 't2' && frame.last));
  });

  it('sends the sentences of a turn in the order they were requested', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    await Promise.all([synthesize(callId, 't1', 0, LONG), synthesize(callId, 't1', 1, SHORT)]);
    await audio.until((frames) => frames.filter((frame) => frame.last).length === 2, 10_000);

    const order = audio.frames.map((frame) => frame.sentenceIndex);
    const firstOfSecond = order.indexOf(1);
    expect(firstOfSecond).toBeGreaterThan(0);
    expect(order.slice(0, firstOfSecond).every((index) => index === 0)).toBe(true);
    expect(order.slice(firstOfSecond).every((index) => index === 1)).toBe(true);
    expect(audio.of('t1', 1).map((frame) => frame.seq)).toEqual(audio.of('t1', 1).map((_, i) => i));
  });

  it('speaks with the default voice when the requested one is not installed', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    await synthesize(callId, 't1', 0, SHORT, 'no-such-voice');
    await audio.until((frames) => frames.some((frame) => frame.last));
    expect(audio.frames.length).toBeGreaterThan(50);
  });

  it('stops and forgets the call when it ends', async () => {
    const callId = nextCallId();
    const audio = new AudioOutLog(bus, callId);
    await synthesize(callId, 't1', 0, LONG);
    await audio.until((frames) => frames.length > 0);
    bus.publish(voiceSubjects.control(callId), { type: 'end', reason: 'HANGUP' });
    await bus.ping();
    const endedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(audio.frames.filter((frame) => frame.at > endedAt).length).toBeLessThanOrEqual(20);
    expect(audio.frames.some((frame) => frame.last)).toBe(false);
    expect(worker.app.get(SpeechCalls).size).toBeLessThan(call);
  });

  it('refuses sentences beyond its capacity as retryable TTS_ERROR', async () => {
    const callId = nextCallId();
    const replies = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => synthesize(callId, 't1', i, LONG)));
    const refused = replies.filter((reply) => reply.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'TTS_ERROR', retryable: true });
    bus.publish(voiceSubjects.control(callId), { type: 'interrupt', turnId: 't1' });
  });
});
