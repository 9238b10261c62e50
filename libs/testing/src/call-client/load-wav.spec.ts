import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WavFormatError, wavHeader } from '@parley/audio';
import { loadWav } from './load-wav';

describe('loadWav', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'load-wav-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function writeWav(name: string, sampleRate: number, channels: number, samples: Int16Array): Promise<string> {
    const path = join(dir, name);
    const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
    await writeFile(path, Buffer.concat([wavHeader({ sampleRate, channels }, data.byteLength), data]));
    return path;
  }

  it('returns 16 kHz mono files sample for sample', async () => {
    const samples = Int16Array.from([1, -2, 300, -32768, 32767]);

    expect(await loadWav(await writeWav('mono.wav', 16_000, 1, samples))).toEqual(samples);
  });

  it('averages stereo channels into mono', async () => {
    const stereo = Int16Array.from([100, 300, -1000, 1000, 32767, 32767]);

    expect(Array.from(await loadWav(await writeWav('stereo.wav', 16_000, 2, stereo)))).toEqual([200, 0, 32767]);
  });

  it('resamples 8 kHz to 16 kHz, keeping the duration and the tone', async () => {
    // One second of a 440 Hz sine at 8 kHz.
    const sine = Int16Array.from({ length: 8000 }, (_, i) => Math.round(10_000 * Math.sin((2 * Math.PI * 440 * i) / 8000)));
    const out = await loadWav(await writeWav('8k.wav', 8000, 1, sine));

    expect(out).toHaveLength(16_000);
    // Away from the edges, output sample 2n is input sample n (same instant).
    for (const n of [1000, 2345, 6000]) expect(Math.abs(out[2 * n] - sine[n])).toBeLessThan(150);
  });

  it('refuses what is not 16-bit PCM WAV', async () => {
    const path = join(dir, 'text.wav');
    await writeFile(path, 'hello, not a wav file at all');

    await expect(loadWav(path)).rejects.toBeInstanceOf(WavFormatError);
  });
});
