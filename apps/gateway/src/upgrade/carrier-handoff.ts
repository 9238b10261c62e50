import type { Logger } from '@parley/logging';
import type { WebSocket } from 'ws';
import { awaitCarrierStart, type CarrierProtocol, carrierConnector } from '../telephony';
import type { AdmittedCall } from './call-admission';
import type { CallHandoff } from './call-handoff';

/** How long a carrier may take between the handshake and its `start` message. */
export const CARRIER_START_TIMEOUT_MS = 10_000;
/** 1008: the carrier broke its own protocol (no start); the call never began. */
const CLOSE_POLICY = 1008;

/**
 * Starts a carrier call once the carrier's stream has started: its ids (and the numbers, when
 * the carrier passes them) complete the call's origin, and agent audio can be addressed. A
 * carrier that never starts the stream holds the slot for at most the timeout.
 */
export async function handOffCarrierCall(
  socket: WebSocket,
  call: AdmittedCall,
  carrier: CarrierProtocol,
  handoff: CallHandoff,
  log: Logger,
): Promise<boolean> {
  const stream = carrier.openStream();
  try {
    const start = await awaitCarrierStart(socket, stream, CARRIER_START_TIMEOUT_MS);
    const origin = { from: start.from, to: start.to, ...call.origin, channel: carrier.name };
    log.info({ callId: call.callId, carrier: carrier.name, carrierCallId: start.carrierCallId }, 'carrier stream started');
    const carrierCall = withoutUndefined({ carrier: carrier.name, carrierCallId: start.carrierCallId });
    handoff.start(carrierConnector(socket, stream), { ...call, origin: withoutUndefined(origin), carrierCall });
    socket.resume();
    return true;
  } catch (err) {
    log.warn({ err, callId: call.callId, carrier: carrier.name }, 'carrier stream never started');
    socket.close(CLOSE_POLICY, 'no start message');
    return false;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
