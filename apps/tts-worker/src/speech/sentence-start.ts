import { TtsError } from '../providers/tts-provider';

export interface SentenceStart {
  /** Given to the speaker: called at the first frame, or with the failure before any audio. */
  readonly settle: (failure?: unknown) => void;
  /** The failure, or undefined once audio flows or `waitMs` passed without news. */
  readonly settled: Promise<unknown>;
}

/** Waits for a sentence's first audio, at most `waitMs` (0: not at all). */
export function waitForStart(waitMs: number): SentenceStart {
  let settle: (failure?: unknown) => void = () => undefined;
  const settled = new Promise<unknown>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    settle = (failure?: unknown) => {
      clearTimeout(timer);
      resolve(failure);
    };
  });
  return { settle, settled };
}

/** The TTS_ERROR message: which engine, the failure kind and whether trying again may help. */
export function startFailure(provider: string, failure: unknown): string {
  if (!(failure instanceof TtsError)) return `the ${provider} voice failed`;
  return `the ${provider} voice failed (${failure.kind}, ${failure.retryable ? 'retryable' : 'not retryable'}): ${failure.message}`;
}
