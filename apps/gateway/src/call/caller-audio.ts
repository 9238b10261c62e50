import { FRAME_BYTES, FrameSplitter } from '@parley/audio';
import type { Vad, VadEvent, VadFactory } from '../vad';
import { TurnDetector, type TurnDetectorOptions, type TurnSignal } from './turn-detector';

/**
 * NATS keeps a reference to a published payload until it flushes (a microtask later), so the
 * splitter's reused frame cannot be published as is. Frames are copied into a ring of buffers
 * instead of fresh ones: 256 frames are 5 s of audio, far more than one event-loop turn can
 * receive (a socket read is at most 64 KiB, about 100 frames).
 */
const POOL_FRAMES = 256;

export interface CallerAudioSinks {
  /** One 20 ms frame for the STT session; owned by the pool, valid until it cycles. */
  toStt(frame: Uint8Array): void;
  /** What the frame meant for the conversation. */
  onSignal(signal: Exclude<TurnSignal, null>): void;
  /** Every frame, for the recording; a reused buffer, valid during the call only. */
  onFrame?(samples: Int16Array): void;
}

/**
 * Caller audio in: chunks of any size → 20 ms frames → STT and the recording at once, and
 * VAD → turn-taking as the VAD decides (Silero answers asynchronously, in frame order).
 */
export class CallerAudio {
  readonly detector: TurnDetector;
  private readonly vad: Vad;
  private readonly splitter = new FrameSplitter((bytes, samples) => this.onFrame(bytes, samples));
  private readonly pool: readonly Uint8Array[];
  private poolIndex = 0;
  private stopped = false;
  private muted = false;

  constructor(
    vads: VadFactory,
    turnTiming: Omit<TurnDetectorOptions, 'vadHangoverMs'>,
    private readonly sinks: CallerAudioSinks,
  ) {
    this.vad = vads.create((event, voiced) => this.onVerdict(event, voiced));
    this.detector = new TurnDetector({ ...turnTiming, vadHangoverMs: this.vad.hangoverMs });
    const slab = new Uint8Array(POOL_FRAMES * FRAME_BYTES);
    this.pool = Array.from({ length: POOL_FRAMES }, (_, i) => slab.subarray(i * FRAME_BYTES, (i + 1) * FRAME_BYTES));
  }

  push(chunk: Uint8Array): void {
    if (!this.stopped) this.splitter.push(chunk);
  }

  /**
   * Muted (a supervisor's `mute`): frames are still recorded, but neither STT nor the VAD gets
   * them, so the caller takes no turn and cannot barge in. Turn-taking resumes where it was.
   */
  setMuted(muted: boolean): void {
    this.muted = muted;
  }

  /** The call is over: ignore whatever still arrives. */
  stop(): void {
    this.stopped = true;
    this.splitter.reset();
    this.vad.close();
  }

  private onFrame(bytes: Uint8Array, samples: Int16Array): void {
    if (!this.muted) {
      this.vad.process(samples);
      const frame = this.pool[this.poolIndex];
      this.poolIndex = (this.poolIndex + 1) % POOL_FRAMES;
      frame.set(bytes);
      this.sinks.toStt(frame);
    }
    this.sinks.onFrame?.(samples);
  }

  private onVerdict(event: VadEvent | null, voiced: boolean): void {
    const signal = this.detector.onFrame(event, voiced);
    if (signal) this.sinks.onSignal(signal);
  }
}
