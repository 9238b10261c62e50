import type { VadEvent } from '@parley/audio';

export type { VadEvent };

/**
 * One frame's verdict: the transition it completes, if any, and whether the frame itself held
 * voice. `voiced` differs from "in speech": the hangover frames after the last word are still
 * speech but not voice, and must not make a "mhm" last longer.
 */
export type VadVerdictListener = (event: VadEvent | null, voiced: boolean) => void;

/**
 * What the call loop needs from a voice activity detector, so the neural (Silero) VAD and the
 * energy one are interchangeable. A detector may decide later than it is handed a frame
 * (Silero's inference is asynchronous), so verdicts come through a listener, one per frame
 * and in frame order, never two of one stream at the same time.
 */
export interface Vad {
  /** Silence (ms) the detector waits before it reports `speech-end`. */
  readonly hangoverMs: number;
  /** One 20 ms frame; copied at once, so the caller may reuse the buffer. */
  process(frame: Int16Array): void;
  /** No verdict after this; frames still queued are dropped. */
  close(): void;
}

export type VadKind = 'silero' | 'energy';

/** Makes one detector per call; the model behind it (if any) is loaded once per process. */
export interface VadFactory {
  /** What the factory really makes: `energy` when Silero was asked for but could not load. */
  readonly kind: VadKind;
  create(onVerdict: VadVerdictListener): Vad;
}
