import type { TappedEvent } from '@parley/bus';
import { type CallEndedEvent, type CallStartedEvent, eventSubjects } from '@parley/contracts';
import { statusAfterEnding } from '../calls/call-status';

/** The call facts the live sockets show. */
export const LIVE_SUBJECTS = [eventSubjects.callStarted, eventSubjects.transcriptAppended, eventSubjects.callEnded] as const;
export type LiveEvent = TappedEvent<(typeof LIVE_SUBJECTS)[number]>;

export interface LiveMessage {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** `/ws/calls/:id` (reference 002): `transcript_update` and `call_status_update`. */
export function callStreamMessage(event: LiveEvent): LiveMessage {
  const { callId } = event.payload;
  switch (event.subject) {
    case eventSubjects.callStarted:
      return { type: 'call_status_update', data: { call_id: callId, status: 'in_progress' } };
    case eventSubjects.callEnded:
      return { type: 'call_status_update', data: { call_id: callId, ...ending(event.payload) } };
    case eventSubjects.transcriptAppended: {
      const { seq, role, text, interrupted, at } = event.payload;
      const transcript = { seq, role: speaker(role), text, interrupted: interrupted ?? false, timestamp: at };
      return { type: 'transcript_update', data: { call_id: callId, transcript } };
    }
  }
}

/**
 * `/ws/monitor` (reference 004 §13) with rooms mapped onto calls: the room is the call, its
 * participants the caller and the agent.
 */
export function monitorMessages(event: LiveEvent): LiveMessage[] {
  const room = { room_name: event.payload.callId, call_id: event.payload.callId };
  switch (event.subject) {
    case eventSubjects.callStarted: {
      const joined_at = event.payload.startedAt;
      return [
        { type: 'call.status', data: { ...room, phone_number: phoneNumber(event.payload), status: 'in_progress' } },
        { type: 'participant.joined', data: { ...room, identity: 'caller', name: 'Caller', joined_at } },
        { type: 'participant.joined', data: { ...room, identity: 'agent', name: 'Agent', agent_id: event.payload.agentId, joined_at } },
      ];
    }
    case eventSubjects.transcriptAppended: {
      const { role, text, at } = event.payload;
      const line = { session_id: event.payload.callId, speaker: speaker(role), content: text, timestamp_ms: Date.parse(at) };
      return [{ type: 'transcript.new', data: { ...room, ...line } }];
    }
    case eventSubjects.callEnded: {
      const { reason } = event.payload;
      return [
        { type: 'participant.left', data: { ...room, identity: 'caller', reason } },
        { type: 'participant.left', data: { ...room, identity: 'agent', reason } },
        { type: 'call.status', data: { ...room, phone_number: null, ...ending(event.payload) } },
      ];
    }
  }
}

function ending(event: CallEndedEvent) {
  return { status: statusAfterEnding(event.reason), end_reason: event.reason };
}

/** The transcript's names for the two sides (the read model's `user` / `agent`). */
function speaker(role: 'user' | 'assistant'): 'user' | 'agent' {
  return role === 'assistant' ? 'agent' : 'user';
}

/** The number on the other end: who called in, or who was called. */
function phoneNumber(event: CallStartedEvent): string | null {
  return (event.direction === 'outbound' ? event.to : event.from) ?? null;
}
