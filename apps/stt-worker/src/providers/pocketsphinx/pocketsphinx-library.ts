import koffi, { type LibraryHandle } from 'koffi';
import { SttError } from '../stt-provider';

/**
 * libpocketsphinx 5prealpha (Debian `libpocketsphinx3`) and its libsphinxbase, bound through koffi.
 * Engine objects are opaque `void *` (bigint) so no koffi type names are registered process-wide.
 */

export type NativePointer = bigint;
export type NativeCallback<T> = (error: unknown, result: T) => void;

const POCKETSPHINX_SO = 'libpocketsphinx.so.3';
const SPHINXBASE_SO = 'libsphinxbase.so.3';

/**
 * The head of sphinxbase's public `feat_t` (sphinxbase/feat.h) up to `cmn_struct`: enough to reach the
 * live cepstral-mean state, which has no accessor of its own.
 */
const FEAT_HEAD = koffi.struct({
  refcount: 'int',
  name: 'void *',
  cepsize: 'int32_t',
  n_stream: 'int32_t',
  stream_len: 'void *',
  window_size: 'int32_t',
  n_sv: 'int32_t',
  sv_len: 'void *',
  subvecs: 'void *',
  sv_buf: 'void *',
  sv_dim: 'int32_t',
  cmn: 'int',
  varnorm: 'int32_t',
  agc: 'int',
  compute_feat: 'void *',
  cmn_struct: 'void *',
});

export interface FeatureHead {
  readonly cepsize: number;
  readonly cmn_struct: NativePointer | null;
}

function bind(ps: LibraryHandle, sb: LibraryHandle) {
  return {
    errSetLogfp: sb.func('void err_set_logfp(void *stream)'),
    cmdLnParse: sb.func(
      'void *cmd_ln_parse_r(void *inout, void *defn, int32_t argc, const char **argv, int32_t strict)',
    ),
    cmnLiveGet: sb.func('void cmn_live_get(void *cmn, float *vec)'),
    cmnLiveSet: sb.func('void cmn_live_set(void *cmn, const float *vec)'),
    psArgs: ps.func('void *ps_args()'),
    psInit: ps.func('void *ps_init(void *config)'),
    psFree: ps.func('int ps_free(void *ps)'),
    psGetFeat: ps.func('void *ps_get_feat(void *ps)'),
    psStartStream: ps.func('int ps_start_stream(void *ps)'),
    psStartUtt: ps.func('int ps_start_utt(void *ps)'),
    psProcessRaw: ps.func(
      'int ps_process_raw(void *ps, const int16_t *data, size_t n_samples, int no_search, int full_utt)',
    ),
    psEndUtt: ps.func('int ps_end_utt(void *ps)'),
    psGetHyp: ps.func('const char *ps_get_hyp(void *ps, void *out_best_score)'),
    psSegIter: ps.func('void *ps_seg_iter(void *ps)'),
    psSegNext: ps.func('void *ps_seg_next(void *seg)'),
    psSegWord: ps.func('const char *ps_seg_word(void *seg)'),
    psSegFrames: ps.func('void ps_seg_frames(void *seg, int *out_sf, int *out_ef)'),
  };
}

type Bindings = ReturnType<typeof bind>;

/** One word of the best path, in 10 ms feature frames. */
export interface WordSpan {
  readonly word: string;
  readonly startFrame: number;
  readonly endFrame: number;
}

export class PocketsphinxLibrary {
  /** Out-parameters of `ps_seg_frames`, reused so reading a final allocates only the result. */
  private readonly startOut = new Int32Array(1);
  private readonly endOut = new Int32Array(1);

  private constructor(private readonly fn: Bindings) {}

  /** Loads the shared libraries and silences the engine's stderr log (process-wide). */
  static open(): PocketsphinxLibrary {
    let fn: Bindings;
    try {
      fn = bind(koffi.load(POCKETSPHINX_SO), koffi.load(SPHINXBASE_SO));
    } catch (cause) {
      throw new SttError('config', `cannot load ${POCKETSPHINX_SO}; install Debian package libpocketsphinx3`, {
        cause,
      });
    }
    fn.errSetLogfp(null);
    return new PocketsphinxLibrary(fn);
  }

  /** `cmd_ln_parse_r` against the decoder's argument table; null when an argument is rejected. */
  parseConfig(args: readonly string[]): NativePointer | null {
    return this.fn.cmdLnParse(null, this.fn.psArgs(), args.length, args, 1);
  }

  /** Builds a decoder on a worker thread; takes ownership of `config` even when it fails. */
  initDecoder(config: NativePointer): Promise<NativePointer | null> {
    return new Promise((resolve, reject) =>
      this.fn.psInit.async(config, (error: unknown, decoder: NativePointer | null) =>
        error ? reject(error) : resolve(decoder),
      ),
    );
  }

  freeDecoder(decoder: NativePointer): Promise<void> {
    return new Promise((resolve, reject) =>
      this.fn.psFree.async(decoder, (error: unknown) => (error ? reject(error) : resolve())),
    );
  }

  startStream(decoder: NativePointer): number {
    return this.fn.psStartStream(decoder);
  }

  startUtterance(decoder: NativePointer): number {
    return this.fn.psStartUtt(decoder);
  }

  /** `ps_process_raw` on a worker thread; `samples` must stay untouched until `done` runs. */
  processRaw(decoder: NativePointer, samples: Int16Array, count: number, done: NativeCallback<number>): void {
    this.fn.psProcessRaw.async(decoder, samples, count, 0, 0, done);
  }

  endUtterance(decoder: NativePointer, done: NativeCallback<number>): void {
    this.fn.psEndUtt.async(decoder, done);
  }

  hypothesis(decoder: NativePointer): string {
    return this.fn.psGetHyp(decoder, null) ?? '';
  }

  /** Every segment of the best path, fillers and silences included. */
  wordSpans(decoder: NativePointer): WordSpan[] {
    const spans: WordSpan[] = [];
    for (let seg = this.fn.psSegIter(decoder); seg; seg = this.fn.psSegNext(seg)) {
      this.fn.psSegFrames(seg, this.startOut, this.endOut);
      spans.push({ word: this.fn.psSegWord(seg), startFrame: this.startOut[0], endFrame: this.endOut[0] });
    }
    return spans;
  }

  featureHead(decoder: NativePointer): FeatureHead {
    return koffi.decode(this.fn.psGetFeat(decoder), FEAT_HEAD);
  }

  cmnGet(cmn: NativePointer, into: Float32Array): void {
    this.fn.cmnLiveGet(cmn, into);
  }

  cmnSet(cmn: NativePointer, from: Float32Array): void {
    this.fn.cmnLiveSet(cmn, from);
  }
}
