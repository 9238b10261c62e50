import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { WebSocket } from 'ws';
import type { AdmittedCall } from './call-admission';
import type { CallHandoff } from './call-handoff';

/**
 * Holds an accepted call open without speaking, until the caller closes; then frees the
 * lease. Stands in where the conversation loop is not wired (the upgrade's own tests).
 */
@Injectable()
export class SilentCallHandoff implements CallHandoff {
  constructor(@Inject(LOGGER) private readonly log: Logger) {}

  start(socket: WebSocket, call: AdmittedCall): void {
    socket.once('close', () => {
      call.lease.release().catch((err: unknown) => this.log.warn({ err, callId: call.callId }, 'lease release failed'));
    });
  }
}
