import type { Bus, BusSubscription } from '@parley/bus';
import { ANY_TOKEN, parseVoiceSubject, type ReplyTextChunk, voiceSubjects } from '@parley/contracts';

/** Records every reply-text chunk of every call, as the gateway would receive them. */
export class ReplyTap {
  private readonly received: { callId: string; chunk: ReplyTextChunk }[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly subscription: BusSubscription;

  constructor(bus: Bus) {
    this.subscription = bus.subscribe(voiceSubjects.replyText(ANY_TOKEN), (chunk, meta) => {
      this.received.push({ callId: parseVoiceSubject(meta.subject)?.callId ?? '', chunk });
      for (const wake of this.waiters) wake();
    });
  }

  /** Chunks of one turn, in arrival order. */
  chunks(callId: string, turnId: string): ReplyTextChunk[] {
    return this.received.filter((r) => r.callId === callId && r.chunk.turnId === turnId).map((r) => r.chunk);
  }

  /** Resolves with the turn's chunks once `count` of them have arrived. */
  waitForChunks(callId: string, turnId: string, count: number, timeoutMs = 5000): Promise<ReplyTextChunk[]> {
    return this.waitFor(() => this.chunks(callId, turnId).length >= count, timeoutMs, `${count} chunks of ${turnId}`).then(
      () => this.chunks(callId, turnId),
    );
  }

  /** Resolves with the turn's chunks once its final chunk has arrived. */
  waitForFinal(callId: string, turnId: string, timeoutMs = 5000): Promise<ReplyTextChunk[]> {
    const done = () => this.chunks(callId, turnId).some((chunk) => chunk.final);
    return this.waitFor(done, timeoutMs, `the final chunk of ${turnId}`).then(() => this.chunks(callId, turnId));
  }

  close(): Promise<void> {
    return this.subscription.drain();
  }

  private waitFor(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }
}
