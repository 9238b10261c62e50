/**
 * G.711 A-law (ITU-T G.711, Europe and most international telephony), bit-exact with the ITU-T
 * G.191 reference coder: 16-bit linear input reduced to the standard's 13 bits, negative samples
 * folded with one's complement, even bits inverted on the wire (XOR 0x55).
 */

const EVEN_BITS = 0x55;

/** Encodes one int16 sample to an A-law byte. */
export function alawEncodeSample(sample: number): number {
  const sign = sample < 0 ? 0x00 : 0x80;
  const magnitude = (sample < 0 ? ~sample : sample) >> 4; // 0..2047
  if (magnitude < 16) return (sign | magnitude) ^ EVEN_BITS;
  // Segments 1..7 hold magnitudes 16..2047; the leading bit (4..10) picks the segment.
  const segment = 28 - Math.clz32(magnitude);
  const mantissa = (magnitude >> (segment - 1)) & 0x0f;
  return (sign | (segment << 4) | mantissa) ^ EVEN_BITS;
}

function decodeCode(code: number): number {
  const value = code ^ EVEN_BITS;
  const segment = (value >> 4) & 0x07;
  const mantissa = value & 0x0f;
  // Segment 0 has no implied leading one; the + 8 puts the output mid-step.
  const stepBase = ((segment === 0 ? mantissa : mantissa + 16) << 4) + 8;
  const magnitude = segment > 1 ? stepBase << (segment - 1) : stepBase;
  return value & 0x80 ? magnitude : -magnitude;
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, code) => decodeCode(code));

/** Decodes one A-law byte to an int16 sample. */
export function alawDecodeSample(code: number): number {
  return DECODE_TABLE[code & 0xff];
}

/** Encodes `samples` into `out`; returns the number of bytes written. */
export function alawEncode(samples: Int16Array, out: Uint8Array): number {
  assertFits(samples.length, out.length);
  for (let i = 0; i < samples.length; i++) out[i] = alawEncodeSample(samples[i]);
  return samples.length;
}

/** Decodes A-law `codes` into `out`; returns the number of samples written. */
export function alawDecode(codes: Uint8Array, out: Int16Array): number {
  assertFits(codes.length, out.length);
  for (let i = 0; i < codes.length; i++) out[i] = DECODE_TABLE[codes[i]];
  return codes.length;
}

function assertFits(needed: number, available: number): void {
  if (available < needed) throw new RangeError(`output holds ${available} items, needs ${needed}`);
}
