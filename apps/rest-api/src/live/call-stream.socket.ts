import type { WebSocket } from 'ws';
import type { OwnedCall } from '../control/live-calls.repository';
import type { LiveEventsHub } from './live-events.hub';
import { callStreamMessage } from './live-messages';
import { CLOSE_NORMAL, isPing, parseFrame, pong, sendJson } from './live-socket';

const ENDED: ReadonlySet<string> = new Set(['completed', 'failed']);

/**
 * One `/ws/calls/:id` socket (reference 002): `connected`, then the call's `transcript_update`
 * and `call_status_update` messages as they happen; closed normally once the call is over.
 */
export function streamCall(socket: WebSocket, orgId: string, call: OwnedCall, hub: LiveEventsHub): void {
  sendJson(socket, { type: 'connected', data: { call_id: call.id, status: call.status } });
  if (ENDED.has(call.status)) return socket.close(CLOSE_NORMAL, 'call ended');
  const stop = hub.listen(orgId, (event) => {
    if (event.payload.callId !== call.id) return;
    const message = callStreamMessage(event);
    sendJson(socket, message);
    if (message.type === 'call_status_update' && ENDED.has(String(message.data.status))) {
      socket.close(CLOSE_NORMAL, 'call ended');
    }
  });
  socket.on('message', (data) => {
    const frame = parseFrame(data);
    if (isPing(frame)) sendJson(socket, pong());
    else sendJson(socket, { type: 'error', error: 'Unknown message; send {"type":"ping"} to keep the connection alive' });
  });
  socket.once('close', stop);
}
