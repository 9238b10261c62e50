import { mulawDecode, mulawDecodeSample, mulawEncode, mulawEncodeSample } from './mulaw';

const ALL_SAMPLES = Int16Array.from({ length: 65_536 }, (_, i) => i - 32_768);

/**
 * G.711 mu-law segments in 16-bit units: segment e holds magnitudes below 2^(e+8) - 0x84
 * (the bias shifts every decision level) and quantizes in steps of 2^(e+3).
 */
function muLawStep(magnitude: number): number | undefined {
  for (let segment = 0; segment < 8; segment++) {
    if (magnitude < 2 ** (segment + 8) - 0x84) return 2 ** (segment + 3);
  }
  return undefined; // overload: beyond the largest decision level
}

describe('G.711 mu-law', () => {
  it('matches the reference coder on the standard edge vectors', () => {
    expect([0, -1, 1, 4, -4, 32_767, -32_768, 8, -9].map(mulawEncodeSample)).toEqual([
      0xff, 0x7f, 0xff, 0xfe, 0x7f, 0x80, 0x00, 0xfe, 0x7e,
    ]);
    // Published G.711 mu-law expansion values.
    expect([0x00, 0x01, 0x0f, 0x7e, 0x7f, 0x80, 0xfe, 0xff].map(mulawDecodeSample)).toEqual([
      -32_124, -31_100, -16_764, -8, 0, 32_124, 8, 0,
    ]);
  });

  it('reconstructs every int16 sample within half a quantization step of its segment', () => {
    const violations: string[] = [];
    for (const sample of ALL_SAMPLES) {
      const magnitude = sample < 0 ? -sample - 1 : sample; // one's-complement folding
      const code = mulawEncodeSample(sample);
      const error = Math.abs(mulawDecodeSample(code) - sample);
      const step = muLawStep(magnitude);
      // Beyond the largest decision level the coder clips to the extreme code (+-32124).
      const bound = step === undefined ? Math.abs(sample) - 32_124 : step / 2;
      const clippedWrongly = step === undefined && code !== (sample < 0 ? 0x00 : 0x80);
      if (error > bound || clippedWrongly) violations.push(`${sample} -> 0x${code.toString(16)} error ${error}`);
    }
    expect(violations).toEqual([]);
  });

  it('quantizes monotonically: a larger sample never decodes smaller', () => {
    const decoded = Array.from(ALL_SAMPLES, (sample) => mulawDecodeSample(mulawEncodeSample(sample)));
    const inversions = ALL_SAMPLES.filter((_, i) => i > 0 && decoded[i] < decoded[i - 1]);
    expect(Array.from(inversions)).toEqual([]);
  });

  it('re-encodes every decoded code to itself except negative zero (0x7f aliases 0xff)', () => {
    for (let code = 0; code < 256; code++) {
      expect(mulawEncodeSample(mulawDecodeSample(code))).toBe(code === 0x7f ? 0xff : code);
    }
  });

  it('encodes and decodes whole buffers like the per-sample functions', () => {
    const codes = new Uint8Array(ALL_SAMPLES.length);
    const decoded = new Int16Array(ALL_SAMPLES.length);
    expect(mulawEncode(ALL_SAMPLES, codes)).toBe(65_536);
    expect(mulawDecode(codes, decoded)).toBe(65_536);
    expect(codes[12_345]).toBe(mulawEncodeSample(ALL_SAMPLES[12_345]));
    expect(Array.from(decoded)).toEqual(Array.from(ALL_SAMPLES, (s) => mulawDecodeSample(mulawEncodeSample(s))));
  });

  it('rejects an output buffer that is too small', () => {
    expect(() => mulawEncode(new Int16Array(4), new Uint8Array(3))).toThrow(RangeError);
    expect(() => mulawDecode(new Uint8Array(4), new Int16Array(3))).toThrow(RangeError);
  });
});
