import { SttError, type SttErrorKind, type SttProvider } from './stt-provider';
import { fliteSpeech } from './testing/flite-speech';
import { SessionRecorder, streamFrames } from './testing/session-recorder';
import { wordErrorRate } from './testing/word-error-rate';

export type SttFailure = 'rejected-credentials' | 'connection-lost';

export interface SttConformanceHarness {
  readonly provider: SttProvider;
  /** Tells the engine behind the provider what the next utterance says (a real engine needs no telling). */
  arrange(said: string): void;
  /** Makes the next session (or the open ones) fail this way; providers list the failures they can meet. */
  fail(failure: SttFailure): Promise<SttProvider>;
  readonly failures: readonly SttFailure[];
}

const EXPECTED_FAILURE: Record<SttFailure, { kind: SttErrorKind; retryable: boolean }> = {
  'rejected-credentials': { kind: 'config', retryable: false },
  'connection-lost': { kind: 'unavailable', retryable: true },
};

const PROMPT = 'What are your business hours';

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * What every speech-to-text provider owes the worker, whatever engine runs behind it: one suite,
 * run by each adapter's spec with flite speech as the caller.
 */
export function describeSttProviderConformance(name: string, setup: () => Promise<SttConformanceHarness>, teardown?: () => Promise<void>) {
  describe(`${name}: STT provider conformance`, () => {
    let harness: SttConformanceHarness;
    let speech: Int16Array;
    beforeAll(async () => {
      [harness, speech] = await Promise.all([setup(), fliteSpeech(PROMPT)]);
    });
    afterAll(async () => teardown?.());

    /** One whole utterance through a fresh session, ended and closed: what the provider reported. */
    async function transcribe(audio: Int16Array): Promise<SessionRecorder> {
      const recorder = new SessionRecorder();
      const session = harness.provider.openSession(recorder);
      await streamFrames(session, audio);
      await session.endUtterance();
      await session.close();
      return recorder;
    }

    it('streams interim hypotheses, then one final for the utterance when it ends', async () => {
      harness.arrange(PROMPT);
      const recorder = await transcribe(speech);

      const types = recorder.events.map((event) => event.type);
      expect(types.filter((type) => type === 'interim').length).toBeGreaterThan(0);
      expect(types.at(-1)).toBe('final');
      expect(recorder.finals).toHaveLength(1);
      expect(wordErrorRate([{ reference: PROMPT, hypothesis: recorder.finals[0].text }])).toBeLessThan(0.25);
      expect(recorder.errors).toEqual([]);
    });

    it('reports the audio each final covers (the usage figure)', async () => {
      harness.arrange(PROMPT);
      const recorder = await transcribe(speech);
      expect(recorder.finals[0].audioMs).toBeCloseTo((speech.length / 16_000) * 1000, -1);
      expect(recorder.finals[0].finalizeMs).toBeGreaterThanOrEqual(0);
    });

    it('yields no final for an utterance of silence', async () => {
      const recorder = await transcribe(new Int16Array(16_000));
      expect(recorder.finals).toEqual([]);
      expect(recorder.errors).toEqual([]);
    });

    it('stops at close: no final for the abandoned utterance, and a closed error after', async () => {
      harness.arrange(PROMPT);
      const recorder = new SessionRecorder();
      const session = harness.provider.openSession(recorder);
      await streamFrames(session, speech.subarray(0, speech.length / 2));
      await session.close();
      await expect(session.endUtterance()).rejects.toMatchObject({ kind: 'closed', retryable: false });
      expect(recorder.finals).toEqual([]);
    });

    it.each(Object.keys(EXPECTED_FAILURE) as SttFailure[])('reports a failing engine (%s) once, with the right retry flag', async (failure) => {
      if (!harness.failures.includes(failure)) return expect(harness.failures).not.toContain(failure);
      harness.arrange(PROMPT);
      const recorder = new SessionRecorder();
      const provider = await harness.fail(failure);
      const session = provider.openSession(recorder);
      await streamFrames(session, speech);
      await until(() => recorder.errors.length > 0);
      await session.close();
      expect(recorder.errors).toHaveLength(1);
      expect(recorder.errors[0]).toBeInstanceOf(SttError);
      expect(recorder.errors[0]).toMatchObject(EXPECTED_FAILURE[failure]);
    });
  });
}
