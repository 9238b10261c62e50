import { performance } from 'node:perf_hooks';
import { mulawDecode, mulawEncode, Resampler } from '@parley/audio';
import type WebSocket from 'ws';
import { openVoiceSocket } from '../call-client/open-voice-socket';
import { RealtimePacer } from '../call-client/realtime-pacer';
import { twilioSid } from './twilio-ids';

/** Twilio's media: mu-law, 8 kHz, mono; 20 ms (160 bytes) per `media` message. */
const RATE = 8000;
const FRAME_SAMPLES = 160;
const FRAME_MS = 20;

/** A message the server sent, with when it arrived (performance.now() scale). */
export interface TwilioServerEvent {
  readonly at: number;
  readonly message: { readonly event: string; readonly [field: string]: unknown };
}

export interface MediaStreamClientOptions {
  /** `<Parameter>` children of the `<Stream>`: Twilio's `start.customParameters`. */
  readonly parameters?: Record<string, string>;
  readonly callSid?: string;
  readonly timeoutMs?: number;
}

/**
 * Plays Twilio's side of a bidirectional Media Stream (`<Connect><Stream>`) against a server, as
 * twilio.com/docs/voice/media-streams/websocket-messages describes it: `connected` and `start`
 * on open, caller audio as base64 mu-law 8 kHz `media` in 20 ms real-time frames, `dtmf`, `stop`.
 * It keeps what the server sends: `media` decoded to 8 kHz samples (what the caller heard), and
 * every message (`mark`, `clear`...). Like Twilio, it echoes each `mark` back once the audio
 * before it has been "played" (at once: this client plays nothing aloud).
 */
export class TwilioMediaStreamClient {
  readonly streamSid = twilioSid('MZ');
  readonly accountSid = twilioSid('AC');
  readonly callSid: string;
  readonly events: TwilioServerEvent[] = [];
  /** The agent's audio as received, 8 kHz samples, with each media message's arrival time. */
  readonly agentMedia: Array<{ readonly at: number; readonly samples: Int16Array }> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly pacer = new RealtimePacer(FRAME_MS);
  private readonly down = new Resampler(16000, RATE);
  private sequence = 0;
  private chunk = 0;

  private constructor(
    private readonly socket: WebSocket,
    options: MediaStreamClientOptions,
  ) {
    this.callSid = options.callSid ?? twilioSid('CA');
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.onMessage(String(data));
    });
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.send(this.startMessage(options.parameters ?? {}));
  }

  /** Opens the stream and sends `connected` and `start`; rejects with VoiceUpgradeRefusedError on a refusal. */
  static connect(url: string, options: MediaStreamClientOptions = {}): Promise<TwilioMediaStreamClient> {
    return openVoiceSocket(url, options.timeoutMs ?? 5_000, (socket) => new TwilioMediaStreamClient(socket, options));
  }

  /** Sends 16 kHz caller audio (e.g. `speechFromText`) as Twilio would: 8 kHz mu-law, one 20 ms frame per 20 ms. */
  async sendSpeech(samples16k: Int16Array): Promise<void> {
    const samples = Int16Array.from(this.down.process(samples16k));
    this.pacer.beginStream();
    for (let at = 0; at < samples.length; at += FRAME_SAMPLES) {
      await this.pacer.nextSlot();
      this.sendMedia(samples.subarray(at, at + FRAME_SAMPLES));
    }
  }

  /** `ms` of line silence, in real time. */
  sendSilence(ms: number): Promise<void> {
    return this.sendSpeech(new Int16Array((16000 * ms) / 1000));
  }

  sendDtmf(digit: string): void {
    this.send({ event: 'dtmf', streamSid: this.streamSid, sequenceNumber: this.nextSequence(), dtmf: { track: 'inbound_track', digit } });
  }

  /** The caller hangs up: `stop`, then Twilio closes the socket. */
  hangUp(): void {
    this.send({ event: 'stop', sequenceNumber: this.nextSequence(), streamSid: this.streamSid, stop: { accountSid: this.accountSid, callSid: this.callSid } });
    this.socket.close(1000);
  }

  /** Messages of one event type the server sent. */
  messagesOf(event: string): TwilioServerEvent[] {
    return this.events.filter((e) => e.message.event === event);
  }

  now(): number {
    return performance.now();
  }

  /** The agent audio received at or after `since`, joined (8 kHz). */
  agentAudioSince(since: number): Int16Array {
    const parts = this.agentMedia.filter((media) => media.at >= since);
    const out = new Int16Array(parts.reduce((sum, part) => sum + part.samples.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part.samples, offset);
      offset += part.samples.length;
    }
    return out;
  }

  private sendMedia(samples: Int16Array): void {
    const codes = new Uint8Array(samples.length);
    mulawEncode(samples, codes);
    const timestamp = String(this.chunk * FRAME_MS);
    const media = { track: 'inbound', chunk: String(++this.chunk), timestamp, payload: Buffer.from(codes).toString('base64') };
    this.send({ event: 'media', sequenceNumber: this.nextSequence(), media, streamSid: this.streamSid });
  }

  private onMessage(text: string): void {
    const at = performance.now();
    let message: TwilioServerEvent['message'];
    try {
      message = JSON.parse(text) as TwilioServerEvent['message'];
    } catch {
      message = { event: 'not-json', text };
    }
    this.events.push({ at, message });
    if (message.event === 'media') this.onMedia(at, message);
    if (message.event === 'mark') this.send({ event: 'mark', sequenceNumber: this.nextSequence(), streamSid: this.streamSid, mark: message.mark });
  }

  private onMedia(at: number, message: TwilioServerEvent['message']): void {
    const payload = (message.media as { payload?: unknown } | undefined)?.payload;
    if (typeof payload !== 'string') return;
    const codes = Buffer.from(payload, 'base64');
    const samples = new Int16Array(codes.length);
    mulawDecode(codes, samples);
    this.agentMedia.push({ at, samples });
  }

  private startMessage(parameters: Record<string, string>) {
    return {
      event: 'start',
      sequenceNumber: this.nextSequence(),
      streamSid: this.streamSid,
      start: {
        accountSid: this.accountSid,
        streamSid: this.streamSid,
        callSid: this.callSid,
        tracks: ['inbound'],
        customParameters: parameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: RATE, channels: 1 },
      },
    };
  }

  private nextSequence(): string {
    return String(++this.sequence);
  }

  private send(message: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
