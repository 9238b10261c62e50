import { BYTES_PER_SAMPLE } from './pcm-format';

/**
 * Int16 samples over PCM16LE bytes. Shares memory with `bytes` when they start at an even
 * byte offset; otherwise copies, because an Int16Array cannot start at an odd offset (small
 * Node Buffers are slices of a shared pool and often do). Throws on an odd byte count: a half
 * sample means the caller lost framing (use FrameSplitter for arbitrary chunks).
 */
export function bytesToSamples(bytes: Uint8Array): Int16Array {
  assertWholeSamples(bytes.byteLength);
  const count = bytes.byteLength / BYTES_PER_SAMPLE;
  if (bytes.byteOffset % BYTES_PER_SAMPLE === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, count);
  const samples = new Int16Array(count);
  decodePcm16(bytes, samples);
  return samples;
}

/** A Buffer over the samples' memory (no copy), ready for a socket or the bus. */
export function samplesToBytes(samples: Int16Array): Buffer {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
}

/**
 * Decodes PCM16LE bytes into a caller-provided array, whatever the byte offset; for hot paths
 * that must not allocate. Returns the number of samples written.
 */
export function decodePcm16(bytes: Uint8Array, out: Int16Array): number {
  assertWholeSamples(bytes.byteLength);
  const count = bytes.byteLength / BYTES_PER_SAMPLE;
  if (out.length < count) throw new RangeError(`output holds ${out.length} samples, needs ${count}`);
  for (let i = 0; i < count; i++) {
    // The shift pair sign-extends the 16-bit value inside a 32-bit integer.
    out[i] = ((bytes[2 * i] | (bytes[2 * i + 1] << 8)) << 16) >> 16;
  }
  return count;
}

function assertWholeSamples(byteLength: number): void {
  if (byteLength % BYTES_PER_SAMPLE !== 0) {
    throw new RangeError(`PCM16 needs an even number of bytes, got ${byteLength}`);
  }
}
