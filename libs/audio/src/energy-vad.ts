import { SAMPLE_RATE } from './pcm-format';
import { dbfs } from './signal-level';

export interface EnergyVadOptions {
  /** Sample rate of the frames, to turn frame lengths into time. Default 16000. */
  sampleRate: number;
  /** How long a frame run must stay loud before speech starts (ignores clicks). Default 60 ms. */
  attackMs: number;
  /** How long a run must stay quiet before speech ends (bridges pauses between words). Default 300 ms. */
  hangoverMs: number;
  /** dB above the noise floor that counts as loud while silent. Default 10. */
  startMarginDb: number;
  /** dB above the noise floor that keeps speech going; below startMarginDb for hysteresis. Default 6. */
  continueMarginDb: number;
  /** Nothing quieter than this is speech, however quiet the line. Default -45 dBFS. */
  minSpeechDbfs: number;
  /** Noise floor assumed before any audio is heard. Default -60 dBFS. */
  initialNoiseFloorDbfs: number;
  /** Time constant for the floor to fall to a quieter background. Default 100 ms. */
  floorFallMs: number;
  /** Time constant for the floor to rise to a louder background while silent. Default 2 s. */
  floorRiseMs: number;
  /**
   * Time constant for the floor to rise during speech. Speech has pauses that pull the floor
   * back down; a steady noise does not, so it is eventually learned and ends "speech". Default 4 s.
   */
  floorRiseInSpeechMs: number;
}

export type VadEvent = 'speech-start' | 'speech-end';

const DEFAULTS: EnergyVadOptions = {
  sampleRate: SAMPLE_RATE,
  attackMs: 60,
  hangoverMs: 300,
  startMarginDb: 10,
  continueMarginDb: 6,
  minSpeechDbfs: -45,
  initialNoiseFloorDbfs: -60,
  floorFallMs: 100,
  floorRiseMs: 2_000,
  floorRiseInSpeechMs: 4_000,
};

/**
 * Energy-based voice activity detection, the fallback when the neural VAD is unavailable. Each
 * frame's RMS level is compared with an adaptive noise floor; speech starts after `attackMs` of
 * loud frames and ends after `hangoverMs` of quiet ones. One object per stream; no allocation
 * per frame. Frames may be any length (timing is counted in samples).
 */
export class EnergyVad {
  private readonly options: EnergyVadOptions;
  private floorDbfs = 0;
  private lastDbfs = 0;
  private inSpeech = false;
  private runMs = 0; // how long frames have disagreed with the current state

  constructor(options: Partial<EnergyVadOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    validate(this.options);
    this.reset();
  }

  get speaking(): boolean {
    return this.inSpeech;
  }

  /** Level of the last frame, dBFS. */
  get levelDbfs(): number {
    return this.lastDbfs;
  }

  get noiseFloorDbfs(): number {
    return this.floorDbfs;
  }

  /** Classifies one frame; returns the transition it completes, if any. */
  process(frame: Int16Array): VadEvent | null {
    const frameMs = (frame.length * 1000) / this.options.sampleRate;
    const level = dbfs(frame);
    this.lastDbfs = level;
    const loud = level > this.threshold();
    this.trackFloor(level, frameMs);
    // A frame that agrees with the current state resets the run towards a transition.
    this.runMs = loud === this.inSpeech ? 0 : this.runMs + frameMs;
    const needed = this.inSpeech ? this.options.hangoverMs : this.options.attackMs;
    if (this.runMs === 0 || this.runMs < needed) return null;
    this.inSpeech = !this.inSpeech;
    this.runMs = 0;
    return this.inSpeech ? 'speech-start' : 'speech-end';
  }

  /** Back to silence with the initial noise floor (a new call). */
  reset(): void {
    this.floorDbfs = this.options.initialNoiseFloorDbfs;
    this.lastDbfs = this.options.initialNoiseFloorDbfs;
    this.inSpeech = false;
    this.runMs = 0;
  }

  private threshold(): number {
    const margin = this.inSpeech ? this.options.continueMarginDb : this.options.startMarginDb;
    return Math.max(this.floorDbfs + margin, this.options.minSpeechDbfs);
  }

  /** One-pole smoothing towards the frame level: fast down, slow up (a minimum tracker). */
  private trackFloor(level: number, frameMs: number): void {
    const { floorFallMs, floorRiseMs, floorRiseInSpeechMs } = this.options;
    const timeConstant = level < this.floorDbfs ? floorFallMs : this.inSpeech ? floorRiseInSpeechMs : floorRiseMs;
    this.floorDbfs += (level - this.floorDbfs) * (1 - Math.exp(-frameMs / timeConstant));
  }
}

function validate(options: EnergyVadOptions): void {
  const positive: Array<keyof EnergyVadOptions> = ['sampleRate', 'floorFallMs', 'floorRiseMs', 'floorRiseInSpeechMs'];
  const nonNegative: Array<keyof EnergyVadOptions> = ['attackMs', 'hangoverMs', 'startMarginDb', 'continueMarginDb'];
  for (const key of Object.keys(options) as Array<keyof EnergyVadOptions>) {
    const value = options[key];
    const valid =
      Number.isFinite(value) && (!positive.includes(key) || value > 0) && (!nonNegative.includes(key) || value >= 0);
    if (!valid) throw new RangeError(`EnergyVad option ${key} is invalid: ${value}`);
  }
}
