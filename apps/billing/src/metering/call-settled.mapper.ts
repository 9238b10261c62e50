import { type CallEndReason, type CallSettledEvent, callEndReasonSchema } from '@parley/contracts';
import type { CallMeter } from '@parley/db-billing';
import { money } from '../rate-card/rate-card';

export const CURRENCY = 'USD';

/** The stored cost of a call; zero for a call not settled yet. */
export function costOf(meter: Pick<CallMeter, 'costLlm' | 'costStt' | 'costTts'>) {
  const llm = meter.costLlm ?? 0;
  const stt = meter.costStt ?? 0;
  const tts = meter.costTts ?? 0;
  return { llm, stt, tts, total: money(llm + stt + tts), currency: CURRENCY };
}

export function reasonOf(meter: Pick<CallMeter, 'reason'>): CallEndReason | null {
  const parsed = callEndReasonSchema.safeParse(meter.reason);
  return parsed.success ? parsed.data : null;
}

/** `call.settled` from a settled meter row. */
export function settledEventOf(meter: CallMeter): CallSettledEvent {
  return {
    callId: meter.callId,
    orgId: meter.orgId,
    agentId: meter.agentId,
    reason: reasonOf(meter) ?? 'PLATFORM_ERROR',
    points: Number(meter.points) + Number(meter.unpaidPoints),
    unpaidPoints: Number(meter.unpaidPoints),
    cost: costOf(meter),
    usage: {
      seconds: meter.seconds,
      sttAudioSeconds: Number(meter.sttAudioMs) / 1000,
      llmInputTokens: Number(meter.llmInputTokens),
      llmOutputTokens: Number(meter.llmOutputTokens),
      ttsCharacters: Number(meter.ttsCharacters),
    },
    settledAt: (meter.settledAt ?? new Date()).toISOString(),
  };
}
