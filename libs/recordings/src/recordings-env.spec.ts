import { isAbsolute } from 'node:path';
import { EnvError, parseEnv } from '@parley/config';
import { z } from 'zod';
import { LocalRecordingStore } from './local/local-recording-store';
import { checkRecordingsEnv, recordingsEnv, recordingStoreFromEnv } from './recordings-env';
import { S3RecordingStore } from './s3/s3-recording-store';

const schema = z.object(recordingsEnv).superRefine(checkRecordingsEnv);

describe('recordingsEnv', () => {
  it('defaults to a local directory, made absolute', () => {
    const env = parseEnv(schema, {});
    expect(env.RECORDINGS_STORE).toBe('local');
    expect(isAbsolute(env.RECORDINGS_DIR)).toBe(true);
    expect(recordingStoreFromEnv(env)).toBeInstanceOf(LocalRecordingStore);
  });

  it('builds an S3 store from the S3_* variables', async () => {
    const env = parseEnv(schema, {
      RECORDINGS_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'call-recordings',
      S3_ACCESS_KEY_ID: 'minio',
      S3_SECRET_ACCESS_KEY: 'minio-secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(env).toMatchObject({ S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true });
    const store = recordingStoreFromEnv(env);
    expect(store).toBeInstanceOf(S3RecordingStore);
    expect((store as S3RecordingStore).bucket).toBe('call-recordings');
    await store.close();
  });

  it('refuses s3 without a bucket, half a key, or a bucket name S3 would refuse, naming each variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        parseEnv(schema, env);
      } catch (error) {
        if (error instanceof EnvError) return error.problems.map((p) => p.variable);
      }
      return [];
    };
    expect(problems({ RECORDINGS_STORE: 's3' })).toEqual(['S3_BUCKET']);
    expect(problems({ S3_ACCESS_KEY_ID: 'only-half' })).toEqual(['S3_SECRET_ACCESS_KEY']);
    expect(problems({ S3_BUCKET: 'Not_A_Bucket' })).toEqual(['S3_BUCKET']);
    expect(problems({ RECORDINGS_STORE: 'ftp' })).toEqual(['RECORDINGS_STORE']);
  });
});
