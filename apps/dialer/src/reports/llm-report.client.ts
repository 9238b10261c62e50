import { Bus } from '@parley/bus';
import { type CallEndReason, type CallReport, rpcSubjects } from '@parley/contracts';
import type { ReportLine } from './extractive-report';

/** rest-api describes the agent in milliseconds; this bounds it when it is down. */
const AGENT_RESOLVE_TIMEOUT_MS = 5_000;
/**
 * The model's time, within the call-ended consumer's 30 s ack wait (the llm-worker gives its model
 * 18 s at most), so a slow model falls back to the extractive report instead of a redelivery.
 */
const REPORT_TIMEOUT_MS = 20_000;

export interface LlmReportInput {
  readonly orgId: string;
  readonly agentId: string;
  readonly callId: string;
  readonly reason: CallEndReason;
  readonly lines: readonly ReportLine[];
  readonly fields: readonly string[];
}

/**
 * Asks the agent's LLM provider for a call's report: the agent's settings from rest-api
 * (`identity.v1.rpc.agent.resolve`), then `llm.v1.rpc.report` from an llm-worker. Null for the
 * `local` provider, which writes none; a failure is thrown, for the caller to fall back.
 */
export class LlmReportClient {
  constructor(private readonly bus: Bus) {}

  async write(input: LlmReportInput): Promise<CallReport | null> {
    const { agent } = await this.bus.request(
      rpcSubjects.identityAgentResolve,
      { orgId: input.orgId, agentId: input.agentId },
      { timeoutMs: AGENT_RESOLVE_TIMEOUT_MS },
    );
    if (agent.llm.provider === 'local') return null;
    const reply = await this.bus.request(
      rpcSubjects.llmReport,
      {
        callId: input.callId,
        orgId: input.orgId,
        llm: agent.llm,
        language: agent.language,
        lines: input.lines.map((line) => ({ role: line.role, text: line.text.slice(0, 4_000) })).slice(-2_000),
        reason: input.reason,
        fields: [...input.fields],
      },
      { timeoutMs: REPORT_TIMEOUT_MS },
    );
    return { summary: reply.summary, outcome: reply.outcome, extracted: reply.fields, generatedBy: reply.generatedBy };
  }
}
