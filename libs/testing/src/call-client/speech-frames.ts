import { setTimeout as sleep } from 'node:timers/promises';
import { FRAME_SAMPLES, samplesToBytes } from '@parley/audio';

/** Silence after the speech, so the recogniser hears its end: half a second. */
const TRAILING_SILENCE_FRAMES = 25;
/**
 * Twice real time: 10 frames (200 ms of audio) every 100 ms. An stt-worker refuses a session that
 * falls seconds behind, and a busy machine decodes barely faster than real time.
 */
const BURST_FRAMES = 10;
const BURST_INTERVAL_MS = 100;

/**
 * Hands `samples` (16 kHz) to `send` as 20 ms frames numbered from 0, then half a second of
 * silence, at twice real time: how the test transcribers feed an STT session through the bus.
 * Each frame is a fresh buffer (a bus may hold on to the bytes until it flushes).
 */
export async function sendSpeechFrames(samples: Int16Array, send: (frame: Uint8Array, seq: number) => void): Promise<void> {
  const frames = Math.ceil(samples.length / FRAME_SAMPLES) + TRAILING_SILENCE_FRAMES;
  for (let seq = 0; seq < frames; seq++) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(samples.subarray(seq * FRAME_SAMPLES, (seq + 1) * FRAME_SAMPLES));
    send(samplesToBytes(frame), seq);
    if (seq % BURST_FRAMES === BURST_FRAMES - 1) await sleep(BURST_INTERVAL_MS);
  }
}
