import { SttError } from '../stt-provider';
import { NativeCallback, NativePointer, PocketsphinxLibrary } from './pocketsphinx-library';

/** pocketsphinx computes one feature frame per 10 ms (its default `-frate 100`, which we keep). */
const FRAME_MS = 10;

/** Cepstral vectors are a few dozen floats; anything else means the struct layout is not the one we know. */
const MAX_CEPSTRUM = 64;

export interface SpeechSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** Fillers and sentence markers: `<s>`, `</s>`, `<sil>`, `[NOISE]`, `(NULL)`. */
function isFiller(word: string): boolean {
  return word.startsWith('<') || word.startsWith('[') || word.startsWith('(');
}

/**
 * One pocketsphinx decoder: about 90 MB of private model state, serving one utterance stream at a time.
 * Calls must not overlap: the owner waits for each callback before the next call.
 */
export class PocketsphinxDecoder {
  private constructor(
    private readonly lib: PocketsphinxLibrary,
    private readonly pointer: NativePointer,
    private readonly cmn: { readonly state: NativePointer; readonly initial: Float32Array } | null,
  ) {}

  /** Parses `args`, then loads the models on a worker thread (0.2–0.6 s). */
  static async create(lib: PocketsphinxLibrary, args: readonly string[]): Promise<PocketsphinxDecoder> {
    const config = lib.parseConfig(args);
    if (!config) throw new SttError('config', 'pocketsphinx rejected its arguments');
    const pointer = await lib.initDecoder(config);
    if (!pointer) throw new SttError('config', 'pocketsphinx could not load its acoustic model, dictionary or language model');
    return new PocketsphinxDecoder(lib, pointer, PocketsphinxDecoder.snapshotCmn(lib, pointer));
  }

  /**
   * Live cepstral mean normalisation adapts to the channel across utterances. A pooled decoder would
   * carry one caller's channel into the next call, so we keep the model's initial estimate to restore.
   */
  private static snapshotCmn(lib: PocketsphinxLibrary, pointer: NativePointer) {
    const head = lib.featureHead(pointer);
    if (!head.cmn_struct || head.cepsize < 1 || head.cepsize > MAX_CEPSTRUM) return null;
    const initial = new Float32Array(head.cepsize);
    lib.cmnGet(head.cmn_struct, initial);
    return { state: head.cmn_struct, initial };
  }

  /**
   * Prepares the decoder for a new call: forgets the channel the previous call taught the feature
   * normaliser, and restarts the stream clock that word timings count from.
   */
  startStream(): void {
    if (this.cmn) this.lib.cmnSet(this.cmn.state, this.cmn.initial);
    if (this.lib.startStream(this.pointer) < 0) throw new SttError('engine', 'pocketsphinx could not start a stream');
  }

  startUtterance(): void {
    if (this.lib.startUtterance(this.pointer) < 0) throw new SttError('engine', 'pocketsphinx could not start an utterance');
  }

  process(samples: Int16Array, count: number, done: NativeCallback<number>): void {
    this.lib.processRaw(this.pointer, samples, count, done);
  }

  endUtterance(done: NativeCallback<number>): void {
    this.lib.endUtterance(this.pointer, done);
  }

  hypothesis(): string {
    return this.lib.hypothesis(this.pointer);
  }

  /** Where the words of the best path lie, in ms since `startStream()`, or null when it holds no words. */
  speechSpan(): SpeechSpan | null {
    const words = this.lib.wordSpans(this.pointer).filter((span) => !isFiller(span.word));
    if (words.length === 0) return null;
    return { startMs: words[0].startFrame * FRAME_MS, endMs: (words[words.length - 1].endFrame + 1) * FRAME_MS };
  }

  free(): Promise<void> {
    return this.lib.freeDecoder(this.pointer);
  }
}
