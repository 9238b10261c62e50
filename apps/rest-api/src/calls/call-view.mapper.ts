import type { Call, TranscriptEntry } from '@parley/db-calls';
import { toRecordingView } from '../recordings/recording-view.mapper';
import { storedCallCostSchema } from './call-cost';
import { type StoredCallReport, storedCallReportSchema } from './call-report';
import { transcriptEntries } from './call-transcript';
import type { CallCostsView, CallDetailView, CallReportView, CallView } from './call-view.schema';
import type { CallWithDetail } from './calls.repository';

export function toCallView(call: Call): CallView {
  return {
    id: call.id,
    agent_id: call.agentId,
    task_id: call.taskId,
    direction: call.direction,
    channel: call.channel,
    status: call.status,
    end_reason: call.endReason,
    from_number: call.fromNumber,
    to_number: call.toNumber,
    started_at: call.startedAt?.toISOString() ?? null,
    ended_at: call.endedAt?.toISOString() ?? null,
    duration: call.durationMs === null ? null : Math.round(call.durationMs / 1000),
    duration_ms: call.durationMs,
    turns: call.turns,
    message_count: call.messageCount,
    created_at: call.createdAt.toISOString(),
    updated_at: call.updatedAt.toISOString(),
  };
}

export function toCallDetailView(call: CallWithDetail, baseUrl: string): CallDetailView {
  const report = storedReport(call.report);
  const recording = call.recordings[0];
  return {
    ...toCallView(call),
    transcript: transcriptOf(call),
    report: report ? toReportView(call.id, report) : null,
    costs: toCostsView(call.cost),
    recording: recording ? toRecordingView(recording, baseUrl) : null,
    latency: (call.latency as Record<string, unknown> | null) ?? null,
  };
}

export function transcriptOf(call: Call & { transcript: TranscriptEntry[] }) {
  return transcriptEntries(call.transcript, call.startedAt);
}

export function toReportView(callId: string, report: StoredCallReport): CallReportView {
  return {
    call_id: callId,
    summary: report.summary,
    outcome: report.outcome,
    extracted: report.extracted,
    key_points: [...(report.keyPoints ?? [])],
    generated_by: report.generatedBy,
    generated_at: report.generatedAt,
  };
}

/** The stored report, or null when there is none (or it no longer reads as one). */
export function storedReport(json: unknown): StoredCallReport | null {
  const parsed = storedCallReportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

function toCostsView(json: unknown): CallCostsView | null {
  const parsed = storedCallCostSchema.safeParse(json);
  if (!parsed.success) return null;
  const { points, unpaidPoints, cost, usage, settledAt } = parsed.data;
  return {
    total: cost.total,
    llm: cost.llm,
    stt: cost.stt,
    tts: cost.tts,
    currency: cost.currency,
    points,
    unpaid_points: unpaidPoints,
    usage: {
      seconds: usage.seconds,
      stt_audio_seconds: usage.sttAudioSeconds,
      llm_input_tokens: usage.llmInputTokens,
      llm_output_tokens: usage.llmOutputTokens,
      tts_characters: usage.ttsCharacters,
    },
    settled_at: settledAt,
  };
}
