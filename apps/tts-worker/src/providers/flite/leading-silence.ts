/** Below this magnitude (about -42 dBFS) a sample counts as silence. */
const SILENCE_THRESHOLD = 256;

/**
 * flite opens every utterance with 150–280 ms of near-silence. Dropping it from the first piece of a
 * reply brings the first audible speech forward by more than the synthesis itself takes. `keepSamples`
 * of lead-in stay so soft onsets are not clipped; audio that is silent throughout is returned whole.
 */
export function skipLeadingSilence(samples: Int16Array, keepSamples: number): Int16Array {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]) < SILENCE_THRESHOLD) first++;
  if (first === samples.length) return samples;
  return samples.subarray(Math.max(0, first - keepSamples));
}
