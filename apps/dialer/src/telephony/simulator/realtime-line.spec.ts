import { performance } from 'node:perf_hooks';
import { FRAME_BYTES, FRAME_SAMPLES } from '@parley/audio';
import { RealtimeLine } from './realtime-line';

describe('RealtimeLine', () => {
  it('sends 20 ms frames in real time: silence, then the queued speech, padded to a whole frame', async () => {
    const frames: { at: number; bytes: Buffer }[] = [];
    const line = new RealtimeLine((frame) => {
      frames.push({ at: performance.now(), bytes: Buffer.from(frame) });
      return true;
    });
    const started = performance.now();
    const running = line.run();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const speech = new Int16Array(FRAME_SAMPLES * 25 + 10).fill(1000); // 500 ms and a bit
    await line.speak(speech);
    const spokenAt = performance.now();
    line.stop();
    await running;

    expect(frames.every((f) => f.bytes.byteLength === FRAME_BYTES)).toBe(true);
    const voiced = frames.filter((f) => f.bytes.readInt16LE(0) === 1000);
    expect(voiced).toHaveLength(26);
    expect(frames[0].bytes.every((b) => b === 0)).toBe(true);
    const last = voiced[25].bytes;
    expect(last.readInt16LE(18)).toBe(1000); // the 10 spoken samples...
    expect(last.readInt16LE(20)).toBe(0); // ...then zero padding
    // 26 frames take 520 ms on the line clock; a loaded machine may run late, never early.
    const speaking = spokenAt - voiced[0].at;
    expect(speaking).toBeGreaterThanOrEqual(25 * 20 - 5);
    expect(speaking).toBeLessThan(25 * 20 + 2_000);
    // No burst: frames so far ≈ elapsed / 20 ms.
    expect(frames.length).toBeLessThanOrEqual(Math.ceil((spokenAt - started) / 20) + 2);
  });

  it('stops when the line closes, and a pending utterance resolves', async () => {
    let sent = 0;
    const line = new RealtimeLine(() => ++sent < 3);
    const running = line.run();
    await expect(line.speak(new Int16Array(FRAME_SAMPLES * 100))).resolves.toBeUndefined();
    await running;
    expect(sent).toBe(3);
  });
});
