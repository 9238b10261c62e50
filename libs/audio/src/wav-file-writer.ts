import { open, type FileHandle } from 'node:fs/promises';
import { copyBytes } from './byte-copy';
import { WAV_HEADER_BYTES, WAV_MAX_DATA_BYTES, WAV_UNKNOWN_SIZE, WavFormat, wavHeader } from './wav';

/** Bytes gathered before one disk write: about 2 s of 16 kHz stereo, so writes stay rare. */
const BATCH_BYTES = 64 * 1024;

/**
 * Streams 16-bit PCM to a WAV file so a recording is never held in memory. The header goes out
 * first with unknown sizes (readers then take the data to the end of the file, so a crash still
 * leaves a playable file) and is rewritten with the real sizes on close.
 *
 * `write` copies the bytes at once, so callers may reuse their buffer as soon as it returns, and
 * batches them into a few reused 64 KiB buffers written in order in the background. A disk error
 * is reported by the next `write` and by `close`.
 */
export class WavFileWriter {
  private batch: Buffer = Buffer.allocUnsafe(BATCH_BYTES);
  private batchFill = 0;
  private readonly spareBatches: Buffer[] = [];
  private diskWrites: Promise<void> = Promise.resolve();
  private submittedBytes = 0;
  private totalBytes = 0;
  private failure: unknown;
  private closed = false;

  private constructor(
    private readonly file: FileHandle,
    readonly format: WavFormat,
  ) {}

  /** Creates (or truncates) `path` and writes a provisional header. */
  static async create(path: string, format: WavFormat): Promise<WavFileWriter> {
    const header = wavHeader(format, WAV_UNKNOWN_SIZE);
    const file = await open(path, 'w');
    try {
      await file.write(header, 0, header.length, 0);
    } catch (error) {
      await file.close();
      throw error;
    }
    return new WavFileWriter(file, format);
  }

  /** Sample bytes accepted so far. */
  get dataBytes(): number {
    return this.totalBytes;
  }

  /** Appends interleaved PCM16LE sample bytes. */
  write(pcm: Uint8Array): void {
    if (this.closed) throw new Error('WavFileWriter.write after close');
    if (this.failure) throw this.failure;
    if (this.totalBytes + pcm.length > WAV_MAX_DATA_BYTES) throw new RangeError('WAV data would exceed 4 GiB');
    for (let offset = 0; offset < pcm.length; ) {
      const count = Math.min(pcm.length - offset, BATCH_BYTES - this.batchFill);
      copyBytes(pcm, offset, this.batch, this.batchFill, count);
      this.batchFill += count;
      offset += count;
      if (this.batchFill === BATCH_BYTES) this.submitBatch();
    }
    this.totalBytes += pcm.length;
  }

  /** Writes what is buffered, patches the header with the real sizes and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.batchFill > 0) this.submitBatch();
    try {
      await this.diskWrites;
      if (this.failure) throw this.failure;
      const header = wavHeader(this.format, this.totalBytes);
      await this.file.write(header, 0, header.length, 0);
    } finally {
      await this.file.close();
    }
  }

  private submitBatch(): void {
    const batch = this.batch;
    const length = this.batchFill;
    const position = WAV_HEADER_BYTES + this.submittedBytes;
    this.submittedBytes += length;
    // A spare exists unless the disk is behind; only then does a new batch get allocated.
    this.batch = this.spareBatches.pop() ?? Buffer.allocUnsafe(BATCH_BYTES);
    this.batchFill = 0;
    this.diskWrites = this.diskWrites
      .then(() => (this.failure ? undefined : this.file.write(batch, 0, length, position)))
      .then(
        () => {
          this.spareBatches.push(batch);
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      );
  }
}
