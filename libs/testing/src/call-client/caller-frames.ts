import { FRAME_BYTES, FRAME_SAMPLES, dbfs, samplesToBytes } from '@parley/audio';

/** Caller audio cut into 20 ms frames, read one frame at a time while sending. */
export interface CallerFrames {
  /** Number of frames; Infinity for a stream that runs until stopped. */
  readonly count: number;
  /** The frame's bytes, valid until the next call (the socket copies them as it masks them). */
  bytes(index: number): Buffer;
  /** Whether the frame holds speech (RMS above the threshold): the caller is talking. */
  voiced(index: number): boolean;
}

const SILENT_FRAME = Buffer.alloc(FRAME_BYTES);

/** Silence: `count` frames, or endless when `count` is Infinity. */
export function silentFrames(count: number): CallerFrames {
  return { count, bytes: () => SILENT_FRAME, voiced: () => false };
}

/**
 * Frames over the caller's samples without copying them; the last one is zero-padded to a whole
 * frame, as a telephony platform would send it.
 */
export function pcmFrames(samples: Int16Array, speechThresholdDbfs: number): CallerFrames {
  const whole = Math.floor(samples.length / FRAME_SAMPLES);
  const count = Math.ceil(samples.length / FRAME_SAMPLES);
  const tail = count > whole ? paddedTail(samples, whole * FRAME_SAMPLES) : undefined;
  return {
    count,
    bytes: (index) =>
      index < whole ? samplesToBytes(samples.subarray(index * FRAME_SAMPLES, (index + 1) * FRAME_SAMPLES)) : (tail as Buffer),
    voiced: (index) => {
      const start = index * FRAME_SAMPLES;
      return dbfs(samples, start, Math.min(samples.length, start + FRAME_SAMPLES)) > speechThresholdDbfs;
    },
  };
}

function paddedTail(samples: Int16Array, start: number): Buffer {
  const frame = new Int16Array(FRAME_SAMPLES);
  frame.set(samples.subarray(start));
  return samplesToBytes(frame);
}
