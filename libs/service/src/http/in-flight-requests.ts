import { Injectable } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from './http-types';

/**
 * Counts HTTP requests still being answered, so shutdown can wait for exactly those. Waiting
 * for the server's `close` instead would also wait for upgraded WebSockets, which only close
 * in the modules' shutdown hooks that run after it.
 *
 * A request whose client went away before any answer is still being handled: its handler goes on
 * using the pools and clients that shutdown closes next, so it counts until the handler ends the
 * response. One whose answer had begun (a body streaming to the client) ends with the connection.
 */
@Injectable()
export class InFlightRequests {
  private count = 0;
  private waiters: (() => void)[] = [];

  middleware() {
    return (_req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
      this.count += 1;
      res.once('close', () => {
        if (res.headersSent || res.writableEnded) return this.finished();
        const end = res.end;
        res.end = ((...args: Parameters<typeof end>) => {
          res.end = end;
          this.finished();
          return end.apply(res, args);
        }) as typeof end;
      });
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
