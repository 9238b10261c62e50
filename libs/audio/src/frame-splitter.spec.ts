import { FrameSplitter } from './frame-splitter';
import { FRAME_BYTES } from './pcm-format';
import { randomInt, seededRandom } from './testing/seeded-random';

/** A splitter that copies every frame it is given (frames are only valid during the callback). */
function collectingSplitter(options?: ConstructorParameters<typeof FrameSplitter>[1]) {
  const frames: Buffer[] = [];
  const splitter = new FrameSplitter((bytes) => frames.push(Buffer.from(bytes)), options);
  return { splitter, frames };
}

describe('FrameSplitter', () => {
  it('re-frames random odd-sized chunks into 640-byte frames without losing or reordering a byte', () => {
    const random = seededRandom(42);
    const stream = Buffer.from(Array.from({ length: 640 * 300 + 123 }, () => randomInt(random, 0, 255)));
    const { splitter, frames } = collectingSplitter();
    for (let offset = 0; offset < stream.length; ) {
      const size = randomInt(random, 1, 2_000);
      splitter.push(stream.subarray(offset, offset + size));
      offset += size;
    }
    expect(frames.every((frame) => frame.length === FRAME_BYTES)).toBe(true);
    expect(frames).toHaveLength(300);
    expect(splitter.buffered).toBe(123);
    expect(Buffer.concat(frames).equals(stream.subarray(0, 640 * 300))).toBe(true);
  });

  it('carries a half sample over to the next chunk', () => {
    const { splitter, frames } = collectingSplitter({ frameBytes: 4 });
    splitter.push(Uint8Array.from([0x01]));
    splitter.push(Uint8Array.from([0x02, 0x03]));
    expect(frames).toHaveLength(0);
    splitter.push(Uint8Array.from([0x04, 0x05]));
    expect(frames).toEqual([Buffer.from([1, 2, 3, 4])]);
  });

  it('hands out little-endian int16 samples over the same frame bytes', () => {
    const seen: number[][] = [];
    const splitter = new FrameSplitter((_, samples) => seen.push(Array.from(samples)), { frameBytes: 4 });
    splitter.push(Uint8Array.from([0x34, 0x12, 0xff, 0xff]));
    expect(seen).toEqual([[0x1234, -1]]);
  });

  it('emits every frame of a chunk much larger than its ring buffer', () => {
    const { splitter, frames } = collectingSplitter({ bufferFrames: 1 });
    expect(splitter.push(new Uint8Array(FRAME_BYTES * 50 + 10))).toBe(50);
    expect(frames).toHaveLength(50);
  });

  it('flushes the tail as one zero-padded frame, dropping a trailing half sample', () => {
    const { splitter, frames } = collectingSplitter({ frameBytes: 8 });
    splitter.push(Uint8Array.from([1, 2, 3, 4, 5]));
    expect(splitter.flush()).toBe(4);
    expect(frames).toEqual([Buffer.from([1, 2, 3, 4, 0, 0, 0, 0])]);
    expect(splitter.flush()).toBe(0);
    expect(frames).toHaveLength(1);
  });

  it('drops buffered bytes on reset', () => {
    const { splitter, frames } = collectingSplitter({ frameBytes: 4 });
    splitter.push(Uint8Array.from([9, 9, 9]));
    splitter.reset();
    splitter.push(Uint8Array.from([1, 2, 3, 4]));
    expect(frames).toEqual([Buffer.from([1, 2, 3, 4])]);
  });

  it('rejects an odd frame size', () => {
    expect(() => new FrameSplitter(() => undefined, { frameBytes: 641 })).toThrow(RangeError);
  });
});
