import { copyBytes } from './byte-copy';

/**
 * A fixed-capacity FIFO of bytes. Storage is allocated once in the constructor and never
 * grows: writers get back how much fitted and must drain before writing the rest, which keeps
 * memory per stream bounded and the audio path free of allocation.
 */
export class RingBuffer {
  private readonly storage: Uint8Array;
  private head = 0; // index of the oldest byte
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    }
    this.storage = new Uint8Array(capacity);
  }

  /** Bytes waiting to be read. */
  get length(): number {
    return this.size;
  }

  /** Bytes that can be written before the buffer is full. */
  get free(): number {
    return this.capacity - this.size;
  }

  /** Appends up to `length` bytes of `src` from `srcOffset`; returns how many fitted. */
  write(src: Uint8Array, srcOffset = 0, length = src.length - srcOffset): number {
    const count = Math.min(length, this.free);
    const tail = (this.head + this.size) % this.capacity;
    const firstPart = Math.min(count, this.capacity - tail);
    copyBytes(src, srcOffset, this.storage, tail, firstPart);
    copyBytes(src, srcOffset + firstPart, this.storage, 0, count - firstPart);
    this.size += count;
    return count;
  }

  /** Moves up to `length` of the oldest bytes into `dst` at `dstOffset`; returns how many. */
  read(dst: Uint8Array, dstOffset = 0, length = dst.length - dstOffset): number {
    const count = Math.min(length, this.size);
    const firstPart = Math.min(count, this.capacity - this.head);
    copyBytes(this.storage, this.head, dst, dstOffset, firstPart);
    copyBytes(this.storage, 0, dst, dstOffset + firstPart, count - firstPart);
    this.head = (this.head + count) % this.capacity;
    this.size -= count;
    return count;
  }

  /** Drops everything buffered (e.g. on barge-in) without touching the storage. */
  clear(): void {
    this.head = 0;
    this.size = 0;
  }
}
