import { BYTES_PER_SAMPLE, SAMPLE_RATE } from '@parley/audio';

/** One stretch of agent speech, from `audio_start` to `audio_end` (times in ms since connect). */
export interface AgentAudioSegment {
  readonly index: number;
  readonly startedAt: number;
  /** Undefined while the agent is still speaking (or when the call closed mid-segment). */
  endedAt: number | undefined;
  firstFrameAt: number | undefined;
  frames: number;
  bytes: number;
  /** The received frames, kept as they arrived; joined only when asked for (see samplesOf). */
  readonly chunks: Buffer[];
}

/**
 * Agent audio as the telephony side hears it: every binary frame, grouped by the
 * `audio_start`…`audio_end` segment it arrived in. Frames are kept by reference and only
 * concatenated on request, so a long call never re-copies what it already holds.
 */
export class AgentAudio {
  readonly segments: AgentAudioSegment[] = [];
  private current: AgentAudioSegment | undefined;
  private totalBytes = 0;
  private readonly all: Buffer[] = [];

  /** True between `audio_start` and `audio_end`. */
  get speaking(): boolean {
    return this.current !== undefined;
  }

  get currentSegment(): AgentAudioSegment | undefined {
    return this.current;
  }

  /** Bytes of agent audio received, in and out of segments. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Milliseconds of agent audio received (16 kHz PCM16). */
  get durationMs(): number {
    return (this.totalBytes / BYTES_PER_SAMPLE / SAMPLE_RATE) * 1000;
  }

  start(at: number): AgentAudioSegment {
    const index = this.segments.length;
    this.current = { index, startedAt: at, endedAt: undefined, firstFrameAt: undefined, frames: 0, bytes: 0, chunks: [] };
    this.segments.push(this.current);
    return this.current;
  }

  end(at: number): AgentAudioSegment | undefined {
    const segment = this.current;
    if (segment) segment.endedAt = at;
    this.current = undefined;
    return segment;
  }

  /** Stores one frame; returns the segment it belongs to, or undefined when none is open. */
  frame(at: number, bytes: Buffer): AgentAudioSegment | undefined {
    this.all.push(bytes);
    this.totalBytes += bytes.byteLength;
    const segment = this.current;
    if (!segment) return undefined;
    segment.firstFrameAt ??= at;
    segment.frames++;
    segment.bytes += bytes.byteLength;
    segment.chunks.push(bytes);
    return segment;
  }

  /** Every agent sample received, in order. */
  samples(): Int16Array {
    return joinSamples(this.all, this.totalBytes);
  }

  /** The samples of one segment. */
  samplesOf(segment: AgentAudioSegment): Int16Array {
    return joinSamples(segment.chunks, segment.bytes);
  }
}

function joinSamples(chunks: Buffer[], bytes: number): Int16Array {
  const samples = new Int16Array(Math.floor(bytes / BYTES_PER_SAMPLE));
  const target = new Uint8Array(samples.buffer);
  let offset = 0;
  for (const chunk of chunks) {
    const count = Math.min(chunk.byteLength, target.byteLength - offset);
    target.set(chunk.subarray(0, count), offset);
    offset += count;
  }
  return samples;
}
