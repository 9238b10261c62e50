import { RingBuffer } from './ring-buffer';
import { randomInt, seededRandom } from './testing/seeded-random';

describe('RingBuffer', () => {
  it('accepts only what fits and reports it', () => {
    const ring = new RingBuffer(8);
    expect(ring.write(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBe(8);
    expect(ring.free).toBe(0);
    const out = new Uint8Array(10);
    expect(ring.read(out)).toBe(8);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 0, 0]);
  });

  it('keeps FIFO order across wrap-around for random write and read sizes', () => {
    const random = seededRandom(7);
    const ring = new RingBuffer(13);
    const scratch = new Uint8Array(20);
    const read: number[] = [];
    let next = 0;
    for (let round = 0; round < 2_000; round++) {
      const chunk = Uint8Array.from({ length: randomInt(random, 0, 20) }, (_, i) => (next + i) & 0xff);
      next += ring.write(chunk);
      const count = ring.read(scratch, 0, randomInt(random, 0, 20));
      read.push(...scratch.subarray(0, count));
    }
    read.push(...scratch.subarray(0, ring.read(scratch)));
    expect(read).toEqual(Array.from({ length: next }, (_, i) => i & 0xff));
  });

  it('forgets buffered bytes on clear', () => {
    const ring = new RingBuffer(4);
    ring.write(Uint8Array.from([1, 2, 3]));
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.free).toBe(4);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(2.5)).toThrow(RangeError);
  });
});
