import type { OutboundCall, TelephonyProvider } from '../../src/telephony/telephony-provider';

export interface DialRecord {
  readonly call: OutboundCall;
  readonly at: number;
}

/**
 * A provider for specs that only records what it was asked to dial (or refuses, when told to),
 * so a spec can await the N-th dial instead of sleeping.
 */
export class RecordingProvider implements TelephonyProvider {
  readonly name = 'recording';
  readonly dials: DialRecord[] = [];
  refusal?: string;
  private waiters: { count: number; resolve: () => void }[] = [];

  async dial(call: OutboundCall): Promise<void> {
    if (this.refusal) throw new Error(this.refusal);
    this.dials.push({ call, at: Date.now() });
    this.waiters = this.waiters.filter((waiter) => {
      if (this.dials.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves once `count` calls were dialed in all. */
  dialed(count: number): Promise<void> {
    if (this.dials.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
