import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WAV_UNKNOWN_SIZE, parseWav, parseWavHeader } from './wav';
import { WavFileWriter } from './wav-file-writer';

/** Reads the file once the background writes have made it longer than `bytes` (or 5 s pass). */
async function readWhenLonger(path: string, bytes: number): Promise<Buffer> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const file = await readFile(path);
    if (file.length > bytes || Date.now() > deadline) return file;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WavFileWriter', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-audio-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('streams frames to disk through a reused buffer and patches the sizes on close', async () => {
    const path = join(dir, 'call.wav');
    const writer = await WavFileWriter.create(path, { sampleRate: 16_000, channels: 2 });
    const frame = new Uint8Array(1_280); // one reused 20 ms stereo frame, as a recorder would pass
    const expected = Buffer.alloc(1_280 * 200);
    for (let i = 0; i < 200; i++) {
      frame.fill(i);
      writer.write(frame);
      expected.fill(i, i * 1_280, (i + 1) * 1_280);
    }
    await writer.close();
    const file = await readFile(path);
    expect(file.readUInt32LE(40)).toBe(expected.length);
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    const parsed = parseWav(file);
    expect(parsed.format).toEqual({ sampleRate: 16_000, channels: 2 });
    expect(Buffer.from(parsed.data).equals(expected)).toBe(true);
  });

  it('leaves a readable file with an unknown size while the stream is open', async () => {
    const path = join(dir, 'open.wav');
    const writer = await WavFileWriter.create(path, { sampleRate: 8_000, channels: 1 });
    writer.write(new Uint8Array(200 * 1024).fill(7)); // more than one batch reaches the disk
    const partial = await readWhenLonger(path, 64 * 1024);
    expect(parseWavHeader(partial).dataBytes).toBe(WAV_UNKNOWN_SIZE);
    expect(parseWav(partial).data.length).toBeGreaterThanOrEqual(64 * 1024);
    await writer.close();
    expect(parseWav(await readFile(path)).data.length).toBe(200 * 1024);
  });

  it('refuses writes after close', async () => {
    const writer = await WavFileWriter.create(join(dir, 'closed.wav'), { sampleRate: 16_000, channels: 1 });
    await writer.close();
    expect(() => writer.write(new Uint8Array(2))).toThrow(/after close/);
  });

  it('fails to create a file in a missing directory', async () => {
    const create = WavFileWriter.create(join(dir, 'missing', 'x.wav'), { sampleRate: 16_000, channels: 1 });
    await expect(create).rejects.toThrow(/ENOENT/);
  });
});
