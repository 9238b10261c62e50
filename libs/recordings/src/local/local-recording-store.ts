import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { WAV_HEADER_BYTES, type WavFormat, WavFileWriter } from '@parley/audio';
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

/**
 * Recordings as WAV files under a local directory: `<root>/<callId>.wav`, the root created on
 * first use. Written through `WavFileWriter` (64 KiB batches, header patched with the real sizes
 * on close), so a recording is never held in memory.
 */
export class LocalRecordingStore implements RecordingStore {
  readonly kind = 'local';

  constructor(readonly root: string) {}

  async open(callId: string, format: WavFormat): Promise<RecordingTarget> {
    const path = recordingPath(callId);
    const file = this.fileOf(path);
    await mkdir(dirname(file), { recursive: true });
    const writer = await WavFileWriter.create(file, format);
    return {
      path,
      write: (pcm) => writer.write(pcm),
      close: async () => {
        await writer.close();
        return WAV_HEADER_BYTES + writer.dataBytes;
      },
    };
  }

  async stat(path: string): Promise<RecordingStat | undefined> {
    try {
      const info = await stat(this.fileOf(path));
      return info.isFile() ? { bytes: info.size, modifiedAt: new Date(info.mtimeMs) } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async read(path: string, range?: ByteRange): Promise<Readable> {
    if (range) assertByteRange(range);
    const handle = await open(this.fileOf(path), 'r').catch((error: unknown) => {
      throw isMissing(error) ? new RecordingNotFoundError(path) : error;
    });
    try {
      const { size } = await handle.stat();
      const start = range?.start ?? 0;
      if (range && start >= size) throw new RecordingRangeError(path, start);
      if (size === 0) {
        await handle.close();
        return Readable.from([]);
      }
      const end = Math.min(range?.end ?? size - 1, size - 1);
      // The stream owns the handle from here and closes it when it ends or is destroyed.
      return handle.createReadStream({ start, end, autoClose: true });
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(path: string): Promise<void> {
    await rm(this.fileOf(path), { force: true });
  }

  async close(): Promise<void> {
    // Nothing held between calls: every file is opened and closed per recording or read.
  }

  private fileOf(path: string): string {
    assertRecordingPath(path);
    return join(this.root, path);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
