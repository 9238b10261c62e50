/**
 * How many calls one machine holds, run by hand against a running platform (`npm start`):
 *   node -r @swc-node/register tools/bench/capacity.ts [--step 2] [--hold-s 30] [--max 20] [--json]
 * Ramps concurrent calls (1, then +step each level); at each level every call asks questions in
 * a loop for the hold time. Stops when voice-to-voice p95 reaches twice level 1's, when an agent
 * frame reaches the client more than 40 ms late, when a question goes unanswered, or at --max.
 * Prints per level the latency, the worst frame lateness and each service's CPU and memory (from
 * /proc), then the calls held and the CPU and memory each call costs.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { COMMON_USAGE, parseBenchArgs } from './support/bench-args';
import { BenchDialer, type CallOutcome } from './support/bench-caller';
import { benchTarget } from './support/bench-tenant';
import { ClientLoopDelay, sampleWhile } from './support/bench-clock';
import { LATE_FRAME_MS } from './support/frame-lateness';
import { NATS_URL } from './support/infra-urls';
import { maskedUrl } from './support/masked-url';
import { findPlatformProcesses } from './support/platform-processes';
import { ProcessUsage, type ServiceUsage } from './support/process-usage';
import { DEMO_QUESTIONS, prepareQuestions, type Question } from './support/questions';
import { distribution, percentile, sum } from './support/stats';
import { fmt, printTable, tally } from './support/table';

const USAGE = `Usage: node -r @swc-node/register tools/bench/capacity.ts [options]

  --step N     calls added per level (default 2; levels 1, 1+N, 1+2N, …)
  --hold-s N   seconds each level lasts, every call asking questions in a loop (default 30)
  --max N      most concurrent calls to try (default 20)
  --late-ms N  frame lateness at the client that stops the ramp (default 40); on a busy machine the
               bench's own event-loop stalls (column "client loop max") count in the lateness too
${COMMON_USAGE}`;

const PAUSE_MS = 600;
const REPLY_TIMEOUT_MS = 15_000;
const IDLE_SAMPLE_MS = 5_000;
const RSS_SAMPLE_MS = 2_000;

interface Level {
  readonly calls: number;
  readonly asked: number;
  readonly answered: number;
  readonly v2vP50: number;
  readonly v2vP95: number;
  /** p95 per stage over the level's traced turns: where a slower level loses its time. */
  readonly stageP95: { readonly sttFinal: number; readonly ttsFirstAudio: number; readonly overhead: number };
  readonly maxLatenessMs: number;
  readonly lateFrames: number;
  readonly clientLoopMaxMs: number;
  readonly refused: number;
  /** Codes of the `error` frames the calls received, e.g. "STT_ERROR ×3". */
  readonly errorFrames: string;
  readonly services: ServiceUsage[];
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, {
    step: { type: 'string' },
    'hold-s': { type: 'string' },
    max: { type: 'string' },
    'late-ms': { type: 'string' },
  });
  const [step, holdMs, max] = [args.int('step', 2), args.int('hold-s', 30) * 1000, args.int('max', 20)];
  const lateLimitMs = args.int('late-ms', LATE_FRAME_MS);
  const questions = await prepareQuestions(DEMO_QUESTIONS);
  const target = await benchTarget(args.url);
  const usage = new ProcessUsage(findPlatformProcesses(Number(new URL(target.voiceUrl).port || 80)));
  if (usage.services.length === 0) throw new Error('no platform processes found (apps/<app>/src/main.ts): is npm start running?');
  const dialer = await BenchDialer.open(target, NATS_URL);
  const loop = new ClientLoopDelay();
  const log = (line: string) => args.json || console.log(line);
  log(`Capacity: levels of 1, +${step} … ≤ ${max} calls, ${holdMs / 1000} s each → ${maskedUrl(target.voiceUrl)}`);
  try {
    // One unmeasured call first: the first connect, greeting and answer warm up both sides.
    await dialer.call({ questions, done: (asked) => asked >= 1, pauseMs: PAUSE_MS, replyTimeoutMs: REPLY_TIMEOUT_MS });
    usage.next();
    await sleep(IDLE_SAMPLE_MS);
    const idle = usage.next();
    const levels: Level[] = [];
    let stop: string | undefined;
    for (let calls = 1; calls <= max && !stop; calls += step) {
      const level = await runLevel(dialer, usage, loop, calls, holdMs, questions);
      levels.push(level);
      stop = stopReason(level, levels[0], lateLimitMs);
      log(`  ${calls} calls: v2v p95 ${fmt(level.v2vP95)} ms, max frame lateness ${fmt(level.maxLatenessMs, 1)} ms${stop ? ` → stop: ${stop}` : ''}`);
    }
    const summary = summarise(idle, levels, stop ?? `reached --max ${max}`, lateLimitMs);
    if (args.json) console.log(JSON.stringify(summary, null, 2));
    else print(summary);
  } finally {
    loop.stop();
    await dialer.close();
  }
}

async function runLevel(
  dialer: BenchDialer,
  usage: ProcessUsage,
  loop: ClientLoopDelay,
  calls: number,
  holdMs: number,
  questions: Question[],
): Promise<Level> {
  usage.next();
  loop.maxMsSinceLast();
  const deadline = performance.now() + holdMs;
  const conversation = { questions, done: () => performance.now() >= deadline, pauseMs: PAUSE_MS, replyTimeoutMs: REPLY_TIMEOUT_MS };
  const placed = Promise.allSettled(Array.from({ length: calls }, () => dialer.call(conversation)));
  const peakRss = new Map<string, number>();
  await sampleWhile(placed, RSS_SAMPLE_MS, () => {
    for (const [app, mb] of usage.rssNow()) peakRss.set(app, Math.max(peakRss.get(app) ?? 0, mb));
  });
  const services = usage.next().map((service) => ({ ...service, rssMb: peakRss.get(service.app) ?? service.rssMb }));
  const outcomes = (await placed).flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  return measure(calls, outcomes, loop.maxMsSinceLast(), services);
}

function measure(calls: number, outcomes: CallOutcome[], clientLoopMaxMs: number, services: ServiceUsage[]): Level {
  const v2v = distribution(outcomes.flatMap(({ turns }) => turns.map((turn) => turn.voiceToVoiceMs)));
  const splits = outcomes.flatMap((outcome) => outcome.splits);
  return {
    calls,
    asked: sum(outcomes.map(({ asked }) => asked)),
    answered: v2v.count,
    v2vP50: v2v.p50,
    v2vP95: v2v.p95,
    stageP95: {
      sttFinal: percentile(splits.map((s) => s.sttFinal), 95),
      ttsFirstAudio: percentile(splits.map((s) => s.ttsFirstAudio), 95),
      overhead: percentile(splits.map((s) => s.overhead), 95),
    },
    maxLatenessMs: Math.max(0, ...outcomes.map(({ lateness }) => lateness.maxMs)),
    lateFrames: sum(outcomes.map(({ lateness }) => lateness.lateFrames)),
    clientLoopMaxMs,
    refused: calls - outcomes.length,
    errorFrames: tally(outcomes.flatMap(({ errors }) => errors)),
    services,
  };
}

function stopReason(level: Level, first: Level, lateLimitMs: number): string | undefined {
  if (level.refused > 0) return `${level.refused} call(s) failed to connect`;
  if (level.answered < level.asked) {
    return `${level.asked - level.answered} question(s) unanswered${level.errorFrames ? ` (error frames: ${level.errorFrames})` : ''}`;
  }
  if (level.maxLatenessMs > lateLimitMs) {
    return `a frame arrived ${fmt(level.maxLatenessMs)} ms late (> ${lateLimitMs}; the bench's own loop stalled up to ${fmt(level.clientLoopMaxMs)} ms)`;
  }
  if (level !== first && level.v2vP95 >= 2 * first.v2vP95) return `v2v p95 ${fmt(level.v2vP95)} ms ≥ 2 × level 1's ${fmt(first.v2vP95)} ms`;
  return undefined;
}

function summarise(idle: ServiceUsage[], levels: Level[], stoppedBecause: string, lateLimitMs: number) {
  const last = levels.at(-1);
  // The last level held is the last one that did not trip a stop condition.
  const held = last && stopReason(last, levels[0], lateLimitMs) ? levels.at(-2) : last;
  const total = (services: ServiceUsage[], key: 'cpuPercent' | 'rssMb') => sum(services.map((service) => service[key]));
  const perCall = held && {
    cpuPercent: (total(held.services, 'cpuPercent') - total(idle, 'cpuPercent')) / held.calls,
    rssMb: (total(held.services, 'rssMb') - total(idle, 'rssMb')) / held.calls,
  };
  return { idle, levels, stoppedBecause, lateLimitMs, callsHeld: held?.calls ?? 0, perCall };
}

function print(summary: ReturnType<typeof summarise>): void {
  const { idle, levels } = summary;
  console.log('\nLatency and pacing per level, ms (v2v and frame lateness at the client; stages traced on the bus as in turn-latency):');
  printTable(
    ['calls', 'answered', 'v2v p50', 'v2v p95', 'STT p95', 'TTS p95', 'overhead p95', 'max late', `frames > ${LATE_FRAME_MS}`, 'client loop max'],
    levels.map((l) => [
      String(l.calls),
      `${l.answered}/${l.asked}`,
      fmt(l.v2vP50),
      fmt(l.v2vP95),
      fmt(l.stageP95.sttFinal),
      fmt(l.stageP95.ttsFirstAudio),
      fmt(l.stageP95.overhead, 1),
      fmt(l.maxLatenessMs, 1),
      String(l.lateFrames),
      fmt(l.clientLoopMaxMs, 1),
    ]),
  );
  const apps = idle.map(({ app }) => app);
  const resources = (label: string, services: ServiceUsage[]) => [
    label,
    ...apps.map((app) => {
      const service = services.find((s) => s.app === app);
      return `${fmt(service?.cpuPercent)}% ${fmt(service?.rssMb)}M`;
    }),
    `${fmt(sum(services.map((s) => s.cpuPercent)))}%`,
  ];
  console.log('\nCPU (% of one core, average over the level) and peak RSS (MB) per service:');
  printTable(['calls', ...apps, 'total CPU'], [resources('idle', idle), ...levels.map((l) => resources(String(l.calls), l.services))]);
  console.log(`\nStopped: ${summary.stoppedBecause}. Calls held: ${summary.callsHeld}.`);
  if (summary.perCall) {
    console.log(
      `Per call at that level: ${fmt(summary.perCall.cpuPercent, 1)}% of one core and ${fmt(summary.perCall.rssMb, 1)} MB ` +
        '(all services, above idle; RSS is what the processes hold, so garbage not yet collected counts).',
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
