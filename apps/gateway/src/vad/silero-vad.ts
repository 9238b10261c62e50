import { FRAME_SAMPLES, SAMPLE_RATE } from '@parley/audio';
import type { Logger } from '@parley/logging';
import { SILERO_CONTEXT_SAMPLES, SILERO_WINDOW_SAMPLES, type SileroStream } from './silero-model';
import { SpeechGate, type SpeechGateOptions } from './speech-gate';
import type { Vad, VadVerdictListener } from './vad';

export const SILERO_GATE: SpeechGateOptions = Object.freeze({
  startThreshold: 0.5,
  endThreshold: 0.35,
  attackMs: 60,
  hangoverMs: 300,
});

/**
 * Frames waiting for their verdict: 5 s of audio. Inference keeps up by a factor of 200, so
 * only a starved process fills it; frames beyond it get no verdict (turn-taking counts 20 ms
 * less) rather than growing memory.
 */
const QUEUE_FRAMES = 256;
const SCALE = 1 / 32768;

/**
 * Silero v5 behind the `Vad` interface. 20 ms frames are queued (copied into a ring), cut
 * into 32 ms windows, and classified one inference at a time, so verdicts come out in frame
 * order even though ONNX Runtime answers asynchronously. Each frame's verdict uses the last
 * window's probability. Nothing is allocated per frame but what ONNX Runtime returns.
 */
export class SileroVad implements Vad {
  readonly hangoverMs = SILERO_GATE.hangoverMs;
  private readonly gate = new SpeechGate(SILERO_GATE);
  private readonly queue: Int16Array[];
  private head = 0;
  private queued = 0;
  /** Samples of the current window already in the stream's input, after the context. */
  private filled = 0;
  private probability = 0;
  private pumping = false;
  private closed = false;
  private overflowLogged = false;
  private failureLogged = false;

  constructor(
    private readonly stream: SileroStream,
    private readonly onVerdict: VadVerdictListener,
    private readonly log: Logger,
  ) {
    const slab = new Int16Array(QUEUE_FRAMES * FRAME_SAMPLES);
    this.queue = Array.from({ length: QUEUE_FRAMES }, (_, i) => slab.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES));
  }

  process(frame: Int16Array): void {
    if (this.closed) return;
    if (this.queued === QUEUE_FRAMES || frame.length !== FRAME_SAMPLES) return this.dropFrame(frame.length);
    this.queue[(this.head + this.queued) % QUEUE_FRAMES].set(frame);
    this.queued++;
    if (!this.pumping) void this.pump();
  }

  close(): void {
    this.closed = true;
  }

  /** Classifies queued frames until none is left; the only place inference runs for this stream. */
  private async pump(): Promise<void> {
    this.pumping = true;
    while (this.queued > 0 && !this.closed) {
      const frame = this.queue[this.head];
      await this.classify(frame);
      this.head = (this.head + 1) % QUEUE_FRAMES;
      this.queued--;
      if (this.closed) break;
      const event = this.gate.update(this.probability, (frame.length * 1000) / SAMPLE_RATE);
      this.deliver(event);
    }
    this.pumping = false;
  }

  /** Adds the frame to the window; a frame (20 ms) completes at most one window (32 ms). */
  private async classify(frame: Int16Array): Promise<void> {
    const input = this.stream.input;
    for (let offset = 0; offset < frame.length; ) {
      const take = Math.min(frame.length - offset, SILERO_WINDOW_SAMPLES - this.filled);
      const base = SILERO_CONTEXT_SAMPLES + this.filled;
      for (let i = 0; i < take; i++) input[base + i] = frame[offset + i] * SCALE;
      this.filled += take;
      offset += take;
      if (this.filled === SILERO_WINDOW_SAMPLES) {
        this.filled = 0;
        this.probability = await this.infer();
      }
    }
  }

  private async infer(): Promise<number> {
    try {
      return await this.stream.infer();
    } catch (err) {
      // The call goes on deaf to speech starts rather than ending; logged once per call.
      if (!this.failureLogged) this.log.error({ err }, 'silero inference failed; window counted as silence');
      this.failureLogged = true;
      return 0;
    }
  }

  private deliver(event: ReturnType<SpeechGate['update']>): void {
    try {
      this.onVerdict(event, this.probability >= SILERO_GATE.endThreshold);
    } catch (err) {
      // A throwing listener must not stop the queue: later frames still need their verdicts.
      this.log.error({ err }, 'vad verdict handling failed');
    }
  }

  private dropFrame(samples: number): void {
    if (this.overflowLogged) return;
    this.overflowLogged = true;
    this.log.warn({ samples, queued: this.queued }, 'silero vad behind or frame of unexpected size; frame skipped');
  }
}
