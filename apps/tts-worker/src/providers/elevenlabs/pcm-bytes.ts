/**
 * Turns a byte stream of PCM16LE into sample chunks. A vendor cuts its stream wherever its buffers
 * end, so a chunk may stop in the middle of a sample: that odd byte is carried into the next chunk.
 * Each yielded chunk is a fresh copy the caller may keep.
 */
export async function* pcmSamples(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Int16Array> {
  let carry: number | null = null;
  for await (const chunk of bytes) {
    if (chunk.length === 0) continue;
    const joined: Uint8Array = carry === null ? chunk : prepend(carry, chunk);
    const whole: number = joined.length - (joined.length % 2);
    carry = whole < joined.length ? joined[whole] : null;
    if (whole === 0) continue;
    yield decode(joined.subarray(0, whole));
  }
}

function prepend(byte: number, chunk: Uint8Array): Uint8Array {
  const joined = new Uint8Array(chunk.length + 1);
  joined[0] = byte;
  joined.set(chunk, 1);
  return joined;
}

/** Little-endian samples, whatever the byte offset of the view (an Int16Array over it would need even alignment). */
function decode(bytes: Uint8Array): Int16Array {
  const samples = new Int16Array(bytes.length / 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true);
  return samples;
}
