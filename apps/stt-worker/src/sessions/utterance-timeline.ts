const SAMPLES_PER_MS = 16;

/** An utterance whose end was asked for and whose final has not been settled yet. */
export interface EndingUtterance {
  /** Where the utterance began and where it was cut, in ms of the call's audio. */
  readonly startMs: number;
  readonly endMs: number;
  /** The `flush` it answers, if one asked for it. */
  readonly turnId: string | undefined;
  /** A flush must be answered with a final even when the engine heard no words. */
  readonly mustAnswer: boolean;
  /** `performance.now()` when the end was asked for. */
  readonly requestedAt: number;
  answered: boolean;
}

/**
 * Maps the engine's per-utterance times onto the call's audio clock. The engine counts each utterance
 * from the first sample after the previous end; ends are processed in order, so the utterance being
 * decoded is the oldest one still ending, or the open one when none is.
 */
export class UtteranceTimeline {
  private samples = 0;
  private openStartSamples = 0;
  private readonly ending: EndingUtterance[] = [];

  /** Audio received so far, in ms. */
  get audioMs(): number {
    return this.samples / SAMPLES_PER_MS;
  }

  /** Audio received since the open utterance began, in ms. */
  get openUtteranceMs(): number {
    return (this.samples - this.openStartSamples) / SAMPLES_PER_MS;
  }

  /** Audio after the last end, or an end the engine has not settled: a close must wait for them. */
  get hasUnsettledAudio(): boolean {
    return this.samples > this.openStartSamples || this.ending.length > 0;
  }

  write(sampleCount: number): void {
    this.samples += sampleCount;
  }

  /** Start of the utterance the engine's results currently describe, in ms. */
  get decodingStartMs(): number {
    return this.ending[0]?.startMs ?? this.openStartSamples / SAMPLES_PER_MS;
  }

  /** Cuts the open utterance here; audio received later belongs to the next one. */
  end(turnId: string | undefined, mustAnswer: boolean, requestedAt = performance.now()): EndingUtterance {
    const utterance: EndingUtterance = {
      startMs: this.openStartSamples / SAMPLES_PER_MS,
      endMs: this.audioMs,
      turnId,
      mustAnswer,
      requestedAt,
      answered: false,
    };
    this.ending.push(utterance);
    this.openStartSamples = this.samples;
    return utterance;
  }

  /** The utterance a final just delivered belongs to (undefined when the engine ended one itself). */
  get decoding(): EndingUtterance | undefined {
    return this.ending[0];
  }

  /** The engine finished the oldest ending utterance. */
  settle(): EndingUtterance | undefined {
    return this.ending.shift();
  }
}
