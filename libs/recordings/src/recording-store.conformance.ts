import type { Readable } from 'node:stream';
import { parseWav } from '@parley/audio';
import { RecordingNotFoundError, RecordingRangeError, type RecordingStore } from './recording-store';

const FORMAT = Object.freeze({ sampleRate: 16_000, channels: 2 });
/** One 20 ms stereo frame at 16 kHz. */
const FRAME_BYTES = 2 * 320 * 2;

/**
 * `frames` stereo frames whose samples say where they are: left = +n, right = -n for the n-th
 * sample pair (wrapping at 30 000), so a wrong byte anywhere shows.
 */
export function numberedFrames(frames: number): Generator<Uint8Array> {
  return (function* () {
    const frame = new Int16Array(FRAME_BYTES / 2);
    const bytes = new Uint8Array(frame.buffer);
    for (let f = 0; f < frames; f++) {
      for (let i = 0; i < frame.length / 2; i++) {
        const n = (f * 320 + i) % 30_000;
        frame[2 * i] = n;
        frame[2 * i + 1] = -n;
      }
      yield bytes; // reused: the store must copy before write returns
    }
  })();
}

/** Throws unless `wav` is a 16 kHz stereo WAV holding exactly `frames` numbered frames. */
export function expectNumberedWav(wav: Buffer, frames: number): void {
  const { format, data } = parseWav(wav);
  expect(format).toEqual(FORMAT);
  expect(data.byteLength).toBe(frames * FRAME_BYTES);
  const samples = new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  for (let i = 0; i < samples.length / 2; i++) {
    const n = i % 30_000;
    if (samples[2 * i] !== n || samples[2 * i + 1] !== -n) {
      throw new Error(`sample pair ${i} is (${samples[2 * i]}, ${samples[2 * i + 1]}), expected (${n}, ${-n})`);
    }
  }
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Writes `frames` numbered frames as the recording of `callId`; resolves with the size close reported. */
export async function record(store: RecordingStore, callId: string, frames: number): Promise<{ path: string; bytes: number }> {
  const target = await store.open(callId, FORMAT);
  for (const frame of numberedFrames(frames)) target.write(frame);
  return { path: target.path, bytes: await target.close() };
}

/** What every recording store does, whatever it stores to. */
export function describeRecordingStoreConformance(name: string, storeOf: () => RecordingStore): void {
  describe(`${name} (recording store conformance)`, () => {
    it('stores a recording written in chunks as a WAV with the real sizes, at <callId>.wav', async () => {
      const store = storeOf();
      const { path, bytes } = await record(store, 'conf-whole', 500);
      expect(path).toBe('conf-whole.wav');
      expect(bytes).toBe(44 + 500 * FRAME_BYTES);
      expect(await store.stat(path)).toEqual({ bytes, modifiedAt: expect.any(Date) });
      expectNumberedWav(await readAll(await store.read(path)), 500);
    });

    it('serves byte ranges, cuts an end past the last byte, and refuses a start past it', async () => {
      const store = storeOf();
      const { path, bytes } = await record(store, 'conf-ranges', 10);
      const whole = await readAll(await store.read(path));
      expect((await readAll(await store.read(path, { start: 0, end: 43 }))).toString('latin1', 0, 4)).toBe('RIFF');
      expect(await readAll(await store.read(path, { start: 100, end: 199 }))).toEqual(whole.subarray(100, 200));
      expect(await readAll(await store.read(path, { start: bytes - 10 }))).toEqual(whole.subarray(bytes - 10));
      expect(await readAll(await store.read(path, { start: bytes - 2, end: bytes + 100 }))).toEqual(whole.subarray(bytes - 2));
      await expect(store.read(path, { start: bytes })).rejects.toThrow(RecordingRangeError);
    });

    it('deletes a recording, after which it is not found; deleting it again is fine', async () => {
      const store = storeOf();
      const { path } = await record(store, 'conf-delete', 5);
      await store.delete(path);
      expect(await store.stat(path)).toBeUndefined();
      await expect(store.read(path)).rejects.toThrow(RecordingNotFoundError);
      await store.delete(path);
    });

    it('refuses a path that could leave its root', async () => {
      const store = storeOf();
      await expect(store.stat('../escape.wav')).rejects.toThrow(RangeError);
      await expect(store.read('/etc/passwd')).rejects.toThrow(RangeError);
      await expect(store.delete('a/../../b.wav')).rejects.toThrow(RangeError);
      await expect(store.open('../call', FORMAT)).rejects.toThrow(RangeError);
    });
  });
}
