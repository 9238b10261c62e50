import type { WebSocket } from 'ws';
import type { TransportConnector } from '../call/client-channel';
import type { AdmittedCall } from './call-admission';

/** Where an accepted call goes: the conversation loop, on a raw socket or a carrier's transport. */
export interface CallHandoff {
  start(link: WebSocket | TransportConnector, call: AdmittedCall): void;
}

export const CALL_HANDOFF = Symbol('gateway:call-handoff');
