/**
 * Figures for the embedded speech engines, run by hand:
 *   node -r @swc-node/register tools/bench/speech-engines.ts
 * TTS: first-audio latency and real-time factor of flite. STT: pocketsphinx real-time factor per stream
 * at 1, 2 and 4 concurrent streams, finalisation latency after live-paced audio, the longest event-loop
 * stall while streams run, and resident memory after loading and per additional session.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PocketsphinxProvider } from '../../apps/stt-worker/src/providers/pocketsphinx/pocketsphinx-provider';
import { SttFinal, SttSession, SttSessionListener } from '../../apps/stt-worker/src/providers/stt-provider';
import { FliteProvider } from '../../apps/tts-worker/src/providers/flite/flite-provider';

const RATE = 16_000;
const FRAME = 320;
const PROMPTS = [
  'What are your business hours',
  'I want to return my order',
  'Can I speak to a manager please',
  'My package has not arrived yet',
  'I would like to cancel my subscription',
  'How much does the premium plan cost',
];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function concat(stream: AsyncIterable<Int16Array>): Promise<Int16Array> {
  const chunks: Int16Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const out = new Int16Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

async function benchTts(tts: FliteProvider): Promise<void> {
  const latencies: number[] = [];
  for (let i = 0; i < 40; i++) {
    const started = performance.now();
    for await (const _chunk of tts.synthesize('What are your business hours?')) {
      latencies.push(performance.now() - started);
      break;
    }
  }
  const paragraph = PROMPTS.map((prompt) => `${prompt}.`).join(' ').repeat(3);
  const started = performance.now();
  const audio = await concat(tts.synthesize(paragraph));
  const rtf = (performance.now() - started) / 1000 / (audio.length / RATE);
  console.log(`TTS flite (slt): first audio for a short sentence p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`);
  console.log(`TTS flite (slt): real-time factor ${rtf.toFixed(3)} (${(audio.length / RATE).toFixed(1)} s of speech)`);
}

/** A listener that keeps finals and fails loudly on errors. */
class Finals implements SttSessionListener {
  readonly finals: SttFinal[] = [];
  interims = 0;
  onInterim(): void {
    this.interims++;
  }
  onFinal(final: SttFinal): void {
    this.finals.push(final);
  }
  onError(error: Error): void {
    throw error;
  }
}

async function feed(session: SttSession, pcm: Int16Array, paced: boolean): Promise<void> {
  const frame = new Int16Array(FRAME);
  const started = performance.now();
  for (let at = 0, n = 0; at < pcm.length; at += FRAME, n++) {
    frame.set(pcm.subarray(at, at + FRAME));
    session.write(at + FRAME <= pcm.length ? frame : frame.subarray(0, pcm.length - at));
    if (paced) await sleep(Math.max(0, started + (n + 1) * 20 - performance.now()));
    else if (n % 5 === 0) await sleep(0);
  }
}

async function runStream(stt: PocketsphinxProvider, speech: Int16Array[], paced: boolean): Promise<SttFinal[]> {
  const listener = new Finals();
  const session = stt.openSession(listener);
  for (const pcm of speech) {
    await feed(session, pcm, paced);
    await session.endUtterance();
  }
  await session.close();
  return listener.finals;
}

async function benchSttThroughput(stt: PocketsphinxProvider, speech: Int16Array[]): Promise<void> {
  const audioSeconds = speech.reduce((sum, pcm) => sum + pcm.length, 0) / RATE;
  for (const streams of [1, 2, 4]) {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    await Promise.all(Array.from({ length: streams }, () => runStream(stt, speech, false)));
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    console.log(
      `STT pocketsphinx, ${streams} concurrent stream(s) fed as fast as possible: real-time factor per stream ` +
        `${(seconds / audioSeconds).toFixed(3)}, longest event-loop stall ${ms(loop.max / 1e6)}`,
    );
  }
}

async function benchSttFinalization(stt: PocketsphinxProvider, speech: Int16Array[]): Promise<void> {
  const finals = await runStream(stt, speech, true);
  const latencies = finals.map((final) => final.finalizeMs);
  console.log(
    `STT pocketsphinx, live-paced audio: final ${ms(percentile(latencies, 50))} p50, ${ms(percentile(latencies, 95))} p95 ` +
      `after end of audio (${finals.length} utterances)`,
  );
}

async function benchSttMemory(speech: Int16Array[]): Promise<void> {
  const before = process.memoryUsage().rss;
  const stt = new PocketsphinxProvider({ maxSessions: 8, spareDecoders: 1 });
  await stt.load();
  const loaded = process.memoryUsage().rss;
  const sessions = Array.from({ length: 4 }, () => stt.openSession(new Finals()));
  for (const session of sessions) await feed(session, speech[0], false);
  await Promise.all(sessions.map((session) => session.endUtterance()));
  await sleep(2_000); // let the replacement spare finish loading
  const busy = process.memoryUsage().rss;
  console.log(
    `STT pocketsphinx memory: RSS +${mb(loaded - before)} after load (one spare decoder), ` +
      `+${mb((busy - loaded) / sessions.length)} per additional session`,
  );
  await Promise.all(sessions.map((session) => session.close()));
  await stt.close();
}

async function main(): Promise<void> {
  const tts = new FliteProvider();
  let started = performance.now();
  await tts.load();
  console.log(`TTS flite: load ${ms(performance.now() - started)} (voices ${tts.voices.join(', ')})`);
  await benchTts(tts);
  const speech = await Promise.all(PROMPTS.map((prompt) => concat(tts.synthesize(prompt))));
  await tts.close();

  await benchSttMemory(speech);
  const stt = new PocketsphinxProvider({ maxSessions: 4, spareDecoders: 1 });
  started = performance.now();
  await stt.load();
  console.log(`STT pocketsphinx: load ${ms(performance.now() - started)}`);
  await benchSttThroughput(stt, speech);
  await benchSttFinalization(stt, speech);
  await stt.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
