import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { ByteRange } from './byte-range';

/**
 * Where rest-api reads recordings from, by the path the gateway put in `recording.started`
 * (relative to the recordings root). Local disk by default; object storage can stand in.
 */
export interface RecordingReader {
  /** The stored size in bytes, or undefined when nothing is stored at `path`. */
  stat(path: string): Promise<number | undefined>;
  /** The bytes of `range` (inclusive), or the whole file. */
  open(path: string, range?: ByteRange): Readable;
  /** Removes the file; a file already gone is not an error. */
  delete(path: string): Promise<void>;
}

export const RECORDING_READER = Symbol('rest-api:recording-reader');

/** Recordings under the gateway's `RECORDINGS_DIR`. A path that would leave it is never touched. */
export class LocalRecordingReader implements RecordingReader {
  constructor(private readonly root: string) {}

  async stat(path: string): Promise<number | undefined> {
    const file = await stat(this.resolve(path)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    return file?.isFile() ? file.size : undefined;
  }

  open(path: string, range?: ByteRange): Readable {
    return createReadStream(this.resolve(path), range);
  }

  async delete(path: string): Promise<void> {
    await rm(this.resolve(path), { force: true });
  }

  private resolve(path: string): string {
    const file = resolve(this.root, path);
    const inside = relative(this.root, file);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new Error('recording path leaves the recordings root');
    }
    return file;
  }
}
