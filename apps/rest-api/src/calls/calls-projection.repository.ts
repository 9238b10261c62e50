import { Inject, Injectable } from '@nestjs/common';
import type {
  CallEndedEvent,
  CallReportedEvent,
  CallSettledEvent,
  CallStartedEvent,
  RecordingStartedEvent,
  RecordingStoppedEvent,
  TranscriptAppendedEvent,
} from '@parley/contracts';
import { type CallsClient, type Prisma, slice } from '@parley/db-calls';
import { CALLS_DB } from '../database/database.tokens';
import { SqlPool } from '../http/sql-pool';
import type { StoredCallCost } from './call-cost';
import type { StoredCallReport } from './call-report';
import { statusAfterEnding } from './call-status';
import { uuidOrNull } from './uuid';

const SCHEMA = `"${slice.schema}"`;
/**
 * The busiest write (every line of every call): one statement, no ORM. Stores the line once (a
 * replayed one conflicts on (call, seq)) and only then counts it on its call and moves the call's
 * `updated_at`, creating the call row bare when the line is its first event to arrive (the line's
 * foreign key is checked at the end of the statement, when the row exists).
 */
const APPEND_LINE = `WITH line AS (
    INSERT INTO ${SCHEMA}."transcript_entries" (call_id, seq, role, text, interrupted, at)
    VALUES ($1::uuid, $2, $3::${SCHEMA}."transcript_role", $4, $5, $6::timestamptz)
    ON CONFLICT (call_id, seq) DO NOTHING
    RETURNING call_id)
  INSERT INTO ${SCHEMA}."calls" (id, org_id, message_count) VALUES ($1::uuid, $7::uuid, (SELECT count(*) FROM line))
  ON CONFLICT (id) DO UPDATE SET message_count = calls.message_count + EXCLUDED.message_count, updated_at = now()
    WHERE EXCLUDED.message_count > 0`;

/**
 * Writes the calls read model from call events. Every write is an upsert keyed by the event's
 * ids (call, recording, transcript seq), so a redelivered event changes nothing and events may
 * arrive in any order: whichever comes first creates the call row, the others fill it in, and
 * a status only moves forward (initiated → in_progress → completed | failed).
 */
@Injectable()
export class CallsProjectionRepository {
  constructor(
    @Inject(CALLS_DB) private readonly db: CallsClient,
    @Inject(SqlPool) private readonly sql: SqlPool,
  ) {}

  async started(event: CallStartedEvent): Promise<void> {
    const { callId: id, orgId } = event;
    const fields = {
      agentId: event.agentId,
      apiKeyId: uuidOrNull(event.keyId),
      taskId: uuidOrNull(event.taskId),
      direction: event.direction,
      channel: event.channel,
      fromNumber: event.from ?? null,
      toNumber: event.to ?? null,
      startedAt: new Date(event.startedAt),
    };
    await this.db.$transaction([
      this.db.call.upsert({ where: { id }, create: { id, orgId, status: 'in_progress', ...fields }, update: fields }),
      // An ending that overtook this event has already set the final status.
      this.db.call.updateMany({ where: { id, status: 'initiated' }, data: { status: 'in_progress' } }),
    ]);
  }

  async ended(event: CallEndedEvent): Promise<void> {
    const { callId: id, orgId, agentId } = event;
    const fields = {
      agentId,
      status: statusAfterEnding(event.reason),
      endReason: event.reason,
      endedAt: new Date(event.endedAt),
      durationMs: event.durationMs,
      turns: event.turns,
      latency: event.latency as Prisma.InputJsonValue,
    };
    await this.db.call.upsert({ where: { id }, create: { id, orgId, ...fields }, update: fields });
  }

  async transcriptAppended(event: TranscriptAppendedEvent): Promise<void> {
    const role = event.role === 'assistant' ? 'agent' : 'user';
    const { callId, seq, text, interrupted = false, at, orgId } = event;
    await this.sql.textRows('calls.append-line', APPEND_LINE, [callId, seq, role, text, interrupted, at, orgId]);
  }

  async recordingStarted(event: RecordingStartedEvent): Promise<void> {
    await this.db.$transaction([
      this.ensureCall(event.callId, event.orgId),
      // A `recording.stopped` that overtook this event has the complete row already.
      this.db.recording.upsert({
        where: { id: event.recordingId },
        create: { ...recordingFields(event), status: 'recording' },
        update: {},
      }),
    ]);
  }

  async recordingStopped(event: RecordingStoppedEvent): Promise<void> {
    const fields = {
      ...recordingFields(event),
      status: 'completed' as const,
      bytes: event.bytes,
      durationMs: event.durationMs,
      stoppedAt: new Date(event.stoppedAt),
    };
    await this.db.$transaction([
      this.ensureCall(event.callId, event.orgId),
      this.db.recording.upsert({ where: { id: event.recordingId }, create: fields, update: fields }),
    ]);
  }

  async settled(event: CallSettledEvent): Promise<void> {
    const { callId: id, orgId, agentId } = event;
    const cost: StoredCallCost = {
      points: event.points,
      unpaidPoints: event.unpaidPoints,
      cost: event.cost,
      usage: event.usage,
      settledAt: event.settledAt,
    };
    const json = cost as unknown as Prisma.InputJsonValue;
    await this.db.call.upsert({ where: { id }, create: { id, orgId, agentId, cost: json }, update: { cost: json } });
  }

  /** The dialer's report of a task call replaces any extractive one written on the fly before it. */
  async reported(event: CallReportedEvent): Promise<void> {
    const { callId: id, orgId } = event;
    const report: StoredCallReport = { ...event.report, generatedAt: event.reportedAt };
    const json = report as unknown as Prisma.InputJsonValue;
    await this.db.call.upsert({ where: { id }, create: { id, orgId, report: json }, update: { report: json } });
  }

  /** The call row, created bare when this event is the first of its call to arrive. */
  private ensureCall(id: string, orgId: string) {
    return this.db.call.upsert({ where: { id }, create: { id, orgId }, update: {} });
  }
}

function recordingFields(event: RecordingStartedEvent) {
  return {
    id: event.recordingId,
    callId: event.callId,
    orgId: event.orgId,
    path: event.path,
    format: event.format,
    sampleRate: event.sampleRate,
    channels: event.channels,
    startedAt: new Date(event.startedAt),
  };
}
