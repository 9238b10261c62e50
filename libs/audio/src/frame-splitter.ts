import { FRAME_BYTES } from './pcm-format';
import { RingBuffer } from './ring-buffer';

/**
 * Receives one frame. `bytes` and `samples` are views of the same reused buffer: they are valid
 * only until the handler returns, so copy them to keep them (or to hand them to anything async).
 */
export type FrameHandler = (bytes: Uint8Array, samples: Int16Array) => void;

export interface FrameSplitterOptions {
  /** Frame size in bytes; even, default FRAME_BYTES (20 ms of 16 kHz PCM16). */
  frameBytes?: number;
  /** Ring buffer capacity in frames (how much is copied per drain pass); default 4. */
  bufferFrames?: number;
}

/**
 * Cuts a PCM16LE byte stream arriving in chunks of any size (odd byte counts included: the half
 * sample waits for the next chunk) into exact fixed-size frames. One splitter per stream; it
 * allocates its ring and frame buffers once and nothing per chunk or frame.
 */
export class FrameSplitter {
  readonly frameBytes: number;
  private readonly ring: RingBuffer;
  private readonly frame: Uint8Array;
  private readonly frameSamples: Int16Array;

  constructor(
    private readonly onFrame: FrameHandler,
    options: FrameSplitterOptions = {},
  ) {
    const frameBytes = options.frameBytes ?? FRAME_BYTES;
    const bufferFrames = options.bufferFrames ?? 4;
    if (!Number.isInteger(frameBytes) || frameBytes <= 0 || frameBytes % 2 !== 0) {
      throw new RangeError(`frameBytes must be a positive even integer, got ${frameBytes}`);
    }
    if (!Number.isInteger(bufferFrames) || bufferFrames < 1) {
      throw new RangeError(`bufferFrames must be a positive integer, got ${bufferFrames}`);
    }
    this.frameBytes = frameBytes;
    this.ring = new RingBuffer(frameBytes * bufferFrames);
    this.frame = new Uint8Array(frameBytes);
    this.frameSamples = new Int16Array(this.frame.buffer);
  }

  /** Bytes held back because they do not fill a frame yet. */
  get buffered(): number {
    return this.ring.length;
  }

  /** Feeds a chunk and emits every frame it completes; returns how many frames were emitted. */
  push(chunk: Uint8Array): number {
    let offset = 0;
    let frames = 0;
    while (offset < chunk.length) {
      offset += this.ring.write(chunk, offset);
      frames += this.emitFullFrames();
    }
    return frames;
  }

  /**
   * Ends the stream: emits the buffered tail as one last frame, zero-padded (silence) to full
   * length so consumers only ever see whole frames. A trailing half sample is dropped. Returns
   * the number of real audio bytes in that frame, 0 when nothing was emitted.
   */
  flush(): number {
    const tail = this.ring.length - (this.ring.length % 2);
    this.ring.read(this.frame, 0, tail);
    this.ring.clear();
    if (tail === 0) return 0;
    this.frame.fill(0, tail);
    this.onFrame(this.frame, this.frameSamples);
    return tail;
  }

  /** Discards buffered bytes without emitting them (e.g. when playback is interrupted). */
  reset(): void {
    this.ring.clear();
  }

  private emitFullFrames(): number {
    let frames = 0;
    while (this.ring.length >= this.frameBytes) {
      this.ring.read(this.frame, 0, this.frameBytes);
      this.onFrame(this.frame, this.frameSamples);
      frames++;
    }
    return frames;
  }
}
