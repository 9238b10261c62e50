import { Inject, Injectable } from '@nestjs/common';
import type { DialerClient } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';
import type { ContextData } from './placeholders';

/** What an admitted ticket tells about its call: the task's row as it was when consumed. */
export interface AdmittedTask {
  readonly taskId: string;
  readonly orgId: string;
  readonly agentId: string;
  readonly keyId: string | null;
  readonly callId: string;
  readonly toNumber: string;
  readonly startingMessage: string | null;
  readonly contextData: ContextData | null;
}

interface AdmittedRow {
  task_id: string;
  org_id: string;
  agent_id: string;
  key_id: string | null;
  call_id: string;
  to_number: string;
  starting_message: string | null;
  context_data: unknown;
}

/** Dial tickets live on their task: one per placed call, only their hash stored. */
@Injectable()
export class DialTicketsRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  /** Stores the ticket of the task's current call; false when the task moved on meanwhile. */
  async issue(callId: string, hash: string, expiresAt: Date): Promise<boolean> {
    const { count } = await this.db.task.updateMany({
      where: { callId, status: 'in_progress' },
      data: { dialTicketHash: hash, dialTicketExpiresAt: expiresAt },
    });
    return count === 1;
  }

  /**
   * Consumes a ticket in one statement, so two admits of one ticket cannot both succeed; null
   * when it is unknown, used, expired, or its task is no longer in progress.
   */
  async consume(hash: string): Promise<AdmittedTask | null> {
    const rows = await this.db.$queryRaw<AdmittedRow[]>`
      UPDATE tasks SET dial_ticket_hash = NULL, dial_ticket_expires_at = NULL, updated_at = now()
      WHERE dial_ticket_hash = ${hash} AND dial_ticket_expires_at > now() AND status = 'in_progress'
      RETURNING id::text AS task_id, org_id::text, agent_id::text, key_id::text, call_id::text,
        to_number, starting_message, context_data`;
    const row = rows[0];
    return row ? toAdmittedTask(row) : null;
  }
}

function toAdmittedTask(row: AdmittedRow): AdmittedTask {
  const data = row.context_data;
  return {
    taskId: row.task_id,
    orgId: row.org_id,
    agentId: row.agent_id,
    keyId: row.key_id,
    callId: row.call_id,
    toNumber: row.to_number,
    startingMessage: row.starting_message,
    contextData: typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as ContextData) : null,
  };
}
