import type { VoiceServerMessage } from '@parley/contracts';
import { z } from 'zod';
import { AlawBase64, type Base64Codec, MulawBase64 } from './base64-codecs';
import { CarrierAudio } from './carrier-audio';
import {
  callerAudio,
  dtmfEvent,
  IGNORED,
  invalid,
  keypadDigit,
  mediaEvent,
  readJsonEvent,
  STOP,
  stopEvent,
} from './carrier-json';
import type { CarrierInbound, CarrierProtocol, CarrierStart, CarrierStream } from './carrier-protocol';

/** RTP payloads Telnyx streams by default (`PCMU`) or when the call asked for A-law (`PCMA`), both 8 kHz. */
const TELNYX_RATE = 8000;
const CODECS: Record<string, () => Base64Codec> = { PCMU: () => new MulawBase64(), PCMA: () => new AlawBase64() };

const start = z.object({
  event: z.literal('start'),
  stream_id: z.string().min(1).optional(),
  start: z.object({
    call_control_id: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    client_state: z.string().optional(),
    media_format: z.object({ encoding: z.string(), sample_rate: z.coerce.number() }).optional(),
  }),
});

const telnyxInboundSchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('connected') }),
  start,
  mediaEvent,
  dtmfEvent,
  z.object({ event: z.literal('mark') }),
  z.object({ event: z.literal('error') }),
  stopEvent,
]);

type TelnyxStart = z.infer<typeof start>;

/**
 * One Telnyx media stream (Call Control `stream_url` with `stream_bidirectional_mode: rtp`). In:
 * `connected`, `start` (call_control_id, from/to, media_format), `media` (base64 RTP payload,
 * PCMU or PCMA at 8 kHz), `dtmf`, `mark`, `error`, `stop`. Out: `media` (one per 20 ms agent
 * frame, in the stream's codec), a `mark` at the end of each agent utterance, `clear` on barge-in.
 */
export class TelnyxStream implements CarrierStream {
  private marks = 0;
  private readonly audio = new CarrierAudio(TELNYX_RATE);
  private codec: Base64Codec = new MulawBase64();

  get carrierRate(): number {
    return this.audio.carrierRate;
  }

  decode(data: Buffer, isBinary: boolean): CarrierInbound {
    const read = readJsonEvent(data, isBinary, 'Telnyx', telnyxInboundSchema);
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
      case 'error':
        return invalid('Telnyx reported a stream error');
      default:
        return IGNORED; // `connected`; a `mark` echo: that utterance has played
    }
  }

  encodeAudio(frame: Uint8Array): string {
    const payload = this.codec.encode(this.audio.outbound(frame));
    return JSON.stringify({ event: 'media', media: { payload } });
  }

  encodeMessage(message: VoiceServerMessage): string | undefined {
    if (message.type !== 'audio_end') return undefined;
    return JSON.stringify({ event: 'mark', mark: { name: `utterance-${++this.marks}` } });
  }

  encodeClear(): string {
    this.audio.resetOutbound();
    return JSON.stringify({ event: 'clear' });
  }

  private onStart(message: TelnyxStart): CarrierInbound {
    const format = message.start.media_format;
    const codec = CODECS[(format?.encoding ?? 'PCMU').toUpperCase()];
    if (!codec || (format && format.sample_rate !== TELNYX_RATE)) return invalid('only PCMU or PCMA at 8000 Hz is supported');
    this.codec = codec();
    const parameters: Record<string, string> = message.start.client_state ? { client_state: message.start.client_state } : {};
    const start: CarrierStart = {
      streamId: message.stream_id,
      carrierCallId: message.start.call_control_id,
      from: message.start.from,
      to: message.start.to,
      parameters,
    };
    return { kind: 'start', start };
  }
}

export const telnyxProtocol: CarrierProtocol = {
  name: 'telnyx',
  openStream: () => new TelnyxStream(),
};
