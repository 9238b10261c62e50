/**
 * Polyphase windowed-sinc filter banks for rational resampling by up/down. A bank depends only
 * on the rate pair, so it is designed once per pair and shared by every stream (hundreds of
 * concurrent calls resample 8 kHz telephony with the same coefficients).
 */
export interface FilterBank {
  /** Interpolation factor L (output rate / gcd). */
  readonly up: number;
  /** Decimation factor M (input rate / gcd). */
  readonly down: number;
  /** Taps per phase. */
  readonly taps: number;
  /** Input samples before the output instant that each output reads (history kept per stream). */
  readonly before: number;
  /** Input samples after the output instant each output needs: the resampler's latency. */
  readonly after: number;
  /** `up` phases of `taps` coefficients, phase-major; phase p interpolates at offset p/up. */
  readonly coefficients: Float32Array;
}

/** Sinc zero crossings on each side of the centre: sets the transition band width. */
const ZERO_CROSSINGS = 16;
/** Kaiser beta: about 85 dB of stopband attenuation. */
const KAISER_BETA = 8.5;
/** Cutoff as a fraction of the lower Nyquist frequency; the rest is the transition band. */
const CUTOFF = 0.9;
/** Above this many phases the bank gets large; no rate pair Parley uses comes near it. */
const MAX_PHASES = 2048;

const banks = new Map<string, FilterBank>();

/** The (cached) bank converting `fromRate` to `toRate`; rates are positive integers in Hz. */
export function filterBankFor(fromRate: number, toRate: number): FilterBank {
  assertRate(fromRate);
  assertRate(toRate);
  const key = `${fromRate}:${toRate}`;
  let bank = banks.get(key);
  if (!bank) {
    const divisor = gcd(fromRate, toRate);
    bank = designBank(toRate / divisor, fromRate / divisor);
    banks.set(key, bank);
  }
  return bank;
}

function designBank(up: number, down: number): FilterBank {
  if (up === down) return { up: 1, down: 1, taps: 1, before: 0, after: 0, coefficients: Float32Array.of(1) };
  if (up > MAX_PHASES) {
    throw new RangeError(`resampling by ${up}/${down} needs ${up} filter phases, more than ${MAX_PHASES}`);
  }
  // Cutoff in cycles per input sample: below the Nyquist frequency of the slower side.
  const cutoff = 0.5 * Math.min(1, up / down) * CUTOFF;
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff); // in input samples
  const after = Math.ceil(halfWidth);
  const before = after - 1;
  const taps = before + after + 1;
  const coefficients = new Float32Array(up * taps);
  for (let phase = 0; phase < up; phase++) {
    designPhase(coefficients.subarray(phase * taps, (phase + 1) * taps), -before - phase / up, cutoff, halfWidth);
  }
  return { up, down, taps, before, after, coefficients };
}

/**
 * Fills one phase: tap k weighs the input sample (k + firstOffset) input samples away from the
 * output instant. Each phase is normalized to unit DC gain so no phase modulates the level.
 */
function designPhase(out: Float32Array, firstOffset: number, cutoff: number, halfWidth: number): void {
  let sum = 0;
  const values = new Float64Array(out.length);
  for (let k = 0; k < out.length; k++) {
    const t = k + firstOffset; // input sample position relative to the output instant
    values[k] = Math.abs(t) > halfWidth ? 0 : 2 * cutoff * sinc(2 * cutoff * t) * kaiser(t / halfWidth);
    sum += values[k];
  }
  for (let k = 0; k < out.length; k++) out[k] = values[k] / sum;
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

function kaiser(x: number): number {
  return besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / besselI0(KAISER_BETA);
}

/** Modified Bessel function of the first kind, order 0 (power series; converges fast). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; term > 1e-12 * sum; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function assertRate(rate: number): void {
  if (!Number.isInteger(rate) || rate <= 0) throw new RangeError(`sample rate must be a positive integer, got ${rate}`);
}
