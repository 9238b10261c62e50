// Voice activity detection for caller audio: Silero v5 (ONNX), energy fallback.
export type { Vad, VadEvent, VadFactory, VadKind, VadVerdictListener } from './vad';
export { createEnergyVad, energyVadFactory } from './energy-vad';
export { SileroModel, sharedSileroModel, sileroModelPath } from './silero-model';
export { loadVadFactory, sileroVadFactory } from './vad-factory';
