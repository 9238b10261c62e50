import type { VoiceServerMessage, VoiceServerMessageType } from '@parley/contracts';

export type ServerMessageOf<T extends VoiceServerMessageType> = Extract<VoiceServerMessage, { type: T }>;

/** A server text frame that passed the contract's schema, with its arrival time (ms since connect). */
export interface RecordedMessage<M extends VoiceServerMessage = VoiceServerMessage> {
  readonly at: number;
  readonly message: M;
}

/** A frame that broke the protocol: invalid JSON, a message the schema rejects, audio outside a segment. */
export interface ProtocolError {
  readonly at: number;
  readonly problem: string;
  /** The offending text frame, or a description of the binary one. */
  readonly raw: string;
}

interface Waiter {
  matches(recorded: RecordedMessage): boolean;
  resolve(recorded: RecordedMessage): void;
  reject(error: Error): void;
}

/**
 * Every valid server message in arrival order, and the promises waiting for one. A wait looks at
 * messages from `since` on, including those already recorded, so a test can note the time, act,
 * and then wait without racing a fast server.
 */
export class ServerMessageLog {
  readonly messages: RecordedMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private closedBecause: Error | undefined;

  record(recorded: RecordedMessage): void {
    this.messages.push(recorded);
    for (const waiter of this.waiters) {
      if (waiter.matches(recorded)) waiter.resolve(recorded);
    }
  }

  /** The recorded messages of one type. */
  ofType<T extends VoiceServerMessageType>(type: T): RecordedMessage<ServerMessageOf<T>>[] {
    return this.messages.filter((recorded) => recorded.message.type === type) as RecordedMessage<ServerMessageOf<T>>[];
  }

  waitFor<T extends VoiceServerMessageType>(
    type: T,
    predicate: (message: ServerMessageOf<T>) => boolean,
    timeoutMs: number,
    since: number,
  ): Promise<RecordedMessage<ServerMessageOf<T>>> {
    const matches = (recorded: RecordedMessage) =>
      recorded.at >= since && recorded.message.type === type && predicate(recorded.message as ServerMessageOf<T>);
    const found = this.messages.find(matches);
    if (found) return Promise.resolve(found as RecordedMessage<ServerMessageOf<T>>);
    if (this.closedBecause) return Promise.reject(withContext(this.closedBecause, type));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${type} message within ${timeoutMs} ms`));
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter: Waiter = {
        matches,
        resolve: (recorded) => {
          settle();
          resolve(recorded as RecordedMessage<ServerMessageOf<T>>);
        },
        reject: (error) => {
          settle();
          reject(withContext(error, type));
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** No more messages will come: every pending and later wait fails with `reason`. */
  close(reason: Error): void {
    this.closedBecause = reason;
    for (const waiter of [...this.waiters]) waiter.reject(reason);
  }
}

function withContext(reason: Error, type: string): Error {
  return new Error(`${reason.message} before a ${type} message arrived`, { cause: reason });
}
