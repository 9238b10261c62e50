import type { LlmReplyRequest } from '@parley/contracts';
import type { LlmProvider, ReplyEvent } from '../../src/providers/llm-provider';

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
}

/** `Promise.withResolvers`, which Node 20 lacks. */
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Wraps a provider so that, after its first event, each event waits until the test releases it, as
 * a model streaming slowly would. It deliberately gives the inner provider a signal that never
 * aborts and ignores its own, so only the worker can keep a stopped turn quiet.
 */
export class GatedProvider implements LlmProvider {
  readonly name: string;
  private readonly gate = deferred<void>();
  private readonly aborts = new Map<string, Deferred<unknown>>();
  private readonly closes = new Map<string, Deferred<unknown>>();

  constructor(private readonly inner: LlmProvider) {
    this.name = inner.name;
  }

  /** Resolves with the abort reason once the worker aborts the turn's signal. */
  abortSeen(callId: string, turnId: string): Promise<unknown> {
    return this.deferredOf(this.aborts, callId, turnId).promise;
  }

  /** Resolves once the turn's stream has been closed or has run out. */
  streamClosed(callId: string, turnId: string): Promise<unknown> {
    return this.deferredOf(this.closes, callId, turnId).promise;
  }

  /** Lets every held event through, now and later. */
  release(): void {
    this.gate.resolve(undefined);
  }

  async *reply(request: LlmReplyRequest, signal: AbortSignal): AsyncIterable<ReplyEvent> {
    const abort = this.deferredOf(this.aborts, request.callId, request.turnId);
    signal.addEventListener('abort', () => abort.resolve(signal.reason), { once: true });
    let first = true;
    try {
      for await (const event of this.inner.reply(request, new AbortController().signal)) {
        if (!first) await this.gate.promise;
        first = false;
        yield event;
      }
    } finally {
      this.deferredOf(this.closes, request.callId, request.turnId).resolve(undefined);
    }
  }

  private deferredOf(byTurn: Map<string, Deferred<unknown>>, callId: string, turnId: string): Deferred<unknown> {
    const key = `${callId}/${turnId}`;
    let pending = byTurn.get(key);
    if (!pending) byTurn.set(key, (pending = deferred()));
    return pending;
  }
}
