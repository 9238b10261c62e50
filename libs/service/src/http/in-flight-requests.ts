import { Injectable } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from './http-types';

/**
 * Counts HTTP requests still being answered, so shutdown can wait for exactly those. Waiting
 * for the server's `close` instead would also wait for upgraded WebSockets, which only close
 * in the modules' shutdown hooks that run after it.
 */
@Injectable()
export class InFlightRequests {
  private count = 0;
  private waiters: (() => void)[] = [];

  middleware() {
    return (_req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
      this.count += 1;
      res.once('close', () => this.finished());
      next();
    };
  }

  /** Resolves once no request is in flight (at once when none is). */
  drained(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private finished(): void {
    this.count -= 1;
    if (this.count > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
