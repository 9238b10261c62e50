import type { Readable } from 'node:stream';
import type { WavFormat } from '@parley/audio';

/** One recording being stored, written in chunks as the call goes. */
export interface RecordingTarget {
  /** Where it is stored, relative to the store's root (a key in a bucket): what the recording events publish. */
  readonly path: string;
  /** Copies the interleaved PCM16LE bytes at once; throws once the store has failed or fell behind. */
  write(pcm: Uint8Array): void;
  /** Finishes the recording with its real WAV sizes; resolves with its stored size in bytes. */
  close(): Promise<number>;
}

/** Where recordings are written: `open` gives a target that takes the call's audio as it comes. */
export interface RecordingSink {
  open(callId: string, format: WavFormat): Promise<RecordingTarget>;
}

/** What is known of a stored recording. */
export interface RecordingStat {
  readonly bytes: number;
  readonly modifiedAt: Date;
}

/** Bytes `start` to `end`, both included (as in an HTTP Range); `end` past the last byte is cut to it. */
export interface ByteRange {
  readonly start: number;
  readonly end?: number;
}

/** Reads stored recordings back by the `path` their events published. */
export interface RecordingReader {
  /** Undefined when nothing is stored at `path`. */
  stat(path: string): Promise<RecordingStat | undefined>;
  /**
   * The bytes of `range` (the whole recording without one); RecordingNotFoundError when there is
   * none, RecordingRangeError when the range starts at or past its end (resolve ranges on `stat`).
   */
  read(path: string, range?: ByteRange): Promise<Readable>;
  /** Removes the recording; deleting one that is not there is not an error. */
  delete(path: string): Promise<void>;
}

/** A local directory or an S3-compatible bucket: written by the gateway, read by rest-api. */
export interface RecordingStore extends RecordingSink, RecordingReader {
  /** `local` or `s3`, for logs. */
  readonly kind: 'local' | 's3';
  /** Lets go of connections; recordings still being written must be closed first. */
  close(): Promise<void>;
}

export class RecordingNotFoundError extends Error {
  override readonly name = 'RecordingNotFoundError';

  constructor(readonly path: string) {
    super(`no recording is stored at ${path}`);
  }
}

export class RecordingRangeError extends RangeError {
  override readonly name = 'RecordingRangeError';

  constructor(
    readonly path: string,
    readonly start: number,
  ) {
    super(`byte ${start} is past the end of the recording at ${path}`);
  }
}

/**
 * A path as the stores write them (`<callId>.wav`, optionally below folders): letters, digits,
 * `.`, `_`, `-`, segments joined by `/`, none starting with a dot. Anything else (`..`, an
 * absolute path) could leave the store's root, and is refused.
 */
export function assertRecordingPath(path: string): void {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(path) || path.length > 512) {
    throw new RangeError(`not a recording path: ${JSON.stringify(path)}`);
  }
}

/** `<callId>.wav`: the path of a call's recording in every store. */
export function recordingPath(callId: string): string {
  const path = `${callId}.wav`;
  assertRecordingPath(path);
  return path;
}

/** Checks a range against the rules of `ByteRange`. */
export function assertByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start))) {
    throw new RangeError(`not a byte range: ${start}-${end ?? ''}`);
  }
}
