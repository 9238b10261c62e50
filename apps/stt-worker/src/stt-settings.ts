import type { SttWorkerConfig } from './config';

/** The loaded engines (`SttEngines`), shared by every session of the worker. */
export const STT_ENGINES = Symbol('stt-worker:engines');
export const STT_SETTINGS = Symbol('stt-worker:settings');

export interface SttSettings {
  readonly workerId: string;
  readonly maxSessions: number;
  readonly idleTimeoutMs: number;
  readonly endpointSilenceMs: number;
}

export function sttSettings(config: SttWorkerConfig): SttSettings {
  return {
    workerId: config.STT_WORKER_ID,
    maxSessions: config.STT_MAX_SESSIONS,
    idleTimeoutMs: config.STT_IDLE_TIMEOUT_MS,
    endpointSilenceMs: config.STT_ENDPOINT_SILENCE_MS,
  };
}
