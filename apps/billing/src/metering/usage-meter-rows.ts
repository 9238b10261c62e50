import type { UsageCharge } from './usage-charges';

export interface MeterRow {
  callId: string;
  orgId: string;
  agentId: string;
  providerClass: string;
  stt: string;
  llm: string;
  llmModel: string;
  tts: string;
  startedAt: string;
  seconds: number;
  points: number;
  unpaid: number;
  sttAudioMs: number;
  llmInputTokens: number;
  llmOutputTokens: number;
  ttsCharacters: number;
  exhaustedAt: string | null;
}

/**
 * One row per call of the batch with what its new events add (an upsert may touch a row only
 * once per statement). A settled call's seconds were charged by its settlement: only its
 * engine figures are added.
 */
export function meterRows(charges: readonly UsageCharge[], settled: ReadonlySet<string>): MeterRow[] {
  const rows = new Map<string, MeterRow>();
  for (const { usage, charged, unpaid, exhausted } of charges) {
    const { event } = usage;
    const row = rows.get(event.callId) ?? newRow(usage.providerClass, event);
    if (!settled.has(event.callId)) row.seconds += event.seconds;
    row.points += charged;
    row.unpaid += unpaid;
    row.sttAudioMs += event.sttAudioMs;
    row.llmInputTokens += event.llmInputTokens;
    row.llmOutputTokens += event.llmOutputTokens;
    row.ttsCharacters += event.ttsCharacters;
    if (exhausted) row.exhaustedAt ??= new Date().toISOString();
    rows.set(event.callId, row);
  }
  return [...rows.values()];
}

function newRow(providerClass: string, event: UsageCharge['usage']['event']): MeterRow {
  const { providers } = event;
  return {
    callId: event.callId,
    orgId: event.orgId,
    agentId: event.agentId,
    providerClass,
    stt: providers.stt,
    llm: providers.llm,
    llmModel: providers.llmModel,
    tts: providers.tts,
    startedAt: event.startedAt,
    seconds: 0,
    points: 0,
    unpaid: 0,
    sttAudioMs: 0,
    llmInputTokens: 0,
    llmOutputTokens: 0,
    ttsCharacters: 0,
    exhaustedAt: null,
  };
}
