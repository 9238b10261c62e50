import type { UsageRecordedEvent } from '@parley/contracts';
import { type UsageOutcome, usageKey } from './usage-batch.writer';

interface Pending {
  readonly event: UsageRecordedEvent;
  readonly resolve: (outcome: UsageOutcome) => void;
  readonly reject: (err: unknown) => void;
}

export interface UsageBatchApplier {
  apply(events: readonly UsageRecordedEvent[]): Promise<Map<string, UsageOutcome>>;
}

/**
 * Group commit for usage events: events submitted while a batch is being written wait, and all
 * of them go in the next transaction. One event alone is written at once; under load a batch
 * holds everything that arrived during the previous write, so throughput grows with load while
 * each event is still acknowledged only after its transaction committed.
 */
export class UsageSettler {
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly writer: UsageBatchApplier,
    private readonly maxBatch: number,
  ) {}

  submit(event: UsageRecordedEvent): Promise<UsageOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.write(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await this.writer.apply(batch.map((p) => p.event));
      for (const p of batch) p.resolve(outcomes.get(usageKey(p.event)) ?? { duplicate: true, exhausted: false });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
