import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  type CompletedPart,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { WAV_HEADER_BYTES, WAV_MAX_DATA_BYTES, WAV_UNKNOWN_SIZE, type WavFormat, wavHeader } from '@parley/audio';
import type { Logger } from '@parley/logging';
import type { RecordingTarget } from '../recording-store';

const CONTENT_TYPE = 'audio/wav';
/** The first part's buffer starts this small and doubles, so a short call holds little memory. */
const FIRST_BUFFER_BYTES = 64 * 1024;
/** Where part 1 waits until the sizes are known; a bucket lifecycle rule may expire this prefix. */
export const PENDING_PREFIX = '.pending/';

export interface S3Bucket {
  readonly client: S3Client;
  readonly bucket: string;
  readonly log?: Logger;
}

/** The part before this one is still uploading when this one is full: storage is slower than the call. */
export class RecordingStorageBehindError extends Error {
  override readonly name = 'RecordingStorageBehindError';
}

/**
 * One recording streamed to an S3-compatible bucket, holding at most two part-sized buffers:
 * the one being filled and the one being uploaded (then reused). See the README for the
 * header: part 1 (header with unknown sizes) goes to `<PENDING_PREFIX><path>` as soon as it is
 * full, parts 2.. to a multipart upload of `<path>`; on close part 1 is read back, its header
 * given the real sizes, and uploaded as part 1. A recording shorter than one part is a single
 * PutObject on close. Any failure aborts the upload and removes the pending part.
 */
export class S3RecordingUpload implements RecordingTarget {
  private fill: Buffer = Buffer.allocUnsafe(FIRST_BUFFER_BYTES);
  private filled = WAV_HEADER_BYTES;
  private spare: Buffer | undefined;
  private partsSent = 0;
  private uploading = false;
  private uploads: Promise<void> = Promise.resolve();
  private uploadId: string | undefined;
  private readonly parts: CompletedPart[] = [];
  private dataBytes = 0;
  private failure: unknown;
  private closing: Promise<number> | undefined;

  constructor(
    private readonly s3: S3Bucket,
    readonly path: string,
    private readonly format: WavFormat,
    private readonly partBytes: number,
  ) {
    wavHeader(format, WAV_UNKNOWN_SIZE).copy(this.fill, 0);
  }

  /** Where part 1 waits, with a header of unknown sizes, while the recording is open. */
  get pendingKey(): string {
    return `${PENDING_PREFIX}${this.path}`;
  }

  write(pcm: Uint8Array): void {
    if (this.closing) throw new Error('recording written after close');
    if (this.failure) throw this.failure;
    if (this.dataBytes + pcm.length > WAV_MAX_DATA_BYTES) throw new RangeError('WAV data would exceed 4 GiB');
    for (let offset = 0; offset < pcm.length; ) {
      if (this.filled === this.partBytes) this.sendFullPart();
      if (this.filled === this.fill.length) this.growFirstBuffer();
      const count = Math.min(pcm.length - offset, this.fill.length - this.filled);
      this.fill.set(pcm.subarray(offset, offset + count), this.filled);
      this.filled += count;
      offset += count;
    }
    this.dataBytes += pcm.length;
  }

  /**
   * Resolves once every part handed over so far has settled. A call never waits (its audio
   * comes in real time, 82 s per 5 MiB part); a writer faster than real time paces itself on this.
   */
  settled(): Promise<void> {
    return this.uploads;
  }

  close(): Promise<number> {
    this.closing ??= this.finish().catch(async (error: unknown) => {
      await this.discard();
      throw error;
    });
    return this.closing;
  }

  private async finish(): Promise<number> {
    await this.uploads;
    if (this.failure) throw this.failure;
    const bytes = WAV_HEADER_BYTES + this.dataBytes;
    if (this.partsSent === 0) {
      wavHeader(this.format, this.dataBytes).copy(this.fill, 0);
      await this.put(this.path, this.fill.subarray(0, this.filled));
      return bytes;
    }
    if (this.filled > 0) await this.uploadPart(this.partsSent + 1, this.fill.subarray(0, this.filled));
    const first = await this.readPendingPart(this.fill);
    wavHeader(this.format, this.dataBytes).copy(first, 0);
    await this.uploadPart(1, first);
    await this.complete();
    await this.removePending();
    return bytes;
  }

  /** Hands the full buffer to the upload chain and carries on in the spare one. */
  private sendFullPart(): void {
    if (this.uploading) {
      this.failure = new RecordingStorageBehindError(
        `part ${this.partsSent} of ${this.path} is still uploading while the next is full: storage is slower than the call`,
      );
      throw this.failure;
    }
    const full = this.fill;
    const partNumber = ++this.partsSent;
    this.fill = this.spare ?? Buffer.allocUnsafe(this.partBytes);
    this.spare = undefined;
    this.filled = 0;
    this.uploading = true;
    this.uploads = this.uploads
      .then(() => (partNumber === 1 ? this.startMultipart(full) : this.uploadPart(partNumber, full)))
      .then(
        () => {
          this.spare = full;
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      )
      .finally(() => {
        this.uploading = false;
      });
  }

  /** Part 1 grows from 64 KiB up to a part, so short calls stay small. */
  private growFirstBuffer(): void {
    const bigger = Buffer.allocUnsafe(Math.min(this.fill.length * 2, this.partBytes));
    this.fill.copy(bigger, 0, 0, this.filled);
    this.fill = bigger;
  }

  /** Creates the multipart upload while part 1 goes to its pending key; both settle before a failure counts. */
  private async startMultipart(first: Buffer): Promise<void> {
    const create = this.s3.client
      .send(new CreateMultipartUploadCommand({ Bucket: this.s3.bucket, Key: this.path, ContentType: CONTENT_TYPE }))
      .then(({ UploadId }) => {
        this.uploadId = UploadId;
      });
    const [created, put] = await Promise.allSettled([create, this.put(this.pendingKey, first)]);
    if (created.status === 'rejected') throw created.reason;
    if (put.status === 'rejected') throw put.reason;
  }

  private async uploadPart(partNumber: number, body: Buffer): Promise<void> {
    const { ETag } = await this.s3.client.send(
      new UploadPartCommand({ Bucket: this.s3.bucket, Key: this.path, UploadId: this.uploadId, PartNumber: partNumber, Body: body }),
    );
    this.parts.push({ PartNumber: partNumber, ETag });
  }

  private async put(key: string, body: Buffer): Promise<void> {
    await this.s3.client.send(new PutObjectCommand({ Bucket: this.s3.bucket, Key: key, Body: body, ContentType: CONTENT_TYPE }));
  }

  /** Reads part 1 back into `into` (a free part buffer), exactly one part long. */
  private async readPendingPart(into: Buffer): Promise<Buffer> {
    const { Body } = await this.s3.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: this.pendingKey }));
    let length = 0;
    for await (const chunk of Body as AsyncIterable<Uint8Array>) {
      if (length + chunk.length > this.partBytes) throw new Error(`${this.pendingKey} is longer than one part`);
      into.set(chunk, length);
      length += chunk.length;
    }
    if (length !== this.partBytes) throw new Error(`${this.pendingKey} has ${length} bytes, not one part of ${this.partBytes}`);
    return into.subarray(0, length);
  }

  private async complete(): Promise<void> {
    const parts = [...this.parts].sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    await this.s3.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.s3.bucket,
        Key: this.path,
        UploadId: this.uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    this.uploadId = undefined;
  }

  /** After a failure: nothing half-written stays behind (both steps are tried, errors logged). */
  private async discard(): Promise<void> {
    await this.uploads;
    const { uploadId } = this;
    this.uploadId = undefined;
    if (uploadId) {
      await this.s3.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.s3.bucket, Key: this.path, UploadId: uploadId }))
        .catch((err: unknown) => this.s3.log?.warn({ err, path: this.path }, 'failed recording upload could not be aborted'));
    }
    if (this.partsSent > 0) await this.removePending();
  }

  /** The recording is safe either way: a pending part left behind is only storage, logged. */
  private async removePending(): Promise<void> {
    await this.s3.client
      .send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: this.pendingKey }))
      .catch((err: unknown) => this.s3.log?.warn({ err, key: this.pendingKey }, 'pending recording part could not be removed'));
  }
}
