/**
 * What every text-to-speech engine offers the worker: text in, 16 kHz mono PCM16 out as a stream of
 * chunks, so playback starts before the whole reply is rendered and a barge-in stops it mid-sentence.
 */

/** Sample rate of every chunk a provider yields. */
export const TTS_SAMPLE_RATE = 16_000;

/** The agent's voice settings beyond its id (ElevenLabs `voice_settings`, model); offline engines ignore them. */
export interface TtsVoiceTuning {
  readonly model?: string;
  readonly speed?: number;
  readonly stability?: number;
  readonly similarityBoost?: number;
  readonly style?: number;
  readonly useSpeakerBoost?: boolean;
}

/** What one synthesis cost: the characters sent to the engine (what cloud vendors bill) and the audio made. */
export interface TtsUsage {
  readonly characters: number;
  readonly audioMs: number;
}

export interface TtsSynthesisOptions {
  /** A voice from `provider.voices` (any vendor id when `provider.anyVoice`); the provider's default when absent. */
  readonly voice?: string;
  readonly tuning?: TtsVoiceTuning;
  /** Called once when the stream ends, completed or aborted, if the engine was asked to speak. */
  readonly onUsage?: (usage: TtsUsage) => void;
  /** Aborting ends the stream before its next chunk, without an error: an interruption is not a failure. */
  readonly signal?: AbortSignal;
  /** Duration of each chunk, in ms (the last chunk of a sentence may be shorter). */
  readonly chunkMs?: number;
}

export interface TtsProvider {
  readonly name: string;
  readonly sampleRate: number;
  /** Voices this installation can speak with (known after `load()`). */
  readonly voices: readonly string[];
  /** True when voices are the vendor's ids, not a fixed list: any id is passed to the vendor as it is. */
  readonly anyVoice?: boolean;
  readonly defaultVoice: string;
  /** Loads the engine and its voices once per worker. */
  load(): Promise<void>;
  /**
   * Streams `text` as PCM16 chunks. Each chunk is a view the provider never writes again, so the consumer
   * may keep it. Errors are `TtsError`s.
   */
  synthesize(text: string, options?: TtsSynthesisOptions): AsyncIterable<Int16Array>;
  /** Stops accepting text and waits for engine work in flight. */
  close(): Promise<void>;
}

/**
 * Provider-independent failure kinds. `retryable` follows from the kind, so retry policy lives here and
 * nowhere else.
 */
export type TtsErrorKind =
  /** Engine or voice missing or misconfigured: retrying cannot help. */
  | 'config'
  /** The engine cannot be reached right now (network, process). */
  | 'unavailable'
  /** Capacity reached (queue full, rate limit). */
  | 'overloaded'
  /** The text or voice asked for cannot be spoken. */
  | 'bad-input'
  /** One engine call failed unexpectedly. */
  | 'engine'
  /** The engine gave no audio in time. */
  | 'timeout'
  /** The provider was used after close. */
  | 'closed';

const RETRYABLE: Record<TtsErrorKind, boolean> = {
  config: false,
  unavailable: true,
  overloaded: true,
  'bad-input': false,
  engine: true,
  timeout: true,
  closed: false,
};

export class TtsError extends Error {
  override readonly name = 'TtsError';
  readonly retryable: boolean;

  constructor(
    readonly kind: TtsErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = RETRYABLE[kind];
  }
}
