import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { WavFormat } from '@parley/audio';
import type { Logger } from '@parley/logging';
import {
  assertByteRange,
  assertRecordingPath,
  type ByteRange,
  RecordingNotFoundError,
  RecordingRangeError,
  type RecordingStat,
  type RecordingStore,
  type RecordingTarget,
  recordingPath,
} from '../recording-store';
import { S3RecordingUpload } from './s3-recording-upload';

/** S3's floor for every part but the last; also our default part size. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** Per attempt; the SDK retries throttling, 5xx and network errors (3 attempts in all). */
const REQUEST_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 5_000;

export interface S3StoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** An S3-compatible server (MinIO, R2, Ceph...); AWS S3 when unset. */
  readonly endpoint?: string;
  /** `/<bucket>/<key>` URLs instead of `<bucket>.<host>`: most self-hosted servers want this. */
  readonly forcePathStyle?: boolean;
  /** The SDK's default chain (env, profile, instance role) when unset. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Part size of the multipart uploads, at least 5 MiB; a recording holds at most two parts in memory. */
  readonly partBytes?: number;
  readonly log?: Logger;
}

/**
 * Recordings as objects `<callId>.wav` in an S3-compatible bucket: written as multipart uploads
 * while the call goes (`S3RecordingUpload`), read back by ranged GETs.
 */
export class S3RecordingStore implements RecordingStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly partBytes: number;

  constructor(private readonly options: S3StoreOptions) {
    this.partBytes = options.partBytes ?? MIN_PART_BYTES;
    if (!Number.isSafeInteger(this.partBytes) || this.partBytes < MIN_PART_BYTES) {
      throw new RangeError(`S3 parts must be at least ${MIN_PART_BYTES} bytes, got ${this.partBytes}`);
    }
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECT_TIMEOUT_MS },
    });
  }

  get bucket(): string {
    return this.options.bucket;
  }

  async open(callId: string, format: WavFormat): Promise<RecordingTarget> {
    const bucket = { client: this.client, bucket: this.bucket, log: this.options.log };
    return new S3RecordingUpload(bucket, recordingPath(callId), format, this.partBytes);
  }

  async stat(path: string): Promise<RecordingStat | undefined> {
    assertRecordingPath(path);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: path }));
      return { bytes: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async read(path: string, range?: ByteRange): Promise<Readable> {
    assertRecordingPath(path);
    if (range) assertByteRange(range);
    try {
      const { Body } = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: path, Range: range && `bytes=${range.start}-${range.end ?? ''}` }),
      );
      return Body as Readable;
    } catch (error) {
      if (statusOf(error) === 404) throw new RecordingNotFoundError(path);
      if (statusOf(error) === 416 && range) throw new RecordingRangeError(path, range.start);
      throw error;
    }
  }

  async delete(path: string): Promise<void> {
    assertRecordingPath(path);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: path }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}
