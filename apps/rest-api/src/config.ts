import { databaseEnv, type EnvSource, parseEnv, redisEnv, serviceEnv, wholeNumber } from '@parley/config';
import { checkRecordingsEnv, recordingsEnv } from '@parley/recordings';
import { z } from 'zod';
import { agentToolsEnv } from './agents/agent-tools.config';
import { knowledgeEnv } from './knowledge/knowledge.config';

/** Everything rest-api reads from its environment. */
export const restApiEnv = z.object({
  ...serviceEnv(3000),
  ...redisEnv,
  ...databaseEnv,
  /** Prefix of every Redis key rest-api writes (rate-limit windows, revocation marks, list versions). */
  REST_REDIS_PREFIX: z.string().min(1).default('rest-api:'),
  /** Length of the per-key rate-limit window; the plan's limit counts requests within it. */
  RATE_LIMIT_WINDOW_MS: wholeNumber(1000, 3_600_000).default(60_000),
  /** How long an API key's resolution is kept in process; revocations cut it short. */
  KEY_CACHE_TTL_MS: wholeNumber(0, 300_000).default(5_000),
  /**
   * Longest a kept page of `GET /agents` or `GET /calls` is served. Writes through Parley show at
   * once (each bumps the list's version in Redis); this bounds only what bypasses it. 0: none kept.
   */
  LIST_CACHE_MS: wholeNumber(0, 3_600_000).default(30_000),
  /** Signs local session JWTs (HS256). Unset: a random secret per boot, so sessions end at restart. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of a local session token. */
  SESSION_TTL_S: wholeNumber(60, 30 * 24 * 3600).default(12 * 3600),
  /** Clerk's PEM public key: when set, session tokens are Clerk JWTs verified offline. */
  CLERK_JWT_KEY: z.string().min(1).optional(),
  /** Clerk `azp` claims accepted (comma-separated origins); empty accepts any. */
  CLERK_AUTHORIZED_PARTIES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((party) => party.trim()).filter(Boolean)),
  /**
   * Where the gateway stores call recordings (the same RECORDINGS_* and S3_* settings as the
   * gateway's, libs/recordings): read and deleted there by the path their event names.
   */
  ...recordingsEnv,
  /** Knowledge bases: the optional embeddings provider and the background indexing worker. */
  ...knowledgeEnv,
  /** Agent tools: where a custom tool's URL may point over plain http. */
  ...agentToolsEnv,
}).superRefine(checkRecordingsEnv);

export type RestApiConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(restApiEnv, env);
}

/** The parsed config, for providers that need a setting: `@Inject(REST_API_CONFIG) config: RestApiConfig`. */
export const REST_API_CONFIG = Symbol('rest-api:config');
