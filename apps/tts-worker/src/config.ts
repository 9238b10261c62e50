import { type EnvSource, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';
import { TTS_PROVIDER_NAMES } from './engine/tts-engine';

/** Everything tts-worker reads from its environment. */
export const ttsWorkerEnv = z.object({
  ...serviceEnv(3013),
  /** The engine this worker loads at boot; requests naming another one are spoken with it anyway. */
  TTS_PROVIDER: z.enum(TTS_PROVIDER_NAMES).default('flite'),
  /** Spoken when a request names a voice this installation lacks; must be installed. */
  TTS_VOICE: z.string().min(1).default('slt'),
  /** Sentences accepted and not yet spoken, over all calls; beyond it requests are refused as retryable. */
  TTS_MAX_PENDING_SENTENCES: wholeNumber(1, 10_000).default(64),
});

export type TtsWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(ttsWorkerEnv, env);
}
