import { TTS_SAMPLE_RATE, TtsError, TtsProvider, TtsSynthesisOptions } from '../tts-provider';
import { FliteLibrary, VoicePointer, Wave } from './flite-library';
import { skipLeadingSilence } from './leading-silence';
import { SerialQueue } from './serial-queue';
import { splitForSpeech } from './speech-text';

export interface FliteOptions {
  /** Voices to register when installed; all four are native 16 kHz (`kal` is 8 kHz and left out). */
  readonly voices?: readonly string[];
  readonly defaultVoice?: string;
  /** Longest piece rendered at once; flite needs about 1 ms per character before any audio. */
  readonly maxPieceChars?: number;
  /** Pieces that may wait for the engine before new work is refused as overloaded. */
  readonly maxQueuedPieces?: number;
}

const DEFAULTS: Required<FliteOptions> = {
  voices: ['slt', 'rms', 'awb', 'kal16'],
  defaultVoice: 'slt',
  maxPieceChars: 100,
  maxQueuedPieces: 32,
};

const SAMPLES_PER_MS = TTS_SAMPLE_RATE / 1000;
const DEFAULT_CHUNK_MS = 20;
/** Lead-in kept before the first loud sample of a reply. */
const LEAD_IN_SAMPLES = 30 * SAMPLES_PER_MS;

/**
 * Embedded speech: libflite in-process. Text is cut into sentences (long ones at clauses), each rendered
 * on a koffi worker thread while the previous one streams out, so the first audio waits for the first
 * piece only, and an abort takes effect within one chunk.
 */
export class FliteProvider implements TtsProvider {
  readonly name = 'flite';
  readonly sampleRate = TTS_SAMPLE_RATE;
  readonly defaultVoice: string;
  private readonly options: Required<FliteOptions>;
  private readonly queue: SerialQueue;
  private readonly registered = new Map<string, VoicePointer>();
  private library: FliteLibrary | null = null;
  private closed = false;

  constructor(options: FliteOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.defaultVoice = this.options.defaultVoice;
    this.queue = new SerialQueue(this.options.maxQueuedPieces);
  }

  get voices(): readonly string[] {
    return [...this.registered.keys()];
  }

  async load(): Promise<void> {
    if (this.library) return;
    const library = FliteLibrary.open();
    for (const name of this.options.voices) {
      const voice = library.registerVoice(name);
      if (voice) this.registered.set(name, voice);
    }
    if (!this.registered.has(this.defaultVoice)) {
      throw new TtsError('config', `flite voice ${this.defaultVoice} is not installed; install Debian package libflite1`);
    }
    // The first rendering per voice pays one-off set-up; doing it here also proves the promised format.
    for (const [name, voice] of this.registered) checkFormat(name, await library.textToWave('Hello.', voice));
    this.library = library;
  }

  synthesize(text: string, options: TtsSynthesisOptions = {}): AsyncIterable<Int16Array> {
    return this.stream(text, options);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.drain();
  }

  private async *stream(text: string, options: TtsSynthesisOptions): AsyncGenerator<Int16Array> {
    const { library, voice } = this.resolve(options.voice);
    const { signal } = options;
    const chunk = Math.max(1, Math.round((options.chunkMs ?? DEFAULT_CHUNK_MS) * SAMPLES_PER_MS));
    const pieces = splitForSpeech(text, this.options.maxPieceChars);
    let samples = 0;
    try {
      let next = pieces.length > 0 ? this.render(library, pieces[0], voice, signal) : null;
      for (let i = 0; next; i++) {
        const rendered = await untilAborted(next, signal);
        if (!rendered) return;
        // Render the next piece while this one streams out.
        next = i + 1 < pieces.length ? this.render(library, pieces[i + 1], voice, signal) : null;
        const audio = i === 0 ? skipLeadingSilence(rendered, LEAD_IN_SAMPLES) : rendered;
        for (let at = 0; at < audio.length; at += chunk) {
          if (signal?.aborted) return;
          const piece = audio.subarray(at, at + chunk);
          samples += piece.length;
          yield piece;
        }
      }
    } finally {
      if (pieces.length > 0) options.onUsage?.({ characters: text.length, audioMs: samples / SAMPLES_PER_MS });
    }
  }

  private resolve(name: string | undefined): { library: FliteLibrary; voice: VoicePointer } {
    if (this.closed) throw new TtsError('closed', 'the flite provider is closed');
    if (!this.library) throw new TtsError('config', 'flite is not loaded; call load() first');
    const voiceName = name ?? this.defaultVoice;
    const voice = this.registered.get(voiceName);
    if (!voice) throw new TtsError('bad-input', `unknown flite voice ${voiceName}; have ${this.voices.join(', ')}`);
    return { library: this.library, voice };
  }

  /** Queues one piece; skipped if the stream was aborted before its turn came. */
  private render(
    library: FliteLibrary,
    piece: string,
    voice: VoicePointer,
    signal: AbortSignal | undefined,
  ): Promise<Int16Array | null> {
    const rendered = this.queue.run(async () => (signal?.aborted ? null : (await library.textToWave(piece, voice)).samples));
    // Marked handled so a failure while the consumer is busy elsewhere is not an unhandled rejection;
    // the stream still receives it when it awaits this piece.
    rendered.catch(() => undefined);
    return rendered;
  }
}

function checkFormat(name: string, wave: Wave): void {
  if (wave.sampleRate !== TTS_SAMPLE_RATE || wave.channels !== 1) {
    throw new TtsError('config', `flite voice ${name} renders ${wave.sampleRate} Hz x${wave.channels}, not 16 kHz mono`);
  }
}

/** Settles with the work's result, or with null as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
