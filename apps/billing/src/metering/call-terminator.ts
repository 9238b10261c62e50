import type { Logger } from '@parley/logging';

/** Sends one call the command to end; resolves once the gateway holding it answered. */
export type EndCallCommand = (callId: string) => Promise<void>;

/** How long a call told to end is not told again: later usage events of it arrive anyway. */
const RECENTLY_ENDED_MS = 10_000;

/**
 * Ends calls whose organization ran out of points: the gateway holding the call sends the
 * caller `error{BALANCE_EXHAUSTED}` then `call_end` and closes. Fire and forget, so the usage
 * event that found the balance empty is acknowledged at once; each call is told once.
 */
export class CallTerminator {
  private readonly recentlyEnded = new Map<string, number>();

  constructor(
    private readonly sendEnd: EndCallCommand,
    private readonly log: Logger,
  ) {}

  endForBalance(callId: string): void {
    const now = Date.now();
    this.forgetOlderThan(now - RECENTLY_ENDED_MS);
    if (this.recentlyEnded.has(callId)) return;
    this.recentlyEnded.set(callId, now);
    this.log.info({ callId }, 'balance exhausted; ending the call');
    this.sendEnd(callId).catch((err: unknown) => {
      // No responders: the call ended already (or its gateway died and its lease will expire).
      this.log.warn({ err, callId }, 'end command for an exhausted call not delivered');
    });
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [callId, at] of this.recentlyEnded) {
      if (at >= cutoff) break;
      this.recentlyEnded.delete(callId);
    }
  }
}
