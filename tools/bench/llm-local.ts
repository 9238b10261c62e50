/**
 * Latency of the llm-worker with the local agent, over the real NATS, run by hand:
 *   node -r @swc-node/register tools/bench/llm-local.ts
 * Forks itself to run the worker in its own process (as in production, under its own namespace so a
 * running platform is not disturbed), then plays the gateway: sends `llm.v1.rpc.reply` and times the
 * accepting reply, the first reply-text chunk and the final chunk. One turn at a time first, then
 * many at once. NATS_URL is read as the worker reads it (default nats://127.0.0.1:4222).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Bus } from '@parley/bus';
import { ANY_TOKEN, parseVoiceSubject, type ReplyTextChunk, rpcSubjects, voiceSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { loadConfig } from '../../apps/llm-worker/src/config';
import { LlmWorkerModule } from '../../apps/llm-worker/src/llm-worker.module';
import { demoRequest } from '../../apps/llm-worker/src/testing/demo-agent';

const WARMUP = 50;
const SEQUENTIAL = 400;
const CONCURRENT = 2000;
const IN_FLIGHT = 50;
/** What callers of the demo shop say, so every kind of turn is timed. */
const UTTERANCES = [
  'What are your business hours?',
  'How do I return an item?',
  'How long does shipping take?',
  'How can I contact you?',
  'Do you repair bicycles?',
  'thank you',
  'no that is all, bye',
  undefined, // the opening turn
];

interface Timing {
  accepted: number;
  first: number;
  final: number;
}

/** Worker mode: boot the app in the namespace given, tell the parent, run until killed. */
async function runWorker(namespace: string): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ service: 'llm-worker', level: 'warn' });
  const module = LlmWorkerModule.forRoot(config, logger, { busNamespace: namespace });
  const app = await createServiceApp({ name: 'llm-worker', module, logger });
  await app.init();
  process.send?.('ready');
}

function startWorkerProcess(namespace: string): Promise<ChildProcess> {
  const child = fork(__filename, ['--worker', namespace], { execArgv: ['-r', '@swc-node/register'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

interface PendingTurn {
  readonly sent: number;
  first?: number;
  readonly done: (chunks: { first: number; final: number }) => void;
}

/** Plays the gateway: one subscription to every call's reply text, resolving each turn's timings. */
class Gateway {
  private readonly pending = new Map<string, PendingTurn>();
  private sequence = 0;

  constructor(private readonly bus: Bus) {
    bus.subscribe(voiceSubjects.replyText(ANY_TOKEN), (chunk, meta) => this.onChunk(meta.subject, chunk));
  }

  async turn(said: string | undefined): Promise<Timing> {
    const callId = `bench_${this.sequence++}`;
    const sent = performance.now();
    const chunks = new Promise<{ first: number; final: number }>((done) => this.pending.set(callId, { sent, done }));
    await this.bus.request(rpcSubjects.llmReply, demoRequest(said, { callId }), { timeoutMs: 5000 });
    const accepted = performance.now() - sent;
    return { accepted, ...(await chunks) };
  }

  private onChunk(subject: string, chunk: ReplyTextChunk): void {
    const callId = parseVoiceSubject(subject)?.callId ?? '';
    const turn = this.pending.get(callId);
    if (!turn) return;
    const at = performance.now() - turn.sent;
    turn.first ??= at;
    if (!chunk.final) return;
    this.pending.delete(callId);
    turn.done({ first: turn.first, final: at });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(label: string, timings: Timing[], wallMs?: number): void {
  const line = (name: keyof Timing) => {
    const values = timings.map((t) => t[name]);
    return `${name} p50 ${percentile(values, 50).toFixed(2)} ms, p99 ${percentile(values, 99).toFixed(2)} ms`;
  };
  const rate = wallMs ? `, ${Math.round((timings.length / wallMs) * 1000)} turns/s` : '';
  console.log(`${label} (${timings.length} turns${rate}):`);
  for (const name of ['accepted', 'first', 'final'] as const) console.log(`  ${line(name)}`);
}

async function sequential(gateway: Gateway, count: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (let i = 0; i < count; i++) timings.push(await gateway.turn(UTTERANCES[i % UTTERANCES.length]));
  return timings;
}

async function concurrent(gateway: Gateway, count: number, inFlight: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) timings.push(await gateway.turn(UTTERANCES[next++ % UTTERANCES.length]));
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return timings;
}

async function main(): Promise<void> {
  const namespace = `bench_${randomBytes(3).toString('hex')}`;
  const worker = await startWorkerProcess(namespace);
  const bus = await Bus.connect({ url: loadConfig().NATS_URL, name: 'llm-bench', namespace });
  try {
    const gateway = new Gateway(bus);
    await sequential(gateway, WARMUP);
    summary('one turn at a time', await sequential(gateway, SEQUENTIAL));
    const started = performance.now();
    const timings = await concurrent(gateway, CONCURRENT, IN_FLIGHT);
    summary(`${IN_FLIGHT} turns in flight`, timings, performance.now() - started);
  } finally {
    await bus.drain();
    worker.kill('SIGTERM');
  }
}

const workerAt = process.argv.indexOf('--worker');
if (workerAt > 0) void runWorker(process.argv[workerAt + 1]);
else
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
