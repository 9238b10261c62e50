import type { VadEvent } from '@parley/audio';

export interface SpeechGateOptions {
  /** Probability from which a frame counts towards speech starting. */
  readonly startThreshold: number;
  /** Probability under which a frame counts towards speech ending (below start: hysteresis). */
  readonly endThreshold: number;
  /** How long frames must stay over the start threshold before speech starts (ignores clicks). */
  readonly attackMs: number;
  /** How long frames must stay under the end threshold before speech ends (bridges pauses). */
  readonly hangoverMs: number;
}

/**
 * Speech start and end from per-frame speech probabilities, with the attack and hangover
 * semantics of the energy VAD: a run of frames that disagree with the current state flips it
 * once it lasts long enough; one agreeing frame resets the run.
 */
export class SpeechGate {
  private inSpeech = false;
  private runMs = 0;

  constructor(private readonly options: SpeechGateOptions) {}

  update(probability: number, frameMs: number): VadEvent | null {
    const threshold = this.inSpeech ? this.options.endThreshold : this.options.startThreshold;
    const speechLike = probability >= threshold;
    this.runMs = speechLike === this.inSpeech ? 0 : this.runMs + frameMs;
    const needed = this.inSpeech ? this.options.hangoverMs : this.options.attackMs;
    if (this.runMs === 0 || this.runMs < needed) return null;
    this.inSpeech = !this.inSpeech;
    this.runMs = 0;
    return this.inSpeech ? 'speech-start' : 'speech-end';
  }
}
