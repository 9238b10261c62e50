/**
 * What every speech-to-text engine offers the worker: shared resources loaded once per process, and
 * one streaming session per call. Audio in is 16 kHz mono PCM16 in 20 ms frames; results come back
 * through the listener given when the session opens, because engines with their own endpointing
 * (cloud streaming) produce finals without being asked.
 */

/** Sample rate of the audio every session accepts. */
export const STT_SAMPLE_RATE = 16_000;

/** A hypothesis that may still change. */
export interface SttInterim {
  readonly text: string;
  /** Audio of the current utterance the hypothesis covers, in ms. */
  readonly audioMs: number;
}

/** The settled text of one utterance. */
export interface SttFinal {
  readonly text: string;
  /** Where the first and last recognised words lie, in ms from the start of the utterance. */
  readonly speechStartMs: number;
  readonly speechEndMs: number;
  /** Audio the utterance received, in ms. */
  readonly audioMs: number;
  /** Engine time from `endUtterance()` to this result, in ms. */
  readonly finalizeMs: number;
  /**
   * Time the engine spent decoding this utterance, in ms, when it runs in-process (absent for a
   * remote engine); divided by `audioMs` it is the real-time factor.
   */
  readonly processingMs?: number;
}

export interface SttSessionListener {
  /** Called when the hypothesis changes, at most once per `interimIntervalMs` of audio. */
  onInterim(interim: SttInterim): void;
  /** Called once per utterance that contained words; an utterance of silence yields nothing. */
  onFinal(final: SttFinal): void;
  /** Called when the session fails while processing audio; the session accepts nothing after. */
  onError(error: SttError): void;
}

export interface SttSessionOptions {
  /** Minimum audio between two interim results, in ms. */
  readonly interimIntervalMs?: number;
  /** The rate the audio had before it was resampled to 16 kHz (8000: telephone audio); 16000 when not given. */
  readonly sourceRate?: number;
}

export interface SttSession {
  /** Queues one frame of 16 kHz mono PCM16. The frame is copied, so the caller may reuse it. */
  write(frame: Int16Array): void;
  /**
   * Ends the current utterance: audio written before this call is decoded, the final (if any) is
   * delivered to `onFinal`, then the promise settles. Audio written after starts the next utterance.
   */
  endUtterance(): Promise<void>;
  /** Abandons any open utterance and frees the session's engine resources. */
  close(): Promise<void>;
}

export interface SttProvider {
  readonly name: string;
  /** Loads what all sessions share (libraries, models). Call once per worker before opening sessions. */
  load(): Promise<void>;
  openSession(listener: SttSessionListener, options?: SttSessionOptions): SttSession;
  /** Frees shared resources; sessions still open are closed first. */
  close(): Promise<void>;
}

/**
 * Provider-independent failure kinds. `retryable` follows from the kind, so retry policy lives here
 * and nowhere else.
 */
export type SttErrorKind =
  /** Engine or model missing or misconfigured: retrying cannot help. */
  | 'config'
  /** The engine cannot be reached right now (network, process). */
  | 'unavailable'
  /** Capacity reached (decoders, backlog, rate limit). */
  | 'overloaded'
  /** The audio or request was invalid. */
  | 'bad-input'
  /** One engine call failed unexpectedly. */
  | 'engine'
  /** The session or provider was used after close. */
  | 'closed';

const RETRYABLE: Record<SttErrorKind, boolean> = {
  config: false,
  unavailable: true,
  overloaded: true,
  'bad-input': false,
  engine: true,
  closed: false,
};

export class SttError extends Error {
  override readonly name = 'SttError';
  readonly retryable: boolean;

  constructor(
    readonly kind: SttErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = RETRYABLE[kind];
  }
}
