import type { LlmReportReply, LlmReportRequest } from '@parley/contracts';

/** Writes a finished call's report with a model; `name` is the `agent.llm.provider` it serves. */
export interface ReportGenerator {
  readonly name: string;
  generate(request: LlmReportRequest): Promise<LlmReportReply>;
}

export const REPORT_GENERATORS = Symbol('llm-worker:report-generators');
