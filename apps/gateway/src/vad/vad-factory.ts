import type { Logger } from '@parley/logging';
import { energyVadFactory } from './energy-vad';
import { type SileroModel, sharedSileroModel } from './silero-model';
import { SileroVad } from './silero-vad';
import type { VadFactory, VadKind } from './vad';

/** Silero detectors sharing one loaded model. */
export function sileroVadFactory(model: SileroModel, log: Logger): VadFactory {
  return {
    kind: 'silero',
    create: (onVerdict) => new SileroVad(model.stream(), onVerdict, log.child({ vad: 'silero' })),
  };
}

/**
 * The detectors the calls of this process use. Silero unless told otherwise; a model that
 * cannot load (a missing package, an unsupported platform) costs a warning and the energy VAD,
 * never the gateway.
 */
export async function loadVadFactory(
  kind: VadKind,
  log: Logger,
  loadModel: () => Promise<SileroModel> = sharedSileroModel,
): Promise<VadFactory> {
  if (kind === 'energy') return energyVadFactory;
  try {
    return sileroVadFactory(await loadModel(), log);
  } catch (err) {
    log.warn({ err }, 'silero vad model could not be loaded; using the energy vad');
    return energyVadFactory;
  }
}
