import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type AudioFrameHeaders, voiceSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { testInfra } from '@parley/testing';
import { loadConfig } from '../../src/config';
import { TtsWorkerModule } from '../../src/tts-worker.module';

export interface RunningWorker {
  readonly app: INestApplication;
  readonly base: string;
}

/** A tts-worker app on a free port, its bus confined to `namespace`. */
export async function startWorker(namespace: string, env: Record<string, string> = {}): Promise<RunningWorker> {
  const { natsUrl } = await testInfra();
  const config = loadConfig({ ...process.env, NATS_URL: natsUrl, PORT: '0', ...env });
  const logger = createLogger({ service: 'tts-worker', level: 'warn' });
  const module = TtsWorkerModule.forRoot(config, logger, { busNamespace: namespace });
  const app = await createServiceApp({ name: 'tts-worker', module, logger });
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

/** The gateway's side of the bus. */
export async function connectClient(namespace: string): Promise<Bus> {
  const { natsUrl } = await testInfra();
  return Bus.connect({ url: natsUrl, name: 'tts-spec', namespace, logger: createLogger({ service: 'tts-spec', level: 'warn' }) });
}

export interface ReceivedFrame extends AudioFrameHeaders {
  readonly bytes: number;
  readonly at: number;
}

/** Every frame published on one call's `audio-out`, headers copied (the bus reuses its header object). */
export class AudioOutLog {
  readonly frames: ReceivedFrame[] = [];

  constructor(bus: Bus, callId: string) {
    bus.subscribeAudio(voiceSubjects.audioOut(callId), (frame, headers) => {
      this.frames.push({ ...headers, bytes: frame.byteLength, at: performance.now() });
    });
  }

  of(turnId: string, sentenceIndex: number): ReceivedFrame[] {
    return this.frames.filter((frame) => frame.turnId === turnId && frame.sentenceIndex === sentenceIndex);
  }

  /** Resolves once `match` holds, polling every 10 ms, or rejects after `timeoutMs`. */
  async until(match: (frames: ReceivedFrame[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!match(this.frames)) {
      if (performance.now() > deadline) throw new Error(`audio-out condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
