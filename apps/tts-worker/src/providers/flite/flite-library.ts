import koffi, { type LibraryHandle } from 'koffi';
import { TtsError } from '../tts-provider';

/**
 * libflite 2.2 (Debian `libflite1`) bound through koffi. Voices are opaque `void *` (bigint) so no
 * koffi type names are registered process-wide.
 */

export type VoicePointer = bigint;

const FLITE_SO = 'libflite.so.1';

/** `cst_wave` from flite/cst_wave.h. */
const CST_WAVE = koffi.struct({
  type: 'void *',
  sample_rate: 'int',
  num_samples: 'int',
  num_channels: 'int',
  samples: 'void *',
});

interface CstWave {
  readonly sample_rate: number;
  readonly num_samples: number;
  readonly num_channels: number;
  readonly samples: bigint | null;
}

/** A rendered utterance, copied out of flite's memory. */
export interface Wave {
  readonly sampleRate: number;
  readonly channels: number;
  readonly samples: Int16Array;
}

function bind(flite: LibraryHandle) {
  return {
    init: flite.func('int flite_init()'),
    textToWave: flite.func('void *flite_text_to_wave(const char *text, void *voice)'),
    deleteWave: flite.func('void delete_wave(void *wave)'),
  };
}

type Bindings = ReturnType<typeof bind>;

export class FliteLibrary {
  /**
   * A voice's data lives inside its shared library, and koffi unloads a library once its handle is
   * garbage collected, which crashed the next synthesis with that voice: the handles stay referenced here.
   */
  private readonly voiceLibraries: LibraryHandle[] = [];

  private constructor(private readonly fn: Bindings) {}

  static open(): FliteLibrary {
    let fn: Bindings;
    try {
      fn = bind(koffi.load(FLITE_SO));
    } catch (cause) {
      throw new TtsError('config', `cannot load ${FLITE_SO}; install Debian package libflite1`, { cause });
    }
    fn.init();
    return new FliteLibrary(fn);
  }

  /** Registers `cmu_us_<name>` from its own shared library; null when that voice is not installed. */
  registerVoice(name: string): VoicePointer | null {
    let library: LibraryHandle;
    try {
      library = koffi.load(`libflite_cmu_us_${name}.so.1`);
    } catch {
      return null;
    }
    this.voiceLibraries.push(library);
    return library.func(`void *register_cmu_us_${name}(const char *voxdir)`)(null);
  }

  /**
   * Renders `text` on a koffi worker thread. flite keeps process-wide state, and parallel calls were seen
   * here to return wrong lengths and to crash the process: callers must run one call at a time.
   */
  textToWave(text: string, voice: VoicePointer): Promise<Wave> {
    return new Promise((resolve, reject) => {
      this.fn.textToWave.async(text, voice, (error: unknown, wave: bigint | null) => {
        if (error) reject(new TtsError('engine', 'flite failed to synthesise', { cause: error }));
        else if (!wave) reject(new TtsError('bad-input', 'flite produced no audio for this text'));
        else resolve(this.takeWave(wave));
      });
    });
  }

  /** Copies the samples out and frees flite's wave. */
  private takeWave(pointer: bigint): Wave {
    try {
      const wave: CstWave = koffi.decode(pointer, CST_WAVE);
      const values = wave.num_samples * wave.num_channels;
      const samples =
        values > 0 && wave.samples ? new Int16Array(koffi.view(wave.samples, values * 2).slice(0)) : new Int16Array(0);
      return { sampleRate: wave.sample_rate, channels: wave.num_channels, samples };
    } finally {
      this.fn.deleteWave(pointer);
    }
  }
}
