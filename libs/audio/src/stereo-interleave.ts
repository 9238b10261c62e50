/**
 * Interleaves two mono tracks into stereo frames (L R L R ...). Recordings put the caller on the
 * left and the agent on the right so either side can be listened to or transcribed alone. The
 * shorter track is padded with silence. Returns the number of stereo frames written to `out`.
 */
export function interleaveStereo(left: Int16Array, right: Int16Array, out: Int16Array): number {
  const frames = Math.max(left.length, right.length);
  if (out.length < 2 * frames) throw new RangeError(`output holds ${out.length} samples, needs ${2 * frames}`);
  for (let i = 0; i < frames; i++) {
    out[2 * i] = i < left.length ? left[i] : 0;
    out[2 * i + 1] = i < right.length ? right[i] : 0;
  }
  return frames;
}
