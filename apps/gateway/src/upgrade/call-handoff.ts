import type { WebSocket } from 'ws';
import type { AdmittedCall } from './call-admission';

/** Where an accepted socket goes: the conversation loop. */
export interface CallHandoff {
  start(socket: WebSocket, call: AdmittedCall): void;
}

export const CALL_HANDOFF = Symbol('gateway:call-handoff');
