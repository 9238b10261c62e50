import type { AddressInfo } from 'node:net';
import { setTimeout as sleep, setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { INestApplication } from '@nestjs/common';
import { FRAME_SAMPLES, samplesToBytes } from '@parley/audio';
import { Bus } from '@parley/bus';
import { type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { testInfra } from '@parley/testing';
import { loadConfig } from '../../src/config';
import { SttWorkerModule } from '../../src/stt-worker.module';

export interface RunningWorker {
  readonly app: INestApplication;
  readonly base: string;
}

/** An stt-worker app on a free port, its bus confined to `namespace`. */
export async function startWorker(namespace: string, env: Record<string, string> = {}): Promise<RunningWorker> {
  const { natsUrl } = await testInfra();
  const config = loadConfig({ ...process.env, NATS_URL: natsUrl, PORT: '0', ...env });
  const logger = createLogger({ service: 'stt-worker', level: 'warn' });
  const module = SttWorkerModule.forRoot(config, logger, { busNamespace: namespace });
  const app = await createServiceApp({ name: 'stt-worker', module, logger });
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

/** The gateway's side of the bus. */
export async function connectClient(namespace: string): Promise<Bus> {
  const { natsUrl } = await testInfra();
  return Bus.connect({ url: natsUrl, name: 'stt-spec', namespace, logger: createLogger({ service: 'stt-spec', level: 'warn' }) });
}

/** Everything published on one call's transcript subject, in arrival order. */
export class TranscriptLog {
  readonly messages: TranscriptMessage[] = [];
  private waiters: Array<() => void> = [];

  constructor(bus: Bus, callId: string) {
    bus.subscribe(voiceSubjects.transcript(callId), (message) => {
      this.messages.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get finals(): TranscriptMessage[] {
    return this.messages.filter((message) => message.kind === 'final');
  }

  /** Resolves with the first message matching `match`, waiting up to `timeoutMs` for it. */
  async waitFor(match: (message: TranscriptMessage) => boolean, timeoutMs = 10_000): Promise<TranscriptMessage> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no matching transcript within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/**
 * Publishes `pcm` as 20 ms frames with sequence numbers, as the gateway does: faster than real time
 * by default, or paced at real time (`realTime`) where the engine's lag must not count.
 */
export async function streamSpeech(
  bus: Bus,
  callId: string,
  pcm: Int16Array,
  firstSeq = 0,
  realTime = false,
): Promise<number> {
  const startedAt = performance.now();
  let seq = firstSeq;
  for (let offset = 0; offset < pcm.length; offset += FRAME_SAMPLES) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(pcm.subarray(offset, offset + FRAME_SAMPLES));
    bus.publishAudio(voiceSubjects.audioIn(callId), samplesToBytes(frame), { seq: seq++ });
    const due = startedAt + ((offset + FRAME_SAMPLES) / 16) - performance.now();
    if (realTime && due > 0) await sleep(due);
    else if (seq % 10 === 0) await yieldToEventLoop();
  }
  return seq;
}

export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
