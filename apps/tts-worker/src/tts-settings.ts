import type { TtsWorkerConfig } from './config';

/** The loaded engine (a `TtsProvider`), shared by every call of the worker. */
export const TTS_ENGINE = Symbol('tts-worker:engine');
export const TTS_SETTINGS = Symbol('tts-worker:settings');

export interface TtsSettings {
  readonly maxPendingSentences: number;
}

export function ttsSettings(config: TtsWorkerConfig): TtsSettings {
  return { maxPendingSentences: config.TTS_MAX_PENDING_SENTENCES };
}
