import { interleaveStereo } from './stereo-interleave';

describe('interleaveStereo', () => {
  it('puts left and right samples in alternating slots, padding the shorter track with silence', () => {
    const out = new Int16Array(8).fill(99);
    expect(interleaveStereo(Int16Array.from([1, 2, 3]), Int16Array.from([-1]), out)).toBe(3);
    expect(Array.from(out)).toEqual([1, -1, 2, 0, 3, 0, 99, 99]);
  });

  it('rejects an output array that cannot hold every frame', () => {
    expect(() => interleaveStereo(new Int16Array(3), new Int16Array(2), new Int16Array(5))).toThrow(RangeError);
  });
});
