import { bytesToSamples, decodePcm16, samplesToBytes } from './pcm-views';

describe('PCM16 views', () => {
  it('views aligned bytes as samples without copying', () => {
    const aligned = Uint8Array.from([0x01, 0x00, 0xff, 0xff, 0x00, 0x80]);
    const samples = bytesToSamples(aligned);
    expect(Array.from(samples)).toEqual([1, -1, -32_768]);
    expect(samples.buffer).toBe(aligned.buffer);
    aligned[0] = 0x02;
    expect(samples[0]).toBe(2);
  });

  it('copies when the bytes start at an odd offset, as pooled Buffers often do', () => {
    const backing = new Uint8Array(7);
    backing.set([0x34, 0x12, 0xff, 0xff, 0x00, 0x80], 1);
    const odd = backing.subarray(1);
    const samples = bytesToSamples(odd);
    expect(Array.from(samples)).toEqual([0x1234, -1, -32_768]);
    expect(samples.buffer).not.toBe(backing.buffer);
  });

  it('rejects a half sample', () => {
    expect(() => bytesToSamples(new Uint8Array(3))).toThrow(/even number of bytes/);
  });

  it('decodes into a caller-provided array at any offset', () => {
    const out = new Int16Array(4);
    expect(decodePcm16(Uint8Array.from([0, 0, 0xfe, 0xff, 0xff, 0x7f]).subarray(2), out)).toBe(2);
    expect(Array.from(out)).toEqual([-2, 32_767, 0, 0]);
    expect(() => decodePcm16(new Uint8Array(10), out)).toThrow(RangeError);
  });

  it('exposes samples as a Buffer over the same memory', () => {
    const samples = Int16Array.from([1, -2]);
    const bytes = samplesToBytes(samples.subarray(1));
    expect(Array.from(bytes)).toEqual([0xfe, 0xff]);
    expect(bytes.buffer).toBe(samples.buffer);
  });
});
