import { SttError } from '../stt-provider';

export interface PooledDecoder {
  free(): Promise<void>;
}

export interface DecoderPoolLimits {
  /** Decoders in existence at most (in use, ready, being built). */
  readonly max: number;
  /** Decoders kept built and idle so a new call does not wait for one to load. */
  readonly spare: number;
}

/**
 * Pocketsphinx 5prealpha has no public way to share a loaded model between decoders, and a decoder
 * serves one utterance stream at a time, so each concurrent call needs its own (about 90 MB, 0.2–0.6 s
 * to build). The pool builds them one at a time in the background, keeps `spare` ready, and frees
 * what a burst left beyond that.
 *
 * A decoder that failed to build stays in the ready queue as a rejected promise, so the failure reaches
 * the next caller of `acquire()` instead of vanishing in the background.
 */
export class DecoderPool<T extends PooledDecoder> {
  private readonly ready: Promise<T>[] = [];
  private inUse = 0;
  private building: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly build: () => Promise<T>,
    private readonly limits: DecoderPoolLimits,
  ) {}

  get size(): { readonly inUse: number; readonly ready: number } {
    return { inUse: this.inUse, ready: this.ready.length };
  }

  /** Builds the spare decoders and waits for them, so configuration errors surface at start-up. */
  async warm(): Promise<void> {
    this.replenish();
    await Promise.all(this.ready);
  }

  async acquire(): Promise<T> {
    if (this.closed) throw new SttError('closed', 'the decoder pool is closed');
    const next = this.ready.shift() ?? this.spawnWithinLimit();
    this.inUse++;
    this.replenish();
    try {
      return await next;
    } catch (error) {
      this.inUse--;
      throw error;
    }
  }

  /** Takes a decoder back; frees it when enough are ready already or the pool is closed. */
  async release(decoder: T): Promise<void> {
    this.inUse--;
    if (!this.closed && this.ready.length < this.limits.spare) {
      this.ready.push(Promise.resolve(decoder));
      return;
    }
    await decoder.free();
  }

  /** Frees the ready decoders; decoders in use are freed as they come back. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.ready.splice(0);
    const settled = await Promise.allSettled(pending);
    await Promise.all(settled.map((result) => (result.status === 'fulfilled' ? result.value.free() : undefined)));
  }

  private spawnWithinLimit(): Promise<T> {
    if (this.inUse + this.ready.length >= this.limits.max) {
      throw new SttError('overloaded', `all ${this.limits.max} speech decoders are in use`);
    }
    return this.spawn();
  }

  private replenish(): void {
    while (!this.closed && this.ready.length < this.limits.spare && this.inUse + this.ready.length < this.limits.max) {
      this.ready.push(this.spawn());
    }
  }

  /** Builds run one after another: they compete for the same cores, and ps_init's thread safety is unknown. */
  private spawn(): Promise<T> {
    const built = this.building.then(() => this.build());
    // Handled here only to keep the chain going; the rejection still reaches whoever acquires `built`.
    built.catch(() => undefined);
    this.building = built.catch(() => undefined);
    return built;
  }
}
