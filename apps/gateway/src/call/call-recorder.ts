import { join } from 'node:path';
import { FRAME_BYTES, FRAME_SAMPLES, interleaveStereo, SAMPLE_RATE, WavFileWriter } from '@parley/audio';
import type { Logger } from '@parley/logging';

/** Agent audio waiting for the caller's clock: 2 s; older frames are dropped. */
const AGENT_BACKLOG_FRAMES = 100;

/**
 * Records the call as stereo WAV: caller on the left, on the right what the agent actually
 * played (not what TTS produced). The caller's stream is the clock: each caller frame is
 * written beside the oldest agent frame played and not yet written, or silence, which keeps
 * both sides aligned as long as the client streams continuously, as telephony does.
 * The file is written in chunks as the call goes (WavFileWriter); nothing is held in memory
 * beyond one batch. Frames before the file is open, or after a disk error, are not recorded.
 */
export class CallRecorder {
  /** Resolves once the file is open (or failed to open); frames before that are not recorded. */
  ready: Promise<void> = Promise.resolve();
  private writer: WavFileWriter | undefined;
  private readonly agentFrames: Int16Array[];
  private readonly agentBytes: Uint8Array[];
  private agentHead = 0;
  private agentCount = 0;
  private readonly silence = new Int16Array(FRAME_SAMPLES);
  private readonly stereo = new Int16Array(2 * FRAME_SAMPLES);
  private readonly stereoBytes = new Uint8Array(this.stereo.buffer);
  private stopped = false;

  private constructor(
    readonly path: string,
    private readonly log: Logger,
  ) {
    const slab = new Int16Array(AGENT_BACKLOG_FRAMES * FRAME_SAMPLES);
    this.agentFrames = Array.from({ length: AGENT_BACKLOG_FRAMES }, (_, i) =>
      slab.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES),
    );
    this.agentBytes = this.agentFrames.map((frame) => new Uint8Array(frame.buffer, frame.byteOffset, FRAME_BYTES));
  }

  /** Starts recording `<dir>/<callId>.wav`; the file opens in the background. */
  static start(dir: string, callId: string, log: Logger): CallRecorder {
    const recorder = new CallRecorder(join(dir, `${callId}.wav`), log);
    recorder.ready = WavFileWriter.create(recorder.path, { sampleRate: SAMPLE_RATE, channels: 2 }).then(
      (writer) => {
        if (recorder.stopped) void writer.close();
        else recorder.writer = writer;
      },
      (err: unknown) => {
        recorder.stopped = true;
        log.error({ err }, 'call recording could not be created');
      },
    );
    return recorder;
  }

  /** A frame the caller heard (a 640-byte PCM16 frame from the pacer). */
  agentFrame(frame: Uint8Array): void {
    if (!this.writer || frame.byteLength !== FRAME_BYTES) return;
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
    if (!this.writer) return;
    let agent: Int16Array = this.silence;
    if (this.agentCount > 0) {
      agent = this.agentFrames[this.agentHead];
      this.agentHead = (this.agentHead + 1) % AGENT_BACKLOG_FRAMES;
      this.agentCount--;
    }
    interleaveStereo(samples, agent, this.stereo);
    try {
      this.writer.write(this.stereoBytes);
    } catch (err) {
      this.log.error({ err }, 'call recording failed; the rest of the call is not recorded');
      void this.close();
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    const writer = this.writer;
    this.writer = undefined;
    try {
      await writer?.close();
    } catch (err) {
      this.log.error({ err }, 'call recording could not be finished');
    }
  }
}
