import type { AudioFrameHeaders } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { Counter, Histogram, Registry } from 'prom-client';
import { TtsError } from '../providers/tts-provider';
import { type Sentence, type SpeakerDeps, speakSentence } from './sentence-speaker';

const SENTENCE: Sentence = { callId: 'c1', turnId: 't1', sentenceIndex: 2, text: 'Hello.', voice: 'slt', receivedAt: 0 };

/** A stand-in engine: yields `frames` 20 ms chunks of a constant, then fails if told to. */
function engine(frames: number, failure?: TtsError) {
  return {
    async *synthesize(_text: string, options: { signal?: AbortSignal } = {}): AsyncGenerator<Int16Array> {
      for (let i = 0; i < frames; i++) {
        if (options.signal?.aborted) return;
        yield new Int16Array(320).fill(1000);
      }
      if (failure) throw failure;
    },
  };
}

function speakerWith(provider: SpeakerDeps['provider']) {
  const sent: Array<AudioFrameHeaders & { silent: boolean; bytes: number }> = [];
  const registers = [new Registry()];
  const deps: SpeakerDeps = {
    bus: {
      publishAudio: (_subject, frame, headers) => {
        sent.push({ ...headers, bytes: frame.byteLength, silent: frame.every((byte) => byte === 0) });
      },
    },
    provider,
    metrics: {
      timeToFirstFrame: new Histogram({ name: 'ttff', help: 'h', registers }),
      framesSent: new Counter({ name: 'frames', help: 'h', registers }),
      sentences: new Counter({ name: 'sentences', help: 'h', labelNames: ['outcome'], registers }),
    },
    logger: createLogger({ service: 'spec', level: 'silent' }),
  };
  return { deps, sent };
}

describe('speakSentence', () => {
  it('numbers the frames from 0 with the turn and sentence, marking only the last', async () => {
    const { deps, sent } = speakerWith(engine(3));
    await speakSentence(SENTENCE, new AbortController().signal, deps);
    expect(sent.map(({ seq, turnId, sentenceIndex, last }) => ({ seq, turnId, sentenceIndex, last }))).toEqual([
      { seq: 0, turnId: 't1', sentenceIndex: 2, last: undefined },
      { seq: 1, turnId: 't1', sentenceIndex: 2, last: undefined },
      { seq: 2, turnId: 't1', sentenceIndex: 2, last: true },
    ]);
  });

  it('ends a sentence the engine fails on with a silent last frame, so the gateway moves on', async () => {
    const { deps, sent } = speakerWith(engine(5, new TtsError('engine', 'flite crashed')));
    await speakSentence(SENTENCE, new AbortController().signal, deps);
    expect(sent.filter((frame) => frame.last)).toHaveLength(1);
    expect(sent.at(-1)).toMatchObject({ seq: sent.length - 1, last: true, silent: true, bytes: 640 });
    expect(sent.slice(0, -1).every((frame) => !frame.silent)).toBe(true);
  });

  it('sends one silent last frame for text with nothing to say', async () => {
    const { deps, sent } = speakerWith(engine(0));
    await speakSentence(SENTENCE, new AbortController().signal, deps);
    expect(sent).toEqual([expect.objectContaining({ seq: 0, last: true, silent: true })]);
  });

  it('sends nothing once aborted, not even a last frame', async () => {
    const controller = new AbortController();
    const { deps, sent } = speakerWith(engine(100));
    const speaking = speakSentence(SENTENCE, controller.signal, deps);
    controller.abort();
    await speaking;
    expect(sent.length).toBeLessThan(100);
    expect(sent.some((frame) => frame.last)).toBe(false);
  });
});
