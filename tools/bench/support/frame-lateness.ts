import { FRAME_BYTES, FRAME_MS } from '@parley/audio';
import type { AgentAudioSegment, VoiceCallClient } from '@parley/testing';

/** A frame later than this is one a telephony jitter buffer would likely drop. */
export const LATE_FRAME_MS = 40;

/**
 * How far agent frames drift from real time at the client. Inside one `audio_start`…`audio_end`
 * segment frame i should arrive at (first frame + i·20 ms); lateness is how much later it came.
 * It counts from the segment's first frame on purpose: a stall shifts every later frame, which
 * is what the caller's jitter buffer has to absorb.
 */
export class FrameLateness {
  maxMs = 0;
  frames = 0;
  lateFrames = 0;
  private segment = -1;
  private firstAt = 0;
  private bytesBefore = 0;

  /** Starts timing `client`'s agent frames as they arrive. */
  static watch(client: VoiceCallClient): FrameLateness {
    const lateness = new FrameLateness();
    // VoiceCallClient has no per-frame event; its AgentAudio sees every frame with its arrival
    // time, so this one instance's `frame` is wrapped (the client's own bookkeeping is unchanged).
    const audio = client.agentAudio;
    const record = audio.frame.bind(audio);
    audio.frame = (at: number, bytes: Buffer) => {
      const segment = record(at, bytes);
      lateness.frame(at, bytes.byteLength, segment);
      return segment;
    };
    return lateness;
  }

  frame(at: number, bytes: number, segment: AgentAudioSegment | undefined): void {
    if (!segment) return;
    if (segment.index !== this.segment) {
      this.segment = segment.index;
      this.firstAt = at;
      this.bytesBefore = 0;
    }
    const late = at - (this.firstAt + (this.bytesBefore / FRAME_BYTES) * FRAME_MS);
    this.bytesBefore += bytes;
    this.frames++;
    if (late > LATE_FRAME_MS) this.lateFrames++;
    this.maxMs = Math.max(this.maxMs, late);
  }
}
