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
  mediaEvent,
  readJsonEvent,
  STOP,
  stopEvent,
} from './carrier-json';
import type { CarrierInbound, CarrierProtocol, CarrierStart, CarrierStream } from './carrier-protocol';

/** The `<Stream contentType>` choices: L16 at 8 or 16 kHz (Plivo's default is L16 8 kHz), or mu-law 8 kHz. */
interface PlivoFormat {
  readonly contentType: 'audio/x-l16' | 'audio/x-mulaw';
  readonly sampleRate: number;
}

const DEFAULT_FORMAT: PlivoFormat = { contentType: 'audio/x-l16', sampleRate: 8000 };

const start = z.object({
  event: z.literal('start'),
  start: z.object({
    callId: z.string().optional(),
    streamId: z.string().min(1),
    mediaFormat: z.object({ encoding: z.string(), sampleRate: z.coerce.number() }).optional(),
  }),
  extra_headers: z.string().optional(),
});

const plivoInboundSchema = z.discriminatedUnion('event', [
  start,
  mediaEvent,
  dtmfEvent,
  z.object({ event: z.literal('playedStream') }),
  z.object({ event: z.literal('clearedAudio') }),
  // Not in Plivo's list (it closes the socket), read anyway so a stream that says it ended does.
  stopEvent,
]);

type PlivoStart = z.infer<typeof start>;

/**
 * One Plivo Audio Stream (`<Stream bidirectional="true" keepCallAlive="true">`). In: `start`
 * (callId, streamId, mediaFormat, extra_headers), `media` (base64 audio in the stream's
 * contentType), `dtmf`, `playedStream` (a checkpoint played), `clearedAudio`; the call ends by
 * closing the socket. Out: `playAudio` (one per 20 ms agent frame, in the same format), a
 * `checkpoint` at the end of each agent utterance, `clearAudio` on barge-in.
 */
export class PlivoStream implements CarrierStream {
  private streamId = '';
  private checkpoints = 0;
  private format = DEFAULT_FORMAT;
  private audio = new CarrierAudio(DEFAULT_FORMAT.sampleRate);
  private codec: Base64Codec = new L16Base64();

  get carrierRate(): number {
    return this.audio.carrierRate;
  }

  decode(data: Buffer, isBinary: boolean): CarrierInbound {
    const read = readJsonEvent(data, isBinary, 'Plivo', plivoInboundSchema);
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
        return IGNORED; // playedStream, clearedAudio: acknowledgements
    }
  }

  encodeAudio(frame: Uint8Array): string {
    const payload = this.codec.encode(this.audio.outbound(frame));
    return JSON.stringify({ event: 'playAudio', media: { ...this.format, payload } });
  }

  encodeMessage(message: VoiceServerMessage): string | undefined {
    if (message.type !== 'audio_end') return undefined;
    return JSON.stringify({ event: 'checkpoint', streamId: this.streamId, name: `utterance-${++this.checkpoints}` });
  }

  encodeClear(): string {
    this.audio.resetOutbound();
    return JSON.stringify({ event: 'clearAudio', streamId: this.streamId });
  }

  private onStart(message: PlivoStart): CarrierInbound {
    const format = formatOf(message.start.mediaFormat);
    if (!format) return invalid('only audio/x-l16 at 8000 or 16000 Hz and audio/x-mulaw at 8000 Hz are supported');
    this.format = format;
    this.audio = new CarrierAudio(format.sampleRate);
    this.codec = format.contentType === 'audio/x-mulaw' ? new MulawBase64() : new L16Base64();
    this.streamId = message.start.streamId;
    const parameters = extraHeaders(message.extra_headers);
    const start: CarrierStart = {
      streamId: this.streamId,
      carrierCallId: message.start.callId,
      from: parameters.from,
      to: parameters.to,
      parameters,
    };
    return { kind: 'start', start };
  }
}

function formatOf(mediaFormat: { encoding: string; sampleRate: number } | undefined): PlivoFormat | undefined {
  if (!mediaFormat) return DEFAULT_FORMAT;
  const encoding = mediaFormat.encoding.toLowerCase().split(';')[0].trim();
  if (encoding === 'audio/x-mulaw' && mediaFormat.sampleRate === 8000) return { contentType: 'audio/x-mulaw', sampleRate: 8000 };
  if (encoding === 'audio/x-l16' && [8000, 16000].includes(mediaFormat.sampleRate)) {
    return { contentType: 'audio/x-l16', sampleRate: mediaFormat.sampleRate };
  }
  return undefined;
}

/** `extraHeaders="a=1,b=2"` arrives as one string; Plivo's examples separate pairs with `,` or `;`. */
export function extraHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? '').split(/[;,]/)) {
    const at = pair.indexOf('=');
    if (at > 0) headers[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return headers;
}

export const plivoProtocol: CarrierProtocol = {
  name: 'plivo',
  openStream: () => new PlivoStream(),
};
