import { EnergyVad, type EnergyVadOptions, type VadEvent } from '@parley/audio';

export type { VadEvent };

/**
 * What the call loop needs from a voice activity detector, so the neural (Silero) VAD can
 * replace the energy one without touching turn-taking.
 */
export interface Vad {
  /** Silence (ms) the detector waits before it reports `speech-end`. */
  readonly hangoverMs: number;
  /** Classifies one 20 ms frame; returns the transition it completes, if any. */
  process(frame: Int16Array): VadEvent | null;
  /**
   * The last frame held voice. Differs from "in speech": the hangover frames after the
   * last word are still speech but not voice, and must not make a "mhm" last longer.
   */
  readonly voiced: boolean;
}

const HANGOVER_MS = 300;
/** EnergyVad's defaults for what keeps speech going; mirrored to call a single frame voiced. */
const CONTINUE_MARGIN_DB = 6;
const MIN_SPEECH_DBFS = -45;

/** The energy fallback of DESIGN "Embedded defaults". */
export function createEnergyVad(options: Partial<EnergyVadOptions> = {}): Vad {
  const hangoverMs = options.hangoverMs ?? HANGOVER_MS;
  const continueMarginDb = options.continueMarginDb ?? CONTINUE_MARGIN_DB;
  const minSpeechDbfs = options.minSpeechDbfs ?? MIN_SPEECH_DBFS;
  const vad = new EnergyVad({ ...options, hangoverMs, continueMarginDb, minSpeechDbfs });
  return {
    hangoverMs,
    process: (frame) => vad.process(frame),
    get voiced() {
      return vad.levelDbfs > Math.max(vad.noiseFloorDbfs + continueMarginDb, minSpeechDbfs);
    },
  };
}
