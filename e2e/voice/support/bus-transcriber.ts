import { randomBytes } from 'node:crypto';
import { Bus } from '@parley/bus';
import { rpcSubjects, type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import { sendSpeechFrames } from '@parley/testing';

/**
 * Reads audio back to text with the platform's own speech recogniser: an STT session opened on
 * the running stt-worker through the bus, exactly as the gateway opens one, fed at twice real
 * time. The e2e suite uses it to hear what the agent actually said, without linking any app code.
 */
export class BusTranscriber {
  private constructor(private readonly bus: Bus) {}

  static async connect(natsUrl: string, namespace: string): Promise<BusTranscriber> {
    return new BusTranscriber(await Bus.connect({ url: natsUrl, name: 'e2e-transcriber', namespace }));
  }

  /** Every final the worker gives for `samples`, joined in order. */
  async transcribe(samples: Int16Array, timeoutMs = 20_000): Promise<string> {
    const callId = `e2e_check_${randomBytes(4).toString('hex')}`;
    const turnId = 'e2e-check';
    const finals: string[] = [];
    let answered!: () => void;
    const done = new Promise<void>((resolve) => (answered = resolve));
    const subscription = this.bus.subscribe(voiceSubjects.transcript(callId), (message: TranscriptMessage) => {
      if (message.kind !== 'final') return;
      if (message.text.trim()) finals.push(message.text.trim());
      if (message.turnId === turnId) answered();
    });
    try {
      const request = { callId, sampleRate: 16000 as const, encoding: 'pcm16le' as const, language: 'en' };
      await this.bus.request(rpcSubjects.sttSessionOpen, request, { timeoutMs: 5_000 });
      await this.publish(callId, samples);
      this.bus.publish(voiceSubjects.control(callId), { type: 'flush', turnId });
      await withTimeout(done, timeoutMs, `no final transcript within ${timeoutMs} ms`);
      return finals.join(' ');
    } finally {
      subscription.unsubscribe();
      await this.bus.request(rpcSubjects.sttSessionClose, { callId }, { timeoutMs: 5_000 }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.bus.drain();
  }

  private publish(callId: string, samples: Int16Array): Promise<void> {
    const subject = voiceSubjects.audioIn(callId);
    return sendSpeechFrames(samples, (frame, seq) => this.bus.publishAudio(subject, frame, { seq }));
  }
}

function withTimeout(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
