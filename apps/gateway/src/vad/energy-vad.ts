import { EnergyVad, type EnergyVadOptions } from '@parley/audio';
import type { Vad, VadFactory, VadVerdictListener } from './vad';

const HANGOVER_MS = 300;
/** EnergyVad's defaults for what keeps speech going; mirrored to call a single frame voiced. */
const CONTINUE_MARGIN_DB = 6;
const MIN_SPEECH_DBFS = -45;

/** The energy fallback of DESIGN "Embedded defaults": decides each frame before `process` returns. */
export function createEnergyVad(onVerdict: VadVerdictListener, options: Partial<EnergyVadOptions> = {}): Vad {
  const hangoverMs = options.hangoverMs ?? HANGOVER_MS;
  const continueMarginDb = options.continueMarginDb ?? CONTINUE_MARGIN_DB;
  const minSpeechDbfs = options.minSpeechDbfs ?? MIN_SPEECH_DBFS;
  const vad = new EnergyVad({ ...options, hangoverMs, continueMarginDb, minSpeechDbfs });
  let closed = false;
  return {
    hangoverMs,
    process: (frame) => {
      if (closed) return;
      const event = vad.process(frame);
      onVerdict(event, vad.levelDbfs > Math.max(vad.noiseFloorDbfs + continueMarginDb, minSpeechDbfs));
    },
    close: () => {
      closed = true;
    },
  };
}

export const energyVadFactory: VadFactory = Object.freeze({
  kind: 'energy',
  create: (onVerdict: VadVerdictListener) => createEnergyVad(onVerdict),
});
