import type { LatencyStats } from '@parley/contracts';
import type { CallOutcome } from './bench-caller';
import { type Distribution, distribution, median, percentile } from './stats';
import type { TurnSplit } from './turn-trace';

/** One `call.ended` figure over the calls: median of the calls' p50s, p95 of their p95s, max. */
export interface ReportedFigures {
  readonly calls: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export interface LatencyBreakdown {
  /** Voice-to-voice at the client, over every answered turn. */
  readonly voiceToVoice: Distribution;
  /** Each stage over the turns whose milestones were all seen on the bus (`traced` of them). */
  readonly traced: number;
  /** How many of those replies were prepared on the caller's pause (held until the end of turn). */
  readonly speculative: number;
  readonly split: { readonly [K in Stage]: Distribution };
  /** What the gateway itself published in `call.ended`, for comparison. */
  readonly reported: {
    readonly calls: number;
    readonly sttMs: ReportedFigures;
    readonly llmFirstSentenceMs: ReportedFigures;
    readonly ttsFirstAudioMs: ReportedFigures;
    readonly voiceToVoiceMs: ReportedFigures;
  };
}

type Stage = Exclude<keyof TurnSplit, 'speculative'>;

const STAGES: readonly Stage[] = [
  'voiceToVoice',
  'endpointing',
  'sttFinal',
  'llmFirstSentence',
  'ttsFirstAudio',
  'gatewayGaps',
  'delivery',
  'overhead',
];

export function latencyBreakdown(outcomes: readonly CallOutcome[]): LatencyBreakdown {
  const splits = outcomes.flatMap(({ splits }) => splits);
  const split = Object.fromEntries(STAGES.map((stage) => [stage, distribution(splits.map((s) => s[stage]))]));
  const latencies = outcomes.flatMap(({ figures }) => (figures ? [figures.latency] : []));
  const reported = (pick: (latency: (typeof latencies)[number]) => LatencyStats | null) =>
    reportedFigures(latencies.flatMap((latency) => pick(latency) ?? []));
  return {
    voiceToVoice: distribution(outcomes.flatMap(({ turns }) => turns.map((turn) => turn.voiceToVoiceMs))),
    traced: splits.length,
    speculative: splits.filter((s) => s.speculative).length,
    split: split as LatencyBreakdown['split'],
    reported: {
      calls: latencies.length,
      sttMs: reported((l) => l.sttMs),
      llmFirstSentenceMs: reported((l) => l.llmFirstSentenceMs),
      ttsFirstAudioMs: reported((l) => l.ttsFirstAudioMs),
      voiceToVoiceMs: reported((l) => l.voiceToVoiceMs),
    },
  };
}

function reportedFigures(perCall: readonly LatencyStats[]): ReportedFigures {
  return {
    calls: perCall.length,
    p50: median(perCall.map(({ p50 }) => p50)),
    p95: percentile(perCall.map(({ p95 }) => p95), 95),
    max: perCall.length ? Math.max(...perCall.map(({ max }) => max)) : Number.NaN,
  };
}
