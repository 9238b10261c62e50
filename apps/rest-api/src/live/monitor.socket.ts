import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { LiveEventsHub } from './live-events.hub';
import { monitorMessages } from './live-messages';
import { isPing, parseFrame, pong, sendJson } from './live-socket';

/**
 * Reference 004 §13 with rooms mapped onto calls: every call of the organization, or one. Its own
 * names are taken too (`rooms`, `room:<id>`, the room being the call), so its example runs as printed.
 */
const subscribeSchema = z.object({
  action: z.enum(['subscribe', 'unsubscribe']),
  channel: z.string().regex(/^(calls|rooms|(call|room):[A-Za-z0-9_-]{1,64})$/),
});

function callChannel(channel: string): string {
  return channel === 'rooms' ? 'calls' : channel.replace(/^room:/, 'call:');
}

/**
 * One `/ws/monitor` socket: nothing is sent until the client subscribes to `calls` or
 * `call:<id>`; then `call.status`, `participant.joined` / `.left` and `transcript.new` of the
 * organization's calls on those channels, as `{type, data}`.
 */
export function monitorCalls(socket: WebSocket, orgId: string, hub: LiveEventsHub): void {
  const channels = new Set<string>();
  const stop = hub.listen(orgId, (event) => {
    if (!channels.has('calls') && !channels.has(`call:${event.payload.callId}`)) return;
    for (const message of monitorMessages(event)) sendJson(socket, message);
  });
  socket.on('message', (data) => {
    const frame = parseFrame(data);
    if (isPing(frame)) return sendJson(socket, pong());
    const request = subscribeSchema.safeParse(frame);
    if (!request.success) {
      const message = 'Expected {"action":"subscribe","channel":"calls"} or {"action":"subscribe","channel":"call:<id>"}';
      return sendJson(socket, { type: 'error', data: { message } });
    }
    const { action, channel } = request.data;
    if (action === 'subscribe') channels.add(callChannel(channel));
    else channels.delete(callChannel(channel));
    sendJson(socket, { type: `${action}d`, data: { channel } });
  });
  socket.once('close', stop);
}
