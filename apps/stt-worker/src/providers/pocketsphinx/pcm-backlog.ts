/**
 * Audio written to a session but not yet handed to the engine. One buffer, grown by doubling up to a
 * ceiling, so steady-state writes copy into memory that already exists.
 */
export class PcmBacklog {
  private buffer: Int16Array;
  private length = 0;

  constructor(
    initialSamples: number,
    private readonly maxSamples: number,
  ) {
    this.buffer = new Int16Array(initialSamples);
  }

  get samples(): number {
    return this.length;
  }

  /** Appends a copy of `frame`; false when that would exceed the ceiling (nothing is appended). */
  append(frame: Int16Array): boolean {
    const needed = this.length + frame.length;
    if (needed > this.maxSamples) return false;
    if (needed > this.buffer.length) this.grow(needed);
    this.buffer.set(frame, this.length);
    this.length = needed;
    return true;
  }

  /** Moves up to `limit` samples from the front into `into`; returns how many. */
  take(into: Int16Array, limit: number): number {
    const count = Math.min(limit, this.length, into.length);
    for (let i = 0; i < count; i++) into[i] = this.buffer[i];
    this.buffer.copyWithin(0, count, this.length);
    this.length -= count;
    return count;
  }

  private grow(needed: number): void {
    let capacity = Math.max(this.buffer.length * 2, 1);
    while (capacity < needed) capacity *= 2;
    const next = new Int16Array(Math.min(capacity, this.maxSamples));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
}
