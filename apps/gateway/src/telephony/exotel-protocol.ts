import type { VoiceServerMessage } from '@parley/contracts';
import { z } from 'zod';
import { type Base64Codec, L16Base64, MulawBase64 } from './base64-codecs';
import { CarrierAudio } from './carrier-audio';
import {
  callerAudio,
  dtmfEvent,
  IGNORED,
  invalid,
  keypadDigit,
  readJsonEvent,
  STOP,
  stopEvent,
} from './carrier-json';
import type { CarrierInbound, CarrierProtocol, CarrierStart, CarrierStream } from './carrier-protocol';

/** The Voicebot applet's rates (`?sample-rate=` on the stream URL); 8000 unless asked otherwise. */
const EXOTEL_RATES = [8000, 16000, 24000];
const DEFAULT_RATE = 8000;

/** Exotel writes numbers as strings (`"sample_rate": "8000"`); both spellings are read. */
const numeric = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const start = z.object({
  event: z.literal('start'),
  stream_sid: z.string().min(1).optional(),
  start: z.object({
    stream_sid: z.string().min(1).optional(),
    call_sid: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    custom_parameters: z.record(z.string(), z.coerce.string()).optional(),
    media_format: z.object({ encoding: z.string().optional(), sample_rate: numeric.optional() }).optional(),
  }),
});

const exotelInboundSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('connected') }),
  start,
  z.object({ event: z.literal('media'), media: z.object({ payload: z.string() }) }),
  dtmfEvent,
  z.object({ event: z.literal('mark') }),
  stopEvent,
]);

type ExotelStart = z.infer<typeof start>;

/**
 * One Exotel Voicebot (bidirectional) stream, the JSON framing reference 001 points carriers at.
 * In: `connected`, `start` (stream_sid, call_sid, from/to, custom_parameters, media_format),
 * `media` (base64 raw 16-bit little-endian PCM, mono, 8 kHz unless the URL asked for 16/24 kHz),
 * `dtmf`, `mark` (audio we sent has played), `stop`; a start naming `audio/x-mulaw` switches both
 * directions to base64 G.711 mu-law. Out: `media` (one message per 20 ms agent
 * frame), a `mark` at the end of each agent utterance, `clear` on barge-in.
 */
export class ExotelStream implements CarrierStream {
  private streamSid = '';
  private marks = 0;
  private audio = new CarrierAudio(DEFAULT_RATE);
  private codec: Base64Codec = new L16Base64();

  get carrierRate(): number {
    return this.audio.carrierRate;
  }

  decode(data: Buffer, isBinary: boolean): CarrierInbound {
    const read = readJsonEvent(data, isBinary, 'Exotel', exotelInboundSchema);
    if (!read.ok) return read.inbound;
    const { message } = read;
    switch (message.event) {
      case 'start':
        return this.onStart(message);
      case 'media':
        return callerAudio(message.media, this.codec, this.audio);
      case 'dtmf':
        return keypadDigit(message.dtmf.digit);
      case 'stop':
        return STOP;
      default:
        return IGNORED; // `connected`; a `mark` echo: that utterance has played
    }
  }

  encodeAudio(frame: Uint8Array): string {
    const payload = this.codec.encode(this.audio.outbound(frame));
    return JSON.stringify({ event: 'media', stream_sid: this.streamSid, media: { payload } });
  }

  encodeMessage(message: VoiceServerMessage): string | undefined {
    if (message.type !== 'audio_end') return undefined;
    return JSON.stringify({ event: 'mark', stream_sid: this.streamSid, mark: { name: `utterance-${++this.marks}` } });
  }

  encodeClear(): string {
    this.audio.resetOutbound();
    return JSON.stringify({ event: 'clear', stream_sid: this.streamSid });
  }

  private onStart(message: ExotelStart): CarrierInbound {
    const rate = message.start.media_format?.sample_rate ?? DEFAULT_RATE;
    if (!EXOTEL_RATES.includes(rate)) return invalid(`unsupported sample rate ${rate}`);
    if (rate !== this.audio.carrierRate) this.audio = new CarrierAudio(rate);
    // Exotel's newer applet settings can stream G.711 mu-law instead; the start message says which.
    if (/mulaw/i.test(message.start.media_format?.encoding ?? '')) this.codec = new MulawBase64();
    this.streamSid = message.start.stream_sid ?? message.stream_sid ?? '';
    const start: CarrierStart = {
      streamId: this.streamSid,
      carrierCallId: message.start.call_sid,
      from: message.start.from,
      to: message.start.to,
      parameters: message.start.custom_parameters ?? {},
    };
    return { kind: 'start', start };
  }
}

export const exotelProtocol: CarrierProtocol = {
  name: 'exotel',
  openStream: () => new ExotelStream(),
};
