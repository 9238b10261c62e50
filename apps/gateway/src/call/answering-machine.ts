import { FRAME_MS, SAMPLE_RATE } from '@parley/audio';
import type { AnsweredBy } from '@parley/contracts';

export interface AnsweringMachineOptions {
  /** Audio after which the verdict is `unknown` if nothing decided it. */
  readonly windowMs: number;
  /** A first utterance this short, then a pause, is a person ("Hello?"). */
  readonly humanMaxMs: number;
  /** Speech this long without a pause is a recorded greeting. */
  readonly machineMinMs: number;
  /** Quiet that ends an utterance (shorter gaps are breaths between words). */
  readonly pauseMs: number;
  /** How long the VAD stays "in speech" after the last voice (both gateway VADs: 300 ms). */
  readonly vadHangoverMs: number;
  /** A steady tone this long is a voicemail beep. */
  readonly beepMinMs: number;
  /** Share of a frame's energy the tone must hold. */
  readonly beepPurity: number;
  /** Quieter frames are no beep, whatever their spectrum. */
  readonly beepMinRms: number;
}

export const AMD_DEFAULTS: AnsweringMachineOptions = {
  windowMs: 6_000,
  humanMaxMs: 1_800,
  machineMinMs: 3_000,
  pauseMs: 600,
  vadHangoverMs: 300,
  beepMinMs: 250,
  beepPurity: 0.6,
  beepMinRms: 300,
};

/** Beep frequencies listened for: 800–1200 Hz in 25 Hz steps (a 20 ms frame resolves 50 Hz). */
const BEEP_HZ = Array.from({ length: 17 }, (_, i) => 800 + 25 * i);

/**
 * A steady tone near 1 kHz: one Goertzel filter per frequency over each 20 ms frame. A frame is
 * tonal when one filter holds `purity` of its energy; the beep is that many tonal frames in a row
 * at (nearly) one frequency. Coefficients are computed once; a frame allocates nothing.
 */
export class BeepDetector {
  private readonly coefficients = Float64Array.from(BEEP_HZ, (hz) => 2 * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE));
  private run = 0;
  private lastBin = -1;

  constructor(private readonly options: Pick<AnsweringMachineOptions, 'beepMinMs' | 'beepPurity' | 'beepMinRms'>) {}

  /** True from the frame that completes a beep on. */
  frame(samples: Int16Array): boolean {
    const bin = this.tonalBin(samples);
    const steady = bin >= 0 && (this.run === 0 || Math.abs(bin - this.lastBin) <= 1);
    this.run = steady ? this.run + 1 : bin >= 0 ? 1 : 0;
    this.lastBin = bin;
    return this.run * FRAME_MS >= this.options.beepMinMs;
  }

  /** The filter holding `purity` of the frame's energy, or -1. */
  private tonalBin(samples: Int16Array): number {
    let energy = 0;
    for (let i = 0; i < samples.length; i++) energy += samples[i] * samples[i];
    if (energy < this.options.beepMinRms ** 2 * samples.length) return -1;
    let best = -1;
    let bestPower = 0;
    for (let bin = 0; bin < this.coefficients.length; bin++) {
      const power = goertzelPower(samples, this.coefficients[bin]);
      if (power > bestPower) [best, bestPower] = [bin, power];
    }
    // A pure sine of amplitude A: |X|² ≈ (A·N/2)² and Σx² = A²·N/2, so 2|X|²/N ≈ Σx².
    return (2 * bestPower) / samples.length >= this.options.beepPurity * energy ? best : -1;
  }
}

function goertzelPower(samples: Int16Array, coefficient: number): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < samples.length; i++) {
    const s0 = samples[i] + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
}

/**
 * Human or answering machine, from the callee's first seconds (classic AMD heuristics): a person
 * answers with a short greeting ("Hello?", under `humanMaxMs`) and waits; a machine plays a long
 * greeting (over `machineMinMs` before a pause of `pauseMs`) and/or a beep. Fed one 20 ms frame
 * at a time with the VAD's in-speech state; decides once, `unknown` after `windowMs` (silence,
 * noise, a medium greeting without a beep). Time is counted in audio, not on the clock.
 */
export class AnsweringMachineDetector {
  private readonly options: AnsweringMachineOptions;
  private readonly beep: BeepDetector;
  private decided: AnsweredBy | undefined;
  private nowMs = 0;
  /** Start of the utterance in progress, or undefined between utterances. */
  private utteranceStartMs: number | undefined;
  /** When the last voice ended (the VAD's hangover taken off), while the VAD says quiet. */
  private voiceEndMs: number | undefined;
  private utterances = 0;

  constructor(options: Partial<AnsweringMachineOptions> = {}) {
    this.options = { ...AMD_DEFAULTS, ...options };
    this.beep = new BeepDetector(this.options);
  }

  /** The verdict, once decided. */
  get verdict(): AnsweredBy | undefined {
    return this.decided;
  }

  /** One caller frame; returns the verdict on the frame that decides it, once. */
  frame(samples: Int16Array, speaking: boolean): AnsweredBy | undefined {
    if (this.decided) return undefined;
    this.nowMs += (samples.length * 1000) / SAMPLE_RATE;
    const verdict = this.beep.frame(samples) ? 'machine' : this.judgeSpeech(speaking);
    if (verdict) this.decided = verdict;
    else if (this.nowMs >= this.options.windowMs) this.decided = 'unknown';
    return this.decided;
  }

  /** The call ended: the verdict so far, `unknown` if none. */
  finish(): AnsweredBy {
    this.decided ??= 'unknown';
    return this.decided;
  }

  private judgeSpeech(speaking: boolean): AnsweredBy | undefined {
    if (speaking) return this.onSpeech();
    if (this.utteranceStartMs === undefined) return undefined;
    this.voiceEndMs ??= this.nowMs - this.options.vadHangoverMs;
    if (this.nowMs - this.voiceEndMs < this.options.pauseMs) return undefined;
    return this.utteranceEnded(this.voiceEndMs - this.utteranceStartMs);
  }

  private onSpeech(): AnsweredBy | undefined {
    this.utteranceStartMs ??= this.nowMs;
    this.voiceEndMs = undefined;
    return this.nowMs - this.utteranceStartMs >= this.options.machineMinMs ? 'machine' : undefined;
  }

  /** Only a short first utterance says human; a longer one leaves the beep to decide. */
  private utteranceEnded(lengthMs: number): AnsweredBy | undefined {
    this.utteranceStartMs = undefined;
    this.voiceEndMs = undefined;
    return ++this.utterances === 1 && lengthMs <= this.options.humanMaxMs ? 'human' : undefined;
  }
}
