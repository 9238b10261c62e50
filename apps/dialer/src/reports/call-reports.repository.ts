import { Inject, Injectable } from '@nestjs/common';
import type { CallReport, TranscriptAppendedEvent } from '@parley/contracts';
import type { DialerClient, Task as TaskRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';
import type { ReportLine } from './extractive-report';

/** Transcript lines and reports of task calls. Both writes are idempotent, for redelivered events. */
@Injectable()
export class CallReportsRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  async addLine(line: TranscriptAppendedEvent): Promise<void> {
    await this.db.callLine.createMany({
      data: [{ callId: line.callId, seq: line.seq, role: line.role, text: line.text, at: new Date(line.at) }],
      skipDuplicates: true,
    });
  }

  async linesOf(callId: string): Promise<ReportLine[]> {
    const rows = await this.db.callLine.findMany({ where: { callId }, orderBy: { seq: 'asc' } });
    return rows.map((row) => ({ role: row.role === 'user' ? 'user' : 'assistant', text: row.text }));
  }

  /** Who answered the call, when the carrier's answering machine detection reported it. */
  async answeredBy(callId: string): Promise<string | null> {
    const row = await this.db.callAnswer.findUnique({ where: { callId } });
    return row?.answeredBy ?? null;
  }

  /** The first report written for the call wins, so a redelivered ending reports the same. */
  async save(task: TaskRow, callId: string, report: CallReport): Promise<CallReport> {
    const row = await this.db.callReport.upsert({
      where: { callId },
      create: { callId, orgId: task.orgId, taskId: task.id, ...report },
      update: {},
    });
    return {
      summary: row.summary,
      outcome: row.outcome as CallReport['outcome'],
      extracted: row.extracted as CallReport['extracted'],
      generatedBy: row.generatedBy,
    };
  }
}
