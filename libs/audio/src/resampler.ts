import { FilterBank, filterBankFor } from './sinc-filter-bank';

const INITIAL_INPUT_CAPACITY = 4096;

/**
 * Streaming sample-rate converter for mono int16 audio (polyphase windowed sinc, about 85 dB
 * stopband, flat to 0.8 of the lower Nyquist frequency). One object per stream: it keeps the
 * filter history, so consecutive chunks join exactly as if the stream had arrived in one piece.
 *
 * Output sample n is the input signal at time n / toRate, so nothing needs delay compensation;
 * each output waits for `latencySamples` input samples of lookahead, which `flush()` supplies as
 * silence at the end of the stream. In total the stream yields ceil(inputs * toRate / fromRate).
 */
export class Resampler {
  private readonly bank: FilterBank;
  private input: Float32Array; // input still needed; index 0 is the oldest sample any output reads
  private held = 0;
  private position = 0; // index of the input sample at or just before the next output instant
  private phase = 0; // the next output instant is position + phase / up
  private output = new Int16Array(0);
  private inputCount = 0;
  private outputCount = 0;

  constructor(
    readonly fromRate: number,
    readonly toRate: number,
  ) {
    this.bank = filterBankFor(fromRate, toRate);
    this.input = new Float32Array(this.bank.taps + INITIAL_INPUT_CAPACITY);
    this.reset();
  }

  /** Input samples each output waits for: the converter's latency, in input samples. */
  get latencySamples(): number {
    return this.bank.after;
  }

  /** An upper bound on what processInto can write for an input of this length. */
  maxOutputLength(inputLength: number): number {
    const { up, down } = this.bank;
    return Math.ceil(((this.held + inputLength - this.position) * up) / down) + 1;
  }

  /**
   * Converts a chunk. The result is a view of a buffer the resampler reuses: valid until the next
   * call on this object. The buffer only grows, when a larger chunk than before arrives.
   */
  process(input: Int16Array): Int16Array {
    const output = this.outputBuffer(this.maxOutputLength(input.length));
    return output.subarray(0, this.processInto(input, output));
  }

  /** Like process, into a caller-provided array (see maxOutputLength); returns samples written. */
  processInto(input: Int16Array, output: Int16Array): number {
    assertRoom(output, this.maxOutputLength(input.length));
    this.append(input);
    const written = this.emit(output, Infinity);
    this.discardUsedInput();
    return written;
  }

  /** Ends the stream: returns the outputs still owed (view valid until the next call), then resets. */
  flush(): Int16Array {
    const output = this.outputBuffer(this.remainingOutputs());
    return output.subarray(0, this.flushInto(output));
  }

  /** Like flush, into a caller-provided array; returns samples written. */
  flushInto(output: Int16Array): number {
    const remaining = this.remainingOutputs();
    assertRoom(output, remaining);
    this.appendSilence(this.bank.after);
    const written = this.emit(output, remaining);
    this.reset();
    return written;
  }

  /** Forgets the stream so the object can convert a new one. */
  reset(): void {
    // Silence before the first sample stands in for the history the first outputs read.
    this.held = this.bank.before;
    this.input.fill(0, 0, this.held);
    this.position = this.bank.before;
    this.phase = 0;
    this.inputCount = 0;
    this.outputCount = 0;
  }

  private remainingOutputs(): number {
    return Math.ceil((this.inputCount * this.bank.up) / this.bank.down) - this.outputCount;
  }

  /** Computes outputs while their lookahead has arrived, at most `limit` of them. */
  private emit(output: Int16Array, limit: number): number {
    const { coefficients, taps, before, after, up, down } = this.bank;
    const input = this.input;
    const lastPosition = this.held - 1 - after;
    let position = this.position;
    let phase = this.phase;
    let count = 0;
    while (position <= lastPosition && count < limit) {
      const first = position - before;
      const offset = phase * taps;
      let sum = 0;
      for (let k = 0; k < taps; k++) sum += coefficients[offset + k] * input[first + k];
      output[count++] = sum >= 32_767 ? 32_767 : sum <= -32_768 ? -32_768 : Math.round(sum);
      phase += down;
      const advance = Math.floor(phase / up);
      position += advance;
      phase -= advance * up;
    }
    this.position = position;
    this.phase = phase;
    this.outputCount += count;
    return count;
  }

  private append(samples: Int16Array): void {
    this.ensureInputCapacity(this.held + samples.length);
    const input = this.input;
    const start = this.held;
    for (let i = 0; i < samples.length; i++) input[start + i] = samples[i];
    this.held += samples.length;
    this.inputCount += samples.length;
  }

  private appendSilence(count: number): void {
    this.ensureInputCapacity(this.held + count);
    this.input.fill(0, this.held, this.held + count);
    this.held += count;
  }

  /** Shifts out input no future output reads, so the buffer holds about one filter length. */
  private discardUsedInput(): void {
    const used = this.position - this.bank.before;
    if (used <= 0) return;
    this.input.copyWithin(0, used, this.held);
    this.held -= used;
    this.position -= used;
  }

  private ensureInputCapacity(capacity: number): void {
    if (capacity <= this.input.length) return;
    const grown = new Float32Array(Math.max(capacity, this.input.length * 2));
    grown.set(this.input.subarray(0, this.held));
    this.input = grown;
  }

  private outputBuffer(length: number): Int16Array {
    if (this.output.length < length) this.output = new Int16Array(Math.max(length, this.output.length * 2));
    return this.output;
  }
}

function assertRoom(output: Int16Array, needed: number): void {
  if (output.length < needed) throw new RangeError(`output holds ${output.length} samples, needs up to ${needed}`);
}
