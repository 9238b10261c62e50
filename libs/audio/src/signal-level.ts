import { INT16_FULL_SCALE } from './pcm-format';

/**
 * The level reported for digital silence. A finite floor (instead of -Infinity) keeps
 * averages and comparisons in level trackers well defined.
 */
export const MIN_DBFS = -100;

/** Root mean square of int16 samples, in sample units (0..32768). */
export function rms(samples: Int16Array, start = 0, end = samples.length): number {
  if (end <= start) return 0;
  let sum = 0;
  for (let i = start; i < end; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / (end - start));
}

/**
 * dBFS of an RMS value, relative to full scale 32768: a full-scale square wave reads 0 dBFS
 * and a full-scale sine -3.01 dBFS. Never below MIN_DBFS.
 */
export function rmsToDbfs(rmsValue: number): number {
  if (rmsValue <= 0) return MIN_DBFS;
  return Math.max(MIN_DBFS, 20 * Math.log10(rmsValue / INT16_FULL_SCALE));
}

/** RMS level of the samples in dBFS (see rmsToDbfs). */
export function dbfs(samples: Int16Array, start = 0, end = samples.length): number {
  return rmsToDbfs(rms(samples, start, end));
}
