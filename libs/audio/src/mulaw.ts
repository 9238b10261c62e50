/**
 * G.711 mu-law (ITU-T G.711, North America/Japan telephony), bit-exact with the ITU-T G.191
 * reference coder: 16-bit linear input, negative samples folded with one's complement (so the
 * quantizer is symmetric and -1 encodes like 0), bias 0x84, all bits inverted on the wire.
 */

/** mu-law's bias: 33 in the standard's 14-bit domain, shifted to 16-bit samples. */
const BIAS = 0x84;
/** Largest magnitude that still fits the top segment once biased (0x7fff - BIAS). */
const CLIP = 32_635;

/** Encodes one int16 sample to a mu-law byte. */
export function mulawEncodeSample(sample: number): number {
  const sign = sample < 0 ? 0x00 : 0x80;
  const magnitude = Math.min(sample < 0 ? ~sample : sample, CLIP) + BIAS;
  // The biased magnitude is in [0x80, 0x7fff]: its leading bit (7..14) gives the segment.
  const segment = 24 - Math.clz32(magnitude);
  const mantissa = (magnitude >> (segment + 3)) & 0x0f;
  return (sign | (~((segment << 4) | mantissa) & 0x7f)) & 0xff;
}

function decodeCode(code: number): number {
  const inverted = ~code & 0xff;
  const segment = (inverted >> 4) & 0x07;
  const magnitude = ((((inverted & 0x0f) << 3) + BIAS) << segment) - BIAS;
  return inverted & 0x80 ? -magnitude : magnitude;
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, code) => decodeCode(code));

/** Decodes one mu-law byte to an int16 sample. */
export function mulawDecodeSample(code: number): number {
  return DECODE_TABLE[code & 0xff];
}

/** Encodes `samples` into `out`; returns the number of bytes written. */
export function mulawEncode(samples: Int16Array, out: Uint8Array): number {
  assertFits(samples.length, out.length);
  for (let i = 0; i < samples.length; i++) out[i] = mulawEncodeSample(samples[i]);
  return samples.length;
}

/** Decodes mu-law `codes` into `out`; returns the number of samples written. */
export function mulawDecode(codes: Uint8Array, out: Int16Array): number {
  assertFits(codes.length, out.length);
  for (let i = 0; i < codes.length; i++) out[i] = DECODE_TABLE[codes[i]];
  return codes.length;
}

function assertFits(needed: number, available: number): void {
  if (available < needed) throw new RangeError(`output holds ${available} items, needs ${needed}`);
}
