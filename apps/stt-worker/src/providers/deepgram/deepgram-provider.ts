import { DeepgramClient } from '@deepgram/sdk';
import { SttError, type SttProvider, type SttSession, type SttSessionListener, type SttSessionOptions } from '../stt-provider';
import { DeepgramSession } from './deepgram-session';

export interface DeepgramProviderOptions {
  readonly apiKey: string;
  /** Deepgram's WebSocket base, `wss://api.deepgram.com` by default; a self-hosted or test server's otherwise. */
  readonly baseUrl?: string;
  readonly model: string;
  readonly language: string;
  /** Give up on a `Finalize` answer after this long (the gateway has its own, longer timeout). */
  readonly finalizeTimeoutMs: number;
}

/**
 * Deepgram live streaming through the official SDK: one WebSocket per call, linear16 at 16 kHz,
 * interim results on. Turns are the gateway's (its VAD), so Deepgram's own endpointing is off and an
 * utterance ends with `Finalize`; the words Deepgram settled since the last one make the final.
 */
export class DeepgramSttProvider implements SttProvider {
  readonly name = 'deepgram';
  private readonly client: DeepgramClient;
  private readonly sessions = new Set<DeepgramSession>();
  private closed = false;

  constructor(private readonly options: DeepgramProviderOptions) {
    this.client = new DeepgramClient({ apiKey: options.apiKey, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  }

  async load(): Promise<void> {
    if (!this.options.apiKey) throw new SttError('config', 'DEEPGRAM_API_KEY is not set');
  }

  openSession(listener: SttSessionListener, options: SttSessionOptions = {}): SttSession {
    if (this.closed) throw new SttError('closed', 'the deepgram provider is closed');
    const session = new DeepgramSession(
      () =>
        this.client.listen.v1.connect({
          model: this.options.model,
          language: this.options.language,
          encoding: 'linear16',
          sample_rate: 16_000,
          channels: 1,
          interim_results: 'true',
          endpointing: 'false',
          punctuate: 'true',
          Authorization: `Token ${this.options.apiKey}`,
          // A dropped stream is the gateway's to replace (it re-opens the session elsewhere).
          reconnectAttempts: 0,
        }),
      listener,
      { finalizeTimeoutMs: this.options.finalizeTimeoutMs, interimIntervalMs: options.interimIntervalMs ?? 0 },
      (closed) => this.sessions.delete(closed),
    );
    this.sessions.add(session);
    return session;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.sessions].map((session) => session.close()));
  }
}
