import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FRAME_MS, FRAME_SAMPLES, samplesToBytes } from '@parley/audio';

interface Utterance {
  readonly samples: Int16Array;
  offset: number;
  readonly done: () => void;
}

const SILENT_FRAME = Buffer.alloc(FRAME_SAMPLES * 2);

/**
 * The callee's side of a phone line: one 20 ms PCM16 frame per slot on the monotonic clock, as a
 * carrier sends it, silence unless an utterance is queued. Slots are computed from the start, so
 * timer lateness never accumulates into drift (late slots go out at once, as a line's backlog).
 */
export class RealtimeLine {
  private readonly queue: Utterance[] = [];
  private stopped = false;

  /** `send` returns false once the line is closed; the line then stops. */
  constructor(private readonly send: (frame: Buffer) => boolean) {}

  /** Sends frames until `stop()` or the line closes. */
  async run(): Promise<void> {
    let slot = performance.now();
    while (!this.stopped) {
      const wait = slot - performance.now();
      if (wait > 0) await sleep(wait);
      slot += FRAME_MS;
      if (this.stopped || !this.send(this.nextFrame())) break;
    }
    this.stop();
  }

  /** Queues speech; resolves once its last frame has gone out (or the line stopped). */
  speak(samples: Int16Array): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((done) => this.queue.push({ samples, offset: 0, done }));
  }

  stop(): void {
    this.stopped = true;
    for (const utterance of this.queue.splice(0)) utterance.done();
  }

  private nextFrame(): Buffer {
    const utterance = this.queue[0];
    if (!utterance) return SILENT_FRAME;
    const { samples, offset } = utterance;
    const end = offset + FRAME_SAMPLES;
    const frame = end <= samples.length ? samples.subarray(offset, end) : padded(samples.subarray(offset));
    utterance.offset = end;
    if (end >= samples.length) {
      this.queue.shift();
      utterance.done();
    }
    return samplesToBytes(frame);
  }
}

function padded(tail: Int16Array): Int16Array {
  const frame = new Int16Array(FRAME_SAMPLES);
  frame.set(tail);
  return frame;
}
