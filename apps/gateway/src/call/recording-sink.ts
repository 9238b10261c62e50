import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WAV_HEADER_BYTES, WavFileWriter, type WavFormat } from '@parley/audio';

/** One recording being stored, written in chunks as the call goes. */
export interface RecordingTarget {
  /** Where it is stored, relative to the sink's root: what the recording events publish. */
  readonly path: string;
  /** Copies the interleaved PCM16LE bytes; throws once the store has failed. */
  write(pcm: Uint8Array): void;
  /** Finishes the recording; resolves with its stored size in bytes. */
  close(): Promise<number>;
}

/**
 * Where recordings go. Local WAV files today; an S3-compatible store (a multipart upload per
 * recording) is another implementation of this seam, with nothing else in the call changed.
 */
export interface RecordingSink {
  open(callId: string, format: WavFormat): Promise<RecordingTarget>;
}

/** `<root>/<callId>.wav`; the root is created on first use. */
export class WavFileSink implements RecordingSink {
  constructor(private readonly root: string) {}

  async open(callId: string, format: WavFormat): Promise<RecordingTarget> {
    await mkdir(this.root, { recursive: true });
    const path = `${callId}.wav`;
    const writer = await WavFileWriter.create(join(this.root, path), format);
    return {
      path,
      write: (pcm) => writer.write(pcm),
      close: async () => {
        await writer.close();
        return WAV_HEADER_BYTES + writer.dataBytes;
      },
    };
  }
}
