import { createHash } from 'node:crypto';
import type { ConsumedEvent } from '@parley/bus';
import { type EventSubject, eventSubjects, type WebhookEventType } from '@parley/contracts';

/** A platform event as an endpoint receives it: type, data, and an id stable across redeliveries. */
export interface WebhookEvent {
  readonly orgId: string;
  /** Derived from the fact (e.g. the call id), so the same fact always gets the same id. */
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  readonly timestamp: string;
  readonly data: Record<string, unknown>;
}

/** `evt_` and 24 hex digits of a hash of what the fact is. */
export function webhookEventId(fact: string): string {
  return `evt_${createHash('sha256').update(fact).digest('hex').slice(0, 24)}`;
}

/**
 * Maps the bus's facts onto reference 004's event catalogue (a session is a call); facts with no
 * webhook counterpart (transcript lines, keys, usage) map to nothing.
 */
export function toWebhookEvent(event: ConsumedEvent<EventSubject>): WebhookEvent | undefined {
  switch (event.subject) {
    case eventSubjects.callStarted: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'session.started', p.callId, p.startedAt, {
        session_id: p.callId,
        call_id: p.callId,
        agent_id: p.agentId,
        direction: p.direction,
        channel: p.channel,
        task_id: p.taskId ?? null,
        started_at: p.startedAt,
      });
    }
    case eventSubjects.callEnded: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'session.ended', p.callId, p.endedAt, {
        session_id: p.callId,
        call_id: p.callId,
        agent_id: p.agentId,
        reason: p.reason,
        duration_ms: p.durationMs,
        turns: p.turns,
        ended_at: p.endedAt,
      });
    }
    case eventSubjects.recordingStarted: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'recording.started', p.recordingId, p.startedAt, {
        recording_id: p.recordingId,
        session_id: p.callId,
        call_id: p.callId,
        format: p.format,
        sample_rate: p.sampleRate,
        channels: p.channels,
        started_at: p.startedAt,
      });
    }
    case eventSubjects.recordingStopped: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'recording.stopped', p.recordingId, p.stoppedAt, {
        recording_id: p.recordingId,
        session_id: p.callId,
        call_id: p.callId,
        format: p.format,
        bytes: p.bytes,
        duration_ms: p.durationMs,
        stopped_at: p.stoppedAt,
      });
    }
    case eventSubjects.callSettled: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'call.settled', p.callId, p.settledAt, {
        call_id: p.callId,
        agent_id: p.agentId,
        reason: p.reason,
        points: p.points,
        cost: p.cost,
        usage: p.usage,
        settled_at: p.settledAt,
      });
    }
    case eventSubjects.knowledgeDocumentUploaded: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'knowledge.document_uploaded', p.documentId, p.indexedAt, {
        knowledge_base_id: p.knowledgeBaseId,
        document_id: p.documentId,
        source_file: p.source,
        chunks_created: p.chunksCreated,
        embedded: p.embedded,
        indexed_at: p.indexedAt,
      });
    }
    case eventSubjects.knowledgeReindexed: {
      const p = event.payload;
      return webhookEvent(p.orgId, 'knowledge.reindexed', p.jobId, p.reindexedAt, {
        knowledge_base_id: p.knowledgeBaseId,
        job_id: p.jobId,
        chunks_reindexed: p.chunksReindexed,
        embedded: p.embedded,
        reindexed_at: p.reindexedAt,
      });
    }
    default:
      return undefined;
  }
}

function webhookEvent(
  orgId: string,
  eventType: WebhookEventType,
  subjectId: string,
  timestamp: string,
  data: Record<string, unknown>,
): WebhookEvent {
  return { orgId, eventId: webhookEventId(`${eventType}:${subjectId}`), eventType, timestamp, data };
}

/** Reference 004's payload format; `project_id` is the organization (a project is an organization here). */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    event_type: event.eventType,
    project_id: event.orgId,
    timestamp: event.timestamp,
    data: event.data,
  });
}
