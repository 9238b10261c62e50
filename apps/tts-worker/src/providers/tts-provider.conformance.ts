import { dbfs } from '@parley/audio';
import { TTS_SAMPLE_RATE, TtsError, type TtsErrorKind, type TtsProvider, type TtsUsage } from './tts-provider';

export type TtsFailure = 'rejected-credentials' | 'bad-input' | 'rate-limited' | 'vendor-down' | 'connection-lost' | 'timeout' | 'closed';

/** A provider (and voice) whose next synthesis fails the way asked. */
export interface TtsFailing {
  readonly provider: TtsProvider;
  readonly voice?: string;
}

export interface TtsConformanceHarness {
  readonly provider: TtsProvider;
  readonly voice: string;
  fail(failure: TtsFailure): Promise<TtsFailing>;
  /** The failures this provider can meet; the others are checked to be absent from the list only. */
  readonly failures: readonly TtsFailure[];
}

const EXPECTED_FAILURE: Record<TtsFailure, { kind: TtsErrorKind; retryable: boolean }> = {
  'rejected-credentials': { kind: 'config', retryable: false },
  'bad-input': { kind: 'bad-input', retryable: false },
  'rate-limited': { kind: 'overloaded', retryable: true },
  'vendor-down': { kind: 'unavailable', retryable: true },
  'connection-lost': { kind: 'unavailable', retryable: true },
  timeout: { kind: 'timeout', retryable: true },
  closed: { kind: 'closed', retryable: false },
};

const SHORT = 'What are your business hours?';
const LONG = [
  'Thank you for calling the support line of our company.',
  'Your order left the warehouse on Monday and is now with the courier.',
  'It should arrive at your address by Friday afternoon at the latest.',
].join(' ');

interface Heard {
  readonly chunks: Int16Array[];
  readonly usage: TtsUsage[];
  readonly error?: unknown;
  readonly endedAt: number;
}

async function listen(provider: TtsProvider, text: string, voice: string | undefined, signal?: AbortSignal, onChunk?: () => void): Promise<Heard> {
  const chunks: Int16Array[] = [];
  const usage: TtsUsage[] = [];
  try {
    for await (const chunk of provider.synthesize(text, { voice, signal, onUsage: (used) => usage.push(used) })) {
      chunks.push(chunk);
      onChunk?.();
    }
  } catch (error) {
    return { chunks, usage, error, endedAt: performance.now() };
  }
  return { chunks, usage, endedAt: performance.now() };
}

function join(chunks: Int16Array[]): Int16Array {
  const all = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/**
 * What every text-to-speech provider owes the worker, whatever engine runs behind it: one suite, run
 * by each adapter's spec (the embedded flite one and each cloud one against its vendor's fake).
 */
export function describeTtsProviderConformance(name: string, setup: () => Promise<TtsConformanceHarness>, teardown?: () => Promise<void>) {
  describe(`${name}: TTS provider conformance`, () => {
    let harness: TtsConformanceHarness;
    beforeAll(async () => {
      harness = await setup();
    });
    afterAll(async () => teardown?.());

    it('speaks 16 kHz PCM16 as several chunks, audible, as long as the words take', async () => {
      const heard = await listen(harness.provider, SHORT, harness.voice);
      expect(heard.error).toBeUndefined();
      expect(harness.provider.sampleRate).toBe(TTS_SAMPLE_RATE);
      expect(heard.chunks.length).toBeGreaterThan(3);
      expect(heard.chunks.every((chunk) => chunk instanceof Int16Array)).toBe(true);
      const audio = join(heard.chunks);
      // Five words: 0.2 to 0.6 s each, plus the pause an engine may end on.
      const seconds = audio.length / TTS_SAMPLE_RATE;
      expect(seconds).toBeGreaterThan(5 * 0.2);
      expect(seconds).toBeLessThan(5 * 0.6 + 0.8);
      expect(dbfs(audio)).toBeGreaterThan(-40);
    });

    it('streams: the first chunk comes well before a long text is done', async () => {
      const startedAt = performance.now();
      let firstAt = 0;
      const heard = await listen(harness.provider, LONG, harness.voice, undefined, () => (firstAt ||= performance.now()));
      expect(heard.error).toBeUndefined();
      expect(heard.chunks.length).toBeGreaterThan(10);
      expect(firstAt - startedAt).toBeLessThan((heard.endedAt - startedAt) * 0.8);
    });

    it('reports its usage once: the characters spoken and the audio made', async () => {
      const heard = await listen(harness.provider, SHORT, harness.voice);
      expect(heard.usage).toEqual([{ characters: SHORT.length, audioMs: expect.any(Number) }]);
      expect(heard.usage[0].audioMs).toBeCloseTo((join(heard.chunks).length / TTS_SAMPLE_RATE) * 1000, 0);
    });

    it('stops promptly and quietly when its signal aborts mid-stream', async () => {
      const controller = new AbortController();
      let abortedAt = 0;
      let afterAbort = 0;
      const heard = await listen(harness.provider, LONG, harness.voice, controller.signal, () => {
        if (abortedAt) afterAbort++;
        else {
          abortedAt = performance.now();
          controller.abort();
        }
      });
      expect(heard.error).toBeUndefined();
      expect(afterAbort).toBe(0);
      expect(heard.endedAt - abortedAt).toBeLessThan(500);
      expect(heard.usage).toHaveLength(1);
    });

    it('yields nothing for a signal aborted before it starts', async () => {
      const controller = new AbortController();
      controller.abort();
      const heard = await listen(harness.provider, SHORT, harness.voice, controller.signal);
      expect(heard.error).toBeUndefined();
      expect(heard.chunks).toEqual([]);
    });

    it.each(Object.keys(EXPECTED_FAILURE) as TtsFailure[])('fails as a TtsError with the right kind and retry flag (%s)', async (failure) => {
      if (!harness.failures.includes(failure)) return expect(harness.failures).not.toContain(failure);
      const failing = await harness.fail(failure);
      const heard = await listen(failing.provider, SHORT, failing.voice ?? harness.voice);
      expect(heard.error).toBeInstanceOf(TtsError);
      expect(heard.error).toMatchObject(EXPECTED_FAILURE[failure]);
    });
  });
}
