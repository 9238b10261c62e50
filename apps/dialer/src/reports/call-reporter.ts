import { Inject, Injectable, Optional } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type AnsweredBy, type CallEndReason, eventSubjects, type TranscriptAppendedEvent } from '@parley/contracts';
import type { Task as TaskRow } from '@parley/db-dialer';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { whoAnswered } from './answered-by';
import { CallReportsRepository } from './call-reports.repository';
import { clip, type ReportLine } from './extractive-report';
import { LlmReportClient } from './llm-report.client';
import { writeReport } from './report-writer';

/** What a `call_completed` webhook carries besides ids (reference 002); a type, so it fits the payload's open `data`. */
export type CallExcerpts = {
  readonly transcript_excerpt: string;
  readonly report_excerpt: string;
};

const EXCERPT_LINES = 6;
const EXCERPT_CHARS = 500;

/**
 * Keeps the lines of task calls and writes each call's report when it ends: stored, published as
 * `dialer.v1.evt.call.reported` for the calls read model, and excerpted for the task's webhook.
 * The agent's LLM provider writes the report when it is not `local`; the extractive report
 * (deterministic, from the transcript) is the fallback (`generatedBy` says which).
 */
@Injectable()
export class CallReporter {
  constructor(
    @Inject(CallReportsRepository) private readonly repository: CallReportsRepository,
    @Inject(Bus) private readonly bus: Bus,
    @Optional() @Inject(LOGGER) private readonly log?: Logger,
  ) {
    this.llm = new LlmReportClient(bus);
  }

  private readonly llm: LlmReportClient;

  addLine(line: TranscriptAppendedEvent): Promise<void> {
    return this.repository.addLine(line);
  }

  /** `detected`: the gateway's answering-machine verdict from `call.ended`, if it gave one. */
  async report(task: TaskRow, callId: string, reason: CallEndReason, detected?: AnsweredBy): Promise<CallExcerpts> {
    const lines = await this.repository.linesOf(callId);
    const answeredBy = whoAnswered(await this.repository.answeredBy(callId), detected);
    const subject = { orgId: task.orgId, agentId: task.agentId, callId, reason, lines, extractFields: task.extractFields, answeredBy };
    const draft = await writeReport(subject, this.llm, this.log);
    const report = await this.repository.save(task, callId, draft);
    const event = { callId, orgId: task.orgId, taskId: task.id, report, reportedAt: new Date().toISOString() };
    await this.bus.publishEvent(eventSubjects.callReported, event, { msgId: `${callId}:reported` });
    return { transcript_excerpt: transcriptExcerpt(lines), report_excerpt: clip(report.summary, EXCERPT_CHARS) };
  }
}

function transcriptExcerpt(lines: readonly ReportLine[]): string {
  const last = lines.slice(-EXCERPT_LINES).map((line) => `${line.role === 'user' ? 'Callee' : 'Agent'}: ${line.text}`);
  return clip(last.join('\n'), EXCERPT_CHARS);
}
