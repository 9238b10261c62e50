import type { LatencyStats } from '@parley/contracts';

/** Samples of one latency figure over a call; summarised once, when the call ends. */
export class LatencySamples {
  private readonly values: number[] = [];

  add(ms: number): void {
    this.values.push(Math.max(0, ms));
  }

  /** Nearest-rank percentiles; null when the stage never ran. */
  stats(): LatencyStats | null {
    if (this.values.length === 0) return null;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return { count: sorted.length, p50: round(rank(0.5)), p95: round(rank(0.95)), max: round(sorted.at(-1) ?? 0) };
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
