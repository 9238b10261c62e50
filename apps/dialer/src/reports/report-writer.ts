import type { CallEndReason, CallReport } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { extractiveReport, type ReportLine } from './extractive-report';
import type { LlmReportClient } from './llm-report.client';

export interface ReportSubject {
  readonly orgId: string;
  readonly agentId: string;
  readonly callId: string;
  readonly reason: CallEndReason;
  readonly lines: readonly ReportLine[];
  readonly extractFields: readonly string[];
  readonly answeredBy?: string | null;
}

/**
 * The report of a call: the agent's LLM provider writes it when it is not `local` and the callee
 * spoke; otherwise, and on any failure, the deterministic extractive report. What the platform
 * knows for a fact (a failed ending, an answering machine, a callee who never spoke) is the
 * extractive outcome, and it wins over the model's.
 */
export async function writeReport(subject: ReportSubject, llm: LlmReportClient, log?: Logger): Promise<CallReport> {
  const { lines, reason, extractFields, answeredBy } = subject;
  const extractive = extractiveReport({ lines, reason, extractFields, answeredBy });
  if (extractive.outcome === 'no_response') return extractive;
  try {
    const written = await llm.write({ ...subject, fields: extractFields });
    if (!written) return extractive;
    return extractive.outcome === 'completed' ? written : { ...written, outcome: extractive.outcome };
  } catch (err) {
    log?.warn({ err, callId: subject.callId }, 'llm call report failed; the report is extractive');
    return extractive;
  }
}
