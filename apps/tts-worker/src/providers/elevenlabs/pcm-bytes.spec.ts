import { pcmSamples } from './pcm-bytes';

async function collect(chunks: Uint8Array[]): Promise<number[]> {
  async function* source() {
    yield* chunks;
  }
  const out: number[] = [];
  for await (const samples of pcmSamples(source())) out.push(...samples);
  return out;
}

function bytesOf(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  samples.forEach((sample, i) => view.setInt16(i * 2, sample, true));
  return bytes;
}

describe('pcmSamples', () => {
  const samples = [0, 1, -1, 32767, -32768, 1234, -4321];
  const bytes = bytesOf(samples);

  it('decodes little-endian samples from whole chunks', async () => {
    expect(await collect([bytes])).toEqual(samples);
  });

  it('joins a sample split across chunks at every odd boundary', async () => {
    for (let cut = 1; cut < bytes.length; cut += 2) {
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(samples);
    }
  });

  it('survives one-byte and empty chunks, and chunks at odd offsets of their buffer', async () => {
    const single = [...bytes].map((byte) => Uint8Array.of(byte));
    expect(await collect([new Uint8Array(0), ...single])).toEqual(samples);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(await collect([shifted.subarray(1)])).toEqual(samples);
  });

  it('drops a trailing odd byte: it is not a sample', async () => {
    expect(await collect([bytes, Uint8Array.of(7)])).toEqual(samples);
  });
});
