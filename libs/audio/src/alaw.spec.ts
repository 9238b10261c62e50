import { alawDecode, alawDecodeSample, alawEncode, alawEncodeSample } from './alaw';

const ALL_SAMPLES = Int16Array.from({ length: 65_536 }, (_, i) => i - 32_768);

/**
 * G.711 A-law segments in 16-bit units: segments 0 and 1 (magnitudes below 512) quantize in
 * steps of 16; segment e >= 2 holds magnitudes below 2^(e+8) in steps of 2^(e+3).
 */
function aLawStep(magnitude: number): number {
  if (magnitude < 512) return 16;
  for (let segment = 2; segment < 8; segment++) {
    if (magnitude < 2 ** (segment + 8)) return 2 ** (segment + 3);
  }
  throw new Error(`magnitude ${magnitude} is outside int16`);
}

describe('G.711 A-law', () => {
  it('matches the reference coder on the standard edge vectors', () => {
    expect([0, -1, 15, 16, 32_767, -32_768].map(alawEncodeSample)).toEqual([0xd5, 0x55, 0xd5, 0xd4, 0xaa, 0x2a]);
    // Published G.711 A-law expansion values (even bits inverted on the wire).
    expect([0x00, 0x01, 0x2a, 0x55, 0x80, 0xaa, 0xd5].map(alawDecodeSample)).toEqual([
      -5_504, -5_248, -32_256, -8, 5_504, 32_256, 8,
    ]);
  });

  it('reconstructs every int16 sample within half a quantization step of its segment', () => {
    const violations: string[] = [];
    for (const sample of ALL_SAMPLES) {
      const magnitude = sample < 0 ? -sample - 1 : sample; // one's-complement folding
      const error = Math.abs(alawDecodeSample(alawEncodeSample(sample)) - sample);
      if (error > aLawStep(magnitude) / 2) violations.push(`${sample} error ${error}`);
    }
    expect(violations).toEqual([]);
  });

  it('quantizes monotonically: a larger sample never decodes smaller', () => {
    const decoded = Array.from(ALL_SAMPLES, (sample) => alawDecodeSample(alawEncodeSample(sample)));
    const inversions = ALL_SAMPLES.filter((_, i) => i > 0 && decoded[i] < decoded[i - 1]);
    expect(Array.from(inversions)).toEqual([]);
  });

  it('re-encodes every decoded code to itself (A-law has no negative zero)', () => {
    for (let code = 0; code < 256; code++) expect(alawEncodeSample(alawDecodeSample(code))).toBe(code);
  });

  it('encodes and decodes whole buffers like the per-sample functions', () => {
    const codes = new Uint8Array(ALL_SAMPLES.length);
    const decoded = new Int16Array(ALL_SAMPLES.length);
    expect(alawEncode(ALL_SAMPLES, codes)).toBe(65_536);
    expect(alawDecode(codes, decoded)).toBe(65_536);
    expect(Array.from(codes)).toEqual(Array.from(ALL_SAMPLES, alawEncodeSample));
    expect(Array.from(decoded)).toEqual(Array.from(codes, alawDecodeSample));
  });

  it('rejects an output buffer that is too small', () => {
    expect(() => alawEncode(new Int16Array(4), new Uint8Array(3))).toThrow(RangeError);
    expect(() => alawDecode(new Uint8Array(4), new Int16Array(3))).toThrow(RangeError);
  });
});
