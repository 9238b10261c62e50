/**
 * Memory growth over long calls, run by hand against a running platform (`npm start`):
 *   node -r @swc-node/register tools/bench/soak.ts [--minutes 30] [--calls 1] [--json]
 * One call (or --calls few) keeps talking for the whole run: question, answer, pause, again.
 * Every 30 s it samples the resident memory of each platform process (/proc); at the end it
 * prints each one's growth from the warm-up mark (2 minutes in; half-way through a run too short
 * to leave a sample after that) to the end, PASS when ≤ 20 MB. The calls go to the bench agent,
 * whose limits (support/bench-tenant.ts) outlast the run; should the platform end a call
 * anyway, the caller dials again and the report counts it.
 */
import { COMMON_USAGE, parseBenchArgs } from './support/bench-args';
import { BenchDialer, type CallOutcome, type Conversation } from './support/bench-caller';
import { benchTarget } from './support/bench-tenant';
import { sampleWhile } from './support/bench-clock';
import { NATS_URL } from './support/infra-urls';
import { maskedUrl } from './support/masked-url';
import { findPlatformProcesses } from './support/platform-processes';
import { ProcessUsage } from './support/process-usage';
import { DEMO_QUESTIONS, prepareQuestions } from './support/questions';
import { distribution } from './support/stats';
import { fmt, printTable, verdict } from './support/table';

const USAGE = `Usage: node -r @swc-node/register tools/bench/soak.ts [options]

  --minutes N   how long the calls keep talking (default 30; 2 or 3 for a quick run)
  --calls N     calls talking at once (default 1)
  --sample-s N  seconds between memory samples (default 30)
${COMMON_USAGE}`;

const GROWTH_LIMIT_MB = 20;
const WARM_UP_MS = 2 * 60_000;
/** A caller's pause between an answer and the next question. */
const PAUSE_MS = 2_000;
const REPLY_TIMEOUT_MS = 15_000;

interface Sample {
  readonly atS: number;
  readonly rssMb: Map<string, number>;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), USAGE, {
    minutes: { type: 'string' },
    calls: { type: 'string' },
    'sample-s': { type: 'string' },
  });
  const [runMs, calls, sampleMs] = [args.int('minutes', 30) * 60_000, args.int('calls', 1), args.int('sample-s', 30) * 1000];
  const questions = await prepareQuestions(DEMO_QUESTIONS);
  const target = await benchTarget(args.url);
  const usage = new ProcessUsage(findPlatformProcesses(Number(new URL(target.voiceUrl).port || 80)));
  if (usage.services.length === 0) throw new Error('no platform processes found (apps/<app>/src/main.ts): is npm start running?');
  const dialer = await BenchDialer.open(target, NATS_URL);
  if (!args.json) console.log(`Soak: ${calls} call(s) talking for ${runMs / 60_000} min → ${maskedUrl(target.voiceUrl)}`);
  const started = performance.now();
  const deadline = started + runMs;
  const conversation: Conversation = { questions, done: () => performance.now() >= deadline, pauseMs: PAUSE_MS, replyTimeoutMs: REPLY_TIMEOUT_MS };
  try {
    const talking = Promise.all(Array.from({ length: calls }, () => keepTalking(dialer, conversation, deadline)));
    const samples: Sample[] = [];
    await sampleWhile(talking, sampleMs, () => samples.push({ atS: (performance.now() - started) / 1000, rssMb: usage.rssNow() }));
    const warmUpMs = runMs > WARM_UP_MS + sampleMs ? WARM_UP_MS : runMs / 2;
    const summary = summarise(samples, (await talking).flat(), warmUpMs / 1000);
    if (args.json) console.log(JSON.stringify(summary, (_key, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value), 2));
    else print(summary);
  } finally {
    await dialer.close();
  }
}

/** Calls until the deadline; a call the platform ends early is redialled (and reported). */
async function keepTalking(dialer: BenchDialer, conversation: Conversation, deadline: number): Promise<CallOutcome[]> {
  const outcomes: CallOutcome[] = [];
  do outcomes.push(await dialer.call(conversation));
  while (performance.now() < deadline);
  return outcomes;
}

function summarise(samples: Sample[], outcomes: CallOutcome[], warmUpS: number) {
  const mark = samples.find(({ atS }) => atS >= warmUpS) ?? samples[0];
  const end = samples[samples.length - 1];
  const growth = [...end.rssMb.keys()].map((app) => {
    const mb = (end.rssMb.get(app) ?? Number.NaN) - (mark.rssMb.get(app) ?? Number.NaN);
    return { app, fromMb: mark.rssMb.get(app), toMb: end.rssMb.get(app), growthMb: mb, verdict: verdict(mb, GROWTH_LIMIT_MB) };
  });
  const turns = outcomes.flatMap(({ turns }) => turns.map((turn) => turn.voiceToVoiceMs));
  return {
    markS: mark.atS,
    endS: end.atS,
    growth,
    samples,
    calls: outcomes.length,
    endedByPlatform: outcomes.filter(({ endedBy }) => endedBy !== 'caller').map(({ endedBy }) => endedBy),
    asked: outcomes.reduce((total, { asked }) => total + asked, 0),
    voiceToVoice: distribution(turns),
  };
}

function print(summary: ReturnType<typeof summarise>): void {
  const apps = summary.growth.map(({ app }) => app);
  console.log('\nResident memory (MB) per process:');
  printTable(['at (s)', ...apps], summary.samples.map(({ atS, rssMb }) => [fmt(atS), ...apps.map((app) => fmt(rssMb.get(app), 1))]));
  console.log(`\nGrowth from ${fmt(summary.markS)} s (after warm-up) to ${fmt(summary.endS)} s, limit ${GROWTH_LIMIT_MB} MB:`);
  printTable(
    ['process', 'from MB', 'to MB', 'growth MB', 'verdict'],
    summary.growth.map((g) => [g.app, fmt(g.fromMb, 1), fmt(g.toMb, 1), fmt(g.growthMb, 1), g.verdict]),
  );
  const { voiceToVoice: v2v, endedByPlatform } = summary;
  console.log(
    `\n${v2v.count} of ${summary.asked} questions answered over ${summary.calls} call(s); voice-to-voice p50 ${fmt(v2v.p50)} ms, ` +
      `p95 ${fmt(v2v.p95)} ms, max ${fmt(v2v.max)} ms.`,
  );
  console.log(endedByPlatform.length ? `The platform ended ${endedByPlatform.length} call(s) early: ${endedByPlatform.join(', ')} (redialled).` : 'No call was ended by the platform.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
