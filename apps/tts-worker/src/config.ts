import { type EnvSource, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';
import { TTS_PROVIDER_NAMES } from './engine/tts-engine';

/** Everything tts-worker reads from its environment. */
export const ttsWorkerEnv = z.object({
  ...serviceEnv(3013),
  /**
   * Speaks for agents whose `voice.provider` this worker does not run. flite always runs; ElevenLabs
   * runs when ELEVENLABS_API_KEY is set, and each agent gets the engine it names.
   */
  TTS_PROVIDER: z.enum(TTS_PROVIDER_NAMES).default('flite'),
  /** flite's voice when a request names a voice this installation lacks; must be installed. */
  TTS_VOICE: z.string().min(1).default('slt'),
  /** Sentences accepted and not yet spoken, over all calls; beyond it requests are refused as retryable. */
  TTS_MAX_PENDING_SENTENCES: wholeNumber(1, 10_000).default(64),
  /**
   * A synthesize reply for a sentence that starts at once waits this long for its first audio, so an
   * engine failing at the start answers TTS_ERROR; keep it under the gateway's RPC timeout (2 s).
   */
  TTS_START_WAIT_MS: wholeNumber(0, 10_000).default(1_500),
  /** ElevenLabs streaming; the base URL points at a proxy or a test server. */
  ELEVENLABS_API_KEY: z.string().min(1).optional(),
  ELEVENLABS_BASE_URL: z.url().optional(),
  /** `model_id` for agents that name none. */
  ELEVENLABS_MODEL: z.string().min(1).default('eleven_flash_v2_5'),
  /** Voice for agents that name none (`default`); ElevenLabs' premade voice "Rachel". */
  ELEVENLABS_VOICE_ID: z.string().min(1).default('21m00Tcm4TlvDq8EACHZ'),
  /** No audio for this long (first byte, or between chunks) fails the sentence as a retryable timeout. */
  ELEVENLABS_TIMEOUT_MS: wholeNumber(100, 60_000).default(5_000),
});

export type TtsWorkerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(ttsWorkerEnv, env);
}
