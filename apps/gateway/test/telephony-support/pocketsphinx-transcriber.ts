import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Resampler } from '@parley/audio';
import { Bus } from '@parley/bus';
import { rpcSubjects, type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import { sendSpeechFrames, testInfra, uniqueNamespace } from '@parley/testing';

const ROOT = join(__dirname, '../../../..');
const START_TIMEOUT_MS = 60_000;

export interface TranscribeOptions {
  /** The audio's rate before it became 16 kHz (8000: telephone audio). */
  readonly sourceRate?: number;
  readonly timeoutMs?: number;
}

/** What the gateway says of a phone call's audio. */
export const TELEPHONE: TranscribeOptions = { sourceRate: 8_000 };

/**
 * Reads audio back to text with pocketsphinx: a real stt-worker process on a namespace of its
 * own (so it never answers the call's fake STT requests), fed through the bus as the gateway
 * feeds it. What a caller heard can then be checked against what the agent meant to say.
 */
export class PocketsphinxTranscriber {
  private constructor(
    private readonly bus: Bus,
    private readonly worker: ChildProcess,
  ) {}

  static async start(): Promise<PocketsphinxTranscriber> {
    const { natsUrl } = await testInfra();
    const namespace = uniqueNamespace('gw_asr');
    const worker = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/stt-worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, NATS_URL: natsUrl, BUS_NAMESPACE: namespace, PORT: '0', LOG_LEVEL: 'warn', STT_PROVIDER: 'pocketsphinx' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const bus = await Bus.connect({ url: natsUrl, name: 'gateway-spec-asr', namespace });
    const transcriber = new PocketsphinxTranscriber(bus, worker);
    await transcriber.waitReady();
    return transcriber;
  }

  /**
   * Every final for telephone-band speech (8 kHz samples), joined: resampled to 16 kHz as the
   * gateway does, and read as the stt-worker reads a phone call (told it was 8 kHz, it folds the
   * band up for pocketsphinx's wideband model). The test's voices suit that: flite's `rms`
   * survives the phone band, `slt` less.
   */
  transcribeTelephone(samples8k: Int16Array): Promise<string> {
    return this.transcribe(new Resampler(8_000, 16_000).process(samples8k), TELEPHONE);
  }

  /** Every final for 16 kHz `audio`, joined; `sourceRate` as the gateway would say it. */
  async transcribe(audio: Int16Array, { sourceRate, timeoutMs = 30_000 }: TranscribeOptions = {}): Promise<string> {
    const callId = `asr_${randomBytes(4).toString('hex')}`;
    const finals: string[] = [];
    let answered!: () => void;
    const done = new Promise<void>((resolve) => (answered = resolve));
    const subscription = this.bus.subscribe(voiceSubjects.transcript(callId), (message: TranscriptMessage) => {
      if (message.kind !== 'final') return;
      if (message.text.trim()) finals.push(message.text.trim());
      if (message.turnId === 'check') answered();
    });
    try {
      await this.open(callId, sourceRate);
      await this.publish(callId, audio);
      this.bus.publish(voiceSubjects.control(callId), { type: 'flush', turnId: 'check' });
      await Promise.race([done, sleep(timeoutMs).then(() => Promise.reject(new Error('no final transcript')))]);
      return finals.join(' ');
    } finally {
      subscription.unsubscribe();
      await this.bus.request(rpcSubjects.sttSessionClose, { callId }, { timeoutMs: 5_000 }).catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (this.worker.exitCode === null) this.worker.kill('SIGKILL');
    await this.bus.drain();
  }

  private open(callId: string, sourceRate?: number): Promise<unknown> {
    const request = { callId, sampleRate: 16000 as const, sourceRate, encoding: 'pcm16le' as const, language: 'en' };
    return this.bus.request(rpcSubjects.sttSessionOpen, request, { timeoutMs: 10_000 });
  }

  /** Ready once a session opens: the worker has connected and loaded its decoder. */
  private async waitReady(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (this.worker.exitCode !== null) throw new Error(`stt-worker exited with ${this.worker.exitCode}`);
      const callId = `asr_ready_${randomBytes(4).toString('hex')}`;
      try {
        await this.open(callId);
        await this.bus.request(rpcSubjects.sttSessionClose, { callId }, { timeoutMs: 5_000 });
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await sleep(500);
      }
    }
  }

  private publish(callId: string, samples: Int16Array): Promise<void> {
    const subject = voiceSubjects.audioIn(callId);
    return sendSpeechFrames(samples, (frame, seq) => this.bus.publishAudio(subject, frame, { seq }));
  }
}

/** Share of the expected words (letters only, lower case) that were heard. */
export function wordRecall(expected: string, heard: string): number {
  const words = (text: string) => text.toLowerCase().match(/[a-z']+/g) ?? [];
  const heardWords = new Set(words(heard));
  const wanted = words(expected);
  return wanted.filter((word) => heardWords.has(word)).length / wanted.length;
}
