import type { AudioFrameHeaders } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { Counter, Histogram, Registry } from 'prom-client';
import { TtsError } from '../providers/tts-provider';
import { type Sentence, type SpeakerDeps, speakSentence } from './sentence-speaker';

const SENTENCE = { callId: 'c1', turnId: 't1', sentenceIndex: 2, text: 'Hello.', voice: 'slt', receivedAt: 0 };

/** A stand-in engine: yields `frames` 20 ms chunks of a constant, then fails if told to. */
function engine(frames: number, failure?: TtsError): Sentence['provider'] {
  return {
    name: 'stand-in',
    async *synthesize(_text: string, options: { signal?: AbortSignal } = {}): AsyncGenerator<Int16Array> {
      for (let i = 0; i < frames; i++) {
        if (options.signal?.aborted) return;
        yield new Int16Array(320).fill(1000);
      }
      if (failure) throw failure;
    },
  };
}

function speakerWith(provider: Sentence['provider'], onStart?: Sentence['onStart']) {
  const sent: Array<AudioFrameHeaders & { silent: boolean; bytes: number }> = [];
  const registers = [new Registry()];
  const deps: SpeakerDeps = {
    bus: {
      publishAudio: (_subject, frame, headers) => {
        sent.push({ ...headers, bytes: frame.byteLength, silent: frame.every((byte) => byte === 0) });
      },
    },
    metrics: {
      timeToFirstFrame: new Histogram({ name: 'ttff', help: 'h', registers }),
      framesSent: new Counter({ name: 'frames', help: 'h', registers }),
      sentences: new Counter({ name: 'sentences', help: 'h', labelNames: ['outcome'], registers }),
      characters: new Counter({ name: 'characters', help: 'h', labelNames: ['provider'], registers }),
    },
    logger: createLogger({ service: 'spec', level: 'silent' }),
  };
  const sentence: Sentence = { ...SENTENCE, provider, onStart };
  return { deps, sent, sentence };
}

describe('speakSentence', () => {
  it('numbers the frames from 0 with the turn and sentence, marking only the last', async () => {
    const { deps, sent, sentence } = speakerWith(engine(3));
    await speakSentence(sentence, new AbortController().signal, deps);
    expect(sent.map(({ seq, turnId, sentenceIndex, last }) => ({ seq, turnId, sentenceIndex, last }))).toEqual([
      { seq: 0, turnId: 't1', sentenceIndex: 2, last: undefined },
      { seq: 1, turnId: 't1', sentenceIndex: 2, last: undefined },
      { seq: 2, turnId: 't1', sentenceIndex: 2, last: true },
    ]);
  });

  it('ends a sentence the engine fails on with a silent last frame, so the gateway moves on', async () => {
    const { deps, sent, sentence } = speakerWith(engine(5, new TtsError('engine', 'flite crashed')));
    await speakSentence(sentence, new AbortController().signal, deps);
    expect(sent.filter((frame) => frame.last)).toHaveLength(1);
    expect(sent.at(-1)).toMatchObject({ seq: sent.length - 1, last: true, silent: true, bytes: 640 });
    expect(sent.slice(0, -1).every((frame) => !frame.silent)).toBe(true);
  });

  it('sends one silent last frame for text with nothing to say', async () => {
    const { deps, sent, sentence } = speakerWith(engine(0));
    await speakSentence(sentence, new AbortController().signal, deps);
    expect(sent).toEqual([expect.objectContaining({ seq: 0, last: true, silent: true })]);
  });

  it('sends nothing once aborted, not even a last frame', async () => {
    const controller = new AbortController();
    const { deps, sent, sentence } = speakerWith(engine(100));
    const speaking = speakSentence(sentence, controller.signal, deps);
    controller.abort();
    await speaking;
    expect(sent.length).toBeLessThan(100);
    expect(sent.some((frame) => frame.last)).toBe(false);
  });

  it('tells its start once: at the first frame, or with the failure when the engine fails before any audio', async () => {
    const starts: unknown[] = [];
    const spoken = speakerWith(engine(3), (failure) => starts.push(failure ?? 'audio'));
    await speakSentence(spoken.sentence, new AbortController().signal, spoken.deps);
    const failure = new TtsError('overloaded', 'rate limited');
    const failed = speakerWith(engine(0, failure), (err) => starts.push(err ?? 'audio'));
    await speakSentence(failed.sentence, new AbortController().signal, failed.deps);
    expect(starts).toEqual(['audio', failure]);
  });

  it('counts the characters its engine reports', async () => {
    const provider: Sentence['provider'] = {
      name: 'counted',
      async *synthesize(text, options) {
        yield new Int16Array(320);
        options?.onUsage?.({ characters: text.length, audioMs: 20 });
      },
    };
    const { deps, sentence } = speakerWith(provider);
    await speakSentence(sentence, new AbortController().signal, deps);
    expect((await deps.metrics.characters.get()).values).toEqual([{ labels: { provider: 'counted' }, value: 'Hello.'.length }]);
  });
});
