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
}

const HANGOVER_MS = 300;

/** The energy fallback of DESIGN "Embedded defaults". */
export function createEnergyVad(options: Partial<EnergyVadOptions> = {}): Vad {
  const hangoverMs = options.hangoverMs ?? HANGOVER_MS;
  const vad = new EnergyVad({ ...options, hangoverMs });
  return { hangoverMs, process: (frame) => vad.process(frame) };
}
