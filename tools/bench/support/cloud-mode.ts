import type { BenchArgs } from './bench-args';
import type { BenchTarget } from './bench-tenant';
import { cloudBenchTarget } from './cloud-bench-tenant';
import { CloudFakes, type CloudDelays } from './cloud-fakes';
import { CloudWorkers } from './cloud-workers';
import type { CallOutcome } from './bench-caller';
import type { LatencyBreakdown } from './latency-breakdown';
import { distribution } from './stats';
import { fmt, printTable } from './table';

export const CLOUD_OPTIONS = {
  providers: { type: 'string' },
  'stt-final-ms': { type: 'string' },
  'llm-first-token-ms': { type: 'string' },
  'llm-token-ms': { type: 'string' },
  'tts-first-audio-ms': { type: 'string' },
} as const;

export const CLOUD_USAGE = `  --providers embedded|cloud
                  embedded (default): the workers of the running platform. cloud: the bench starts
                  fake OpenAI, Deepgram and ElevenLabs servers and its own stt-, llm- and tts-worker
                  pointed at them (run the platform without workers:
                  npm start -- --only rest-api,gateway,billing,dialer,webhooks), and calls an agent
                  that chose deepgram, openai and elevenlabs
  --stt-final-ms N        cloud: Deepgram's final transcript after Finalize (default 150)
  --llm-first-token-ms N  cloud: OpenAI's first token (default 250)
  --llm-token-ms N        cloud: OpenAI's time per further word (default 10)
  --tts-first-audio-ms N  cloud: ElevenLabs' first audio byte (default 200)`;

/** `--providers` (already validated as a string option by parseBenchArgs): embedded or cloud. */
export function providersMode(argv: readonly string[], usage: string): 'embedded' | 'cloud' {
  const at = argv.findIndex((arg) => arg === '--providers' || arg.startsWith('--providers='));
  if (at < 0) return 'embedded';
  const value = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  if (value === 'embedded' || value === 'cloud') return value;
  console.error(`--providers is embedded or cloud, got "${value}"\n\n${usage}`);
  return process.exit(2);
}

export interface CloudRun {
  readonly target: BenchTarget;
  readonly fakes: CloudFakes;
  stop(): Promise<void>;
}

export function cloudDelays(args: BenchArgs): CloudDelays {
  return {
    sttFinalMs: args.int('stt-final-ms', 150, 0),
    llmFirstTokenMs: args.int('llm-first-token-ms', 250, 0),
    llmTokenIntervalMs: args.int('llm-token-ms', 10, 0),
    ttsFirstAudioMs: args.int('tts-first-audio-ms', 200, 0),
  };
}

/** Fakes first (the workers need their URLs), then the workers, then the cloud agent's key. */
export async function startCloud(delays: CloudDelays, questions: readonly string[]): Promise<CloudRun> {
  const fakes = await CloudFakes.start(delays, questions);
  let workers: CloudWorkers | undefined;
  try {
    workers = await CloudWorkers.start(fakes.workerEnv);
    const target = await cloudBenchTarget();
    return {
      target,
      fakes,
      stop: async () => {
        await workers?.stop();
        await fakes.close();
      },
    };
  } catch (error) {
    await workers?.stop();
    await fakes.close();
    throw error;
  }
}

type ProviderStage = 'sttFinal' | 'llmFirstSentence' | 'ttsFirstAudio';
const STAGE_NAMES: Record<ProviderStage, string> = {
  sttFinal: 'STT final (Deepgram)',
  llmFirstSentence: 'LLM first sentence (OpenAI)',
  ttsFirstAudio: 'TTS first audio (ElevenLabs)',
};

/**
 * Each provider stage split into the vendor's time (the fake's configured delay, a constant, so it
 * comes off every percentile exactly) and the platform's (worker, adapter and bus); then, turn by
 * turn, the platform's whole share: the bus and gateway overhead plus each stage less its vendor.
 */
export function cloudSplit(outcomes: readonly CallOutcome[], breakdown: LatencyBreakdown, providerMs: Record<ProviderStage, number>) {
  const stageNames = Object.keys(STAGE_NAMES) as ProviderStage[];
  const stages = stageNames.map((stage) => {
    const measured = breakdown.split[stage];
    return { stage, measured, providerMs: providerMs[stage], platformP50: measured.p50 - providerMs[stage], platformP95: measured.p95 - providerMs[stage] };
  });
  const vendorMs = stages.reduce((sum, { providerMs: ms }) => sum + ms, 0);
  const splits = outcomes.flatMap(({ splits: turns }) => turns);
  const platform = distribution(splits.map((turn) => turn.overhead + stageNames.reduce((sum, stage) => sum + turn[stage] - providerMs[stage], 0)));
  return { stages, vendorMs, platform };
}

export function printCloudSplit(split: ReturnType<typeof cloudSplit>, served: CloudFakes['served']): void {
  console.log(`\nVendors (fakes) served: OpenAI ${served.openai} requests, Deepgram ${served.deepgram} streams, ElevenLabs ${served.elevenlabs} requests.`);
  console.log('Provider time vs the platform own time, per stage (traced turns), ms:');
  printTable(['stage', 'measured p50', 'measured p95', 'vendor', 'platform p50', 'platform p95'], [
    ...split.stages.map(({ stage, measured, providerMs, platformP50, platformP95 }) => [
      STAGE_NAMES[stage],
      fmt(measured.p50, 1),
      fmt(measured.p95, 1),
      fmt(providerMs),
      fmt(platformP50, 1),
      fmt(platformP95, 1),
    ]),
  ]);
  const { platform } = split;
  console.log(`\nThe platform's own time per turn (bus + gateway overhead + each stage less its vendor's ${fmt(split.vendorMs)} ms in all), ms:`);
  printTable(['turns', 'p50', 'p95', 'p99', 'max'], [[String(platform.count), fmt(platform.p50, 1), fmt(platform.p95, 1), fmt(platform.p99, 1), fmt(platform.max, 1)]]);
}
