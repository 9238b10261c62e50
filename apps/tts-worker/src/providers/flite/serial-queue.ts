import { TtsError } from '../tts-provider';

/**
 * Runs tasks one at a time in arrival order. flite cannot render two texts at once in one process, so
 * every synthesis in the worker goes through one queue; a full queue says "overloaded" so the caller
 * can send the work to another worker instead of waiting behind it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting: number) {}

  /** Tasks queued and not started yet. */
  get depth(): number {
    return this.waiting;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.maxWaiting) {
      return Promise.reject(new TtsError('overloaded', `${this.waiting} syntheses are already waiting`));
    }
    this.waiting++;
    const result = this.tail.then(() => {
      this.waiting--;
      return task();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Settles once every task queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
