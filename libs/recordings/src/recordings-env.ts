import { resolve } from 'node:path';
import type { Logger } from '@parley/logging';
import { z } from 'zod';
import { LocalRecordingStore } from './local/local-recording-store';
import type { RecordingStore } from './recording-store';
import { S3RecordingStore } from './s3/s3-recording-store';

/**
 * The recording store's settings, shared by every app that writes or reads recordings (spread
 * into its env schema, with `checkRecordingsEnv` as a refinement): a local directory by default,
 * an S3-compatible bucket with `RECORDINGS_STORE=s3`.
 */
export const recordingsEnv = {
  RECORDINGS_STORE: z.enum(['local', 's3']).default('local'),
  /** Made absolute at boot, so a later change of working directory cannot move the recordings. */
  RECORDINGS_DIR: z
    .string()
    .min(1)
    .default('.parley/recordings')
    .transform((dir) => resolve(dir)),
  /** An S3-compatible server's URL (MinIO, R2, Ceph...); AWS S3 when unset. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3-63 lower-case letters, digits, dots, hyphens')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** With S3_SECRET_ACCESS_KEY; both unset: the SDK's default chain (AWS_* env, profile, instance role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>`: what most self-hosted servers want. */
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
};

export type RecordingsEnv = z.output<z.ZodObject<typeof recordingsEnv>>;

/** The rules across variables: a bucket for `s3`, and both halves of a key or neither. */
export function checkRecordingsEnv(env: RecordingsEnv, ctx: z.RefinementCtx): void {
  if (env.RECORDINGS_STORE === 's3' && !env.S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when RECORDINGS_STORE=s3' });
  }
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
    const missing = env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'is required with its other half (or unset both)' });
  }
}

/** The store the parsed settings describe. */
export function recordingStoreFromEnv(env: Readonly<RecordingsEnv>, log?: Logger): RecordingStore {
  if (env.RECORDINGS_STORE === 'local') return new LocalRecordingStore(env.RECORDINGS_DIR);
  if (!env.S3_BUCKET) throw new Error('S3_BUCKET is required when RECORDINGS_STORE=s3');
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  return new S3RecordingStore({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    log,
  });
}
