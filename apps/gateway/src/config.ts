import { type EnvSource, parseEnv, redisEnv, serviceEnv, wholeNumber } from '@parley/config';
import { checkRecordingsEnv, recordingsEnv } from '@parley/recordings';
import { z } from 'zod';

/** Everything gateway reads from its environment. */
export const gatewayEnv = z.object({
  ...serviceEnv(3001),
  ...redisEnv,
  /** Prefixes every subject and stream, so several stacks (or test runs) can share one NATS. */
  BUS_NAMESPACE: z.string().regex(/^[a-z0-9_]+$/).optional(),
  /** Prefixes every Redis key the gateway writes. */
  GATEWAY_REDIS_PREFIX: z.string().min(1).default('gateway:'),
  /** How long a resolved key is trusted without asking rest-api; revocations cut it short. */
  GATEWAY_KEY_CACHE_TTL_S: wholeNumber(1, 3600).default(60),
  /** How long an unknown key is remembered, so a flood of bad keys never reaches the database. */
  GATEWAY_KEY_NEGATIVE_TTL_S: wholeNumber(1, 3600).default(10),
  /** How long a balance is trusted; billing ends a call that overruns it anyway. */
  GATEWAY_BALANCE_CACHE_TTL_S: wholeNumber(1, 3600).default(5),
  /** A call's concurrency lease lives this long unrenewed; it renews every third of it. */
  GATEWAY_LEASE_TTL_S: wholeNumber(1, 3600).default(30),
  /** Patience for the key and balance RPCs during an upgrade, before answering 500. */
  GATEWAY_RPC_TIMEOUT_MS: wholeNumber(50, 60_000).default(2000),
  /**
   * Caller silence that ends a turn. Shorter answers sooner but may cut a caller who pauses
   * mid-sentence; it is most of the voice-to-voice latency (docs/performance.md).
   */
  GATEWAY_ENDPOINTING_MS: wholeNumber(200, 5000).default(350),
  /** The longer caller silence that ends a turn whose words end mid-phrase ("... and", "um"). */
  GATEWAY_ENDPOINTING_MID_PHRASE_MS: wholeNumber(200, 5000).default(900),
  /**
   * Caller silence from which the reply is prepared, but held until the turn surely ended: the
   * reply is ready when it does, so it starts at once. Voice before then voids it. 0 turns it off.
   */
  GATEWAY_SPECULATIVE_REPLY_MS: wholeNumber(0, 5000).default(200),
  /** Voice activity detection: Silero (falls back to energy if its model cannot load) or energy. */
  GATEWAY_VAD: z.enum(['silero', 'energy']).default('silero'),
  /**
   * Where call recordings (stereo WAV) go: RECORDINGS_DIR, or an S3-compatible bucket with
   * RECORDINGS_STORE=s3 and S3_* (libs/recordings). Agents record unless they turned it off.
   */
  ...recordingsEnv,
}).superRefine(checkRecordingsEnv);

export type GatewayConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(gatewayEnv, env);
}
