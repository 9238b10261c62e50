import type { LedgerEntry, MeteredCall, UsageSummaryReply } from '@parley/contracts';

/** The usage document of reference 004 §4, in its snake_case. */
export function usageView(reply: UsageSummaryReply) {
  const { totals } = reply;
  return {
    period: reply.period,
    group_by: reply.groupBy,
    totals: {
      cost_usd: totals.costUsd,
      input_tokens: totals.inputTokens,
      output_tokens: totals.outputTokens,
      audio_minutes: totals.audioMinutes,
      tts_characters: totals.ttsCharacters,
      api_calls: totals.calls,
      points: totals.points,
    },
    breakdown: reply.breakdown.map((row) => ({
      [reply.groupBy === 'day' ? 'period' : reply.groupBy]: row.key,
      cost: row.cost,
      llm_cost: row.llmCost,
      stt_cost: row.sttCost,
      tts_cost: row.ttsCost,
      calls: row.calls,
      points: row.points,
    })),
  };
}

export function callLogView(call: MeteredCall) {
  return {
    call_id: call.callId,
    agent_id: call.agentId,
    status: call.status,
    end_reason: call.reason,
    started_at: call.startedAt,
    ended_at: call.endedAt,
    duration_seconds: call.durationSeconds,
    points: call.points,
    costs: { total: call.cost.total, llm: call.cost.llm, stt: call.cost.stt, tts: call.cost.tts, currency: call.cost.currency },
  };
}

export function ledgerEntryView(entry: LedgerEntry) {
  return {
    id: entry.id,
    kind: entry.kind,
    points: entry.points,
    balance_after: entry.balanceAfter,
    reason: entry.reason,
    call_id: entry.callId,
    created_at: entry.createdAt,
  };
}
