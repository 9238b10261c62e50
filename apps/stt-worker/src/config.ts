import { hostname } from 'node:os';
import { type EnvSource, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';
import { STT_PROVIDER_NAMES } from './engine/stt-engine';

/** Everything stt-worker reads from its environment. */
export const sttWorkerEnv = z.object({
  ...serviceEnv(3011),
  /** The engine this worker loads at boot; a session asking for another one is refused. */
  STT_PROVIDER: z.enum(STT_PROVIDER_NAMES).default('pocketsphinx'),
  /** Sessions at most; pocketsphinx holds a decoder of about 90 MB for each. */
  STT_MAX_SESSIONS: wholeNumber(1, 256).default(8),
  /** Decoders kept loaded and idle so a new call starts at once. */
  STT_SPARE_DECODERS: wholeNumber(1, 64).default(1),
  /** A session that receives no audio for this long closes itself (its gateway is gone). */
  STT_IDLE_TIMEOUT_MS: wholeNumber(1_000, 3_600_000).default(60_000),
  /**
   * Fallback end of utterance when no `flush` comes: the words heard have not changed for this much
   * audio. 0 turns it off.
   */
  STT_ENDPOINT_SILENCE_MS: wholeNumber(0, 60_000).default(2_000),
  /** `STT_PROVIDER=deepgram`: Deepgram live streaming. The base URL points at a self-hosted or test server. */
  DEEPGRAM_API_KEY: z.string().min(1).optional(),
  DEEPGRAM_BASE_URL: z.url().optional(),
  DEEPGRAM_MODEL: z.string().min(1).default('nova-3'),
  DEEPGRAM_LANGUAGE: z.string().min(2).default('en-US'),
  /** Names this instance in RPC replies and logs. */
  STT_WORKER_ID: z
    .string()
    .min(1)
    .default(() => `stt-${hostname()}-${process.pid}`),
});

export type SttWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(sttWorkerEnv, env);
}
