import type { TtsWorkerConfig } from './config';

/** The loaded engines (`TtsEngines`), shared by every call of the worker. */
export const TTS_ENGINE = Symbol('tts-worker:engine');
export const TTS_SETTINGS = Symbol('tts-worker:settings');

export interface TtsSettings {
  readonly maxPendingSentences: number;
  /** How long a synthesize reply waits for the first audio of a sentence that starts at once. */
  readonly startWaitMs: number;
}

export function ttsSettings(config: TtsWorkerConfig): TtsSettings {
  return { maxPendingSentences: config.TTS_MAX_PENDING_SENTENCES, startWaitMs: config.TTS_START_WAIT_MS };
}
