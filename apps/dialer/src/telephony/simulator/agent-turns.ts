/**
 * Follows the agent's speech on the raw protocol (`audio_start` … `audio_end`) so the callee can
 * wait for the agent to finish a turn before it speaks, as a polite person would.
 */
export class AgentTurns {
  private ended = 0;
  private started = 0;
  private closedReason: string | undefined;
  private readonly waiters = new Set<() => void>();

  /** Turns the agent has finished speaking so far. */
  get endedCount(): number {
    return this.ended;
  }

  get startedCount(): number {
    return this.started;
  }

  /** One JSON message from the gateway; anything but the audio markers is ignored here. */
  onMessage(type: string): void {
    if (type === 'audio_start') this.started++;
    else if (type === 'audio_end') this.ended++;
    else return;
    this.wake();
  }

  /** The call is over: every wait ends. */
  close(reason: string): void {
    this.closedReason ??= reason;
    this.wake();
  }

  /**
   * Resolves 'ended' once more than `after` turns have ended, 'closed' when the call ends first,
   * 'timeout' after `timeoutMs`.
   */
  async waitForTurnEnd(after: number, timeoutMs: number): Promise<'ended' | 'closed' | 'timeout'> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.ended > after) return 'ended';
      if (this.closedReason !== undefined) return 'closed';
      const left = deadline - Date.now();
      if (left <= 0) return 'timeout';
      await this.next(left);
    }
  }

  private next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
