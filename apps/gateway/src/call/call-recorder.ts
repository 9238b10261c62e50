import { randomUUID } from 'node:crypto';
import { FRAME_BYTES, FRAME_MS, FRAME_SAMPLES, interleaveStereo, SAMPLE_RATE } from '@parley/audio';
import type { Logger } from '@parley/logging';
import type { RecordingSink, RecordingTarget } from './recording-sink';

/** Agent audio waiting for the caller's clock: 2 s; older frames are dropped. */
const AGENT_BACKLOG_FRAMES = 100;
const FORMAT = Object.freeze({ sampleRate: SAMPLE_RATE, channels: 2 });

export interface RecordingStart {
  readonly path: string;
  readonly sampleRate: number;
  readonly channels: number;
  readonly startedAt: Date;
}

export interface RecordingStop {
  readonly bytes: number;
  readonly durationMs: number;
  readonly stoppedAt: Date;
}

/** Told when the recording is stored from its first frame on, and when it is complete. */
export interface RecordingHooks {
  started(start: RecordingStart): void;
  stopped(start: RecordingStart, stop: RecordingStop): void;
}

/**
 * Records the call as stereo WAV: caller on the left, on the right what the agent actually
 * played (not what TTS produced). The caller's stream is the clock: each caller frame is
 * written beside the oldest agent frame played and not yet written, or silence, which keeps
 * both sides aligned as long as the client streams continuously, as telephony does.
 * The recording is written in chunks as the call goes (see `RecordingSink`); nothing is held in
 * memory beyond one batch. Caller frames before it is open, or after a store error, are not recorded.
 */
export class CallRecorder {
  /** Resolves once the file is open (or failed to open); frames before that are not recorded. */
  ready: Promise<void> = Promise.resolve();
  private target: RecordingTarget | undefined;
  private start: RecordingStart | undefined;
  private framesWritten = 0;
  private readonly agentFrames: Int16Array[];
  private readonly agentBytes: Uint8Array[];
  private agentHead = 0;
  private agentCount = 0;
  private readonly silence = new Int16Array(FRAME_SAMPLES);
  private readonly stereo = new Int16Array(2 * FRAME_SAMPLES);
  private readonly stereoBytes = new Uint8Array(this.stereo.buffer);
  private stopped = false;

  private constructor(
    private readonly log: Logger,
    private readonly hooks: RecordingHooks,
  ) {
    const slab = new Int16Array(AGENT_BACKLOG_FRAMES * FRAME_SAMPLES);
    this.agentFrames = Array.from({ length: AGENT_BACKLOG_FRAMES }, (_, i) =>
      slab.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES),
    );
    this.agentBytes = this.agentFrames.map((frame) => new Uint8Array(frame.buffer, frame.byteOffset, FRAME_BYTES));
  }

  /** Starts recording the call into `sink`; the recording opens in the background. */
  static start(sink: RecordingSink, callId: string, log: Logger, hooks: RecordingHooks): CallRecorder {
    const recorder = new CallRecorder(log, hooks);
    recorder.ready = sink.open(callId, FORMAT).then(
      (target) => recorder.opened(target),
      (err: unknown) => {
        recorder.stopped = true;
        log.error({ err }, 'call recording could not be created');
      },
    );
    return recorder;
  }

  /**
   * A frame the caller heard (a 640-byte PCM16 frame from the pacer). Kept even while the file
   * is still opening: the greeting starts at once and must not lose its first frames.
   */
  agentFrame(frame: Uint8Array): void {
    if (this.stopped || frame.byteLength !== FRAME_BYTES) return;
    if (this.agentCount === AGENT_BACKLOG_FRAMES) {
      this.agentHead = (this.agentHead + 1) % AGENT_BACKLOG_FRAMES; // the caller stopped streaming
      this.agentCount--;
    }
    const slot = (this.agentHead + this.agentCount) % AGENT_BACKLOG_FRAMES;
    this.agentBytes[slot].set(frame);
    this.agentCount++;
  }

  /** One 20 ms caller frame: writes one stereo frame. */
  callerFrame(samples: Int16Array): void {
    if (!this.target) return;
    let agent: Int16Array = this.silence;
    if (this.agentCount > 0) {
      agent = this.agentFrames[this.agentHead];
      this.agentHead = (this.agentHead + 1) % AGENT_BACKLOG_FRAMES;
      this.agentCount--;
    }
    interleaveStereo(samples, agent, this.stereo);
    try {
      this.target.write(this.stereoBytes);
      this.framesWritten++;
    } catch (err) {
      this.log.error({ err }, 'call recording failed; the rest of the call is not recorded');
      void this.close();
    }
  }

  /** Closed, or failed: nothing more is recorded. */
  get done(): boolean {
    return this.stopped;
  }

  /** Finishes the recording (once); `stopped` follows a recording that was stored. */
  async close(): Promise<void> {
    this.stopped = true;
    const { target, start } = this;
    this.target = undefined;
    if (!target || !start) return;
    try {
      const bytes = await target.close();
      this.hooks.stopped(start, { bytes, durationMs: this.framesWritten * FRAME_MS, stoppedAt: new Date() });
    } catch (err) {
      this.log.error({ err }, 'call recording could not be finished');
    }
  }

  private opened(target: RecordingTarget): void {
    if (this.stopped) {
      void target.close().catch((err: unknown) => this.log.error({ err }, 'call recording could not be finished'));
      return;
    }
    this.target = target;
    this.start = { path: target.path, ...FORMAT, startedAt: new Date() };
    this.hooks.started(this.start);
  }
}

/**
 * The recordings of one call: one from the start unless the agent turned recording off, and
 * whichever a `recording-start` / `recording-stop` command asks for while the call lives. Each
 * has its own recording id; the first is stored as `<callId>`, later ones as `<callId>-<n>`, so
 * none overwrites another.
 */
export class CallRecordings {
  private current: CallRecorder | undefined;
  private started = 0;

  constructor(
    private readonly sink: RecordingSink | undefined,
    private readonly callId: string,
    private readonly log: Logger,
    private readonly hooksFor: (recordingId: string) => RecordingHooks,
  ) {}

  /** This gateway stores recordings at all. */
  get available(): boolean {
    return this.sink !== undefined;
  }

  get recording(): boolean {
    return this.current !== undefined && !this.current.done;
  }

  /** Starts a recording; false when none can start (no sink, or one is running). */
  start(): boolean {
    if (!this.sink || this.recording) return false;
    this.started++;
    const name = this.started === 1 ? this.callId : `${this.callId}-${this.started}`;
    this.current = CallRecorder.start(this.sink, name, this.log, this.hooksFor(randomUUID()));
    return true;
  }

  /** Finishes the running recording; false when none was running. */
  stop(): boolean {
    const recorder = this.current;
    this.current = undefined;
    if (!recorder || recorder.done) return false;
    void recorder.close();
    return true;
  }

  /** The end of the call: resolves once the running recording is stored. */
  async close(): Promise<void> {
    const recorder = this.current;
    this.current = undefined;
    await recorder?.close();
  }

  callerFrame(samples: Int16Array): void {
    this.current?.callerFrame(samples);
  }

  agentFrame(frame: Uint8Array): void {
    this.current?.agentFrame(frame);
  }
}
