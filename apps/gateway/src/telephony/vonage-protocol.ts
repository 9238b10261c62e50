import { bytesToSamples, SAMPLE_RATE } from '@parley/audio';
import type { VoiceServerMessage } from '@parley/contracts';
import { z } from 'zod';
import { CarrierAudio } from './carrier-audio';
import { IGNORED, invalid, keypadDigit } from './carrier-json';
import type { CarrierInbound, CarrierProtocol, CarrierStream } from './carrier-protocol';

/** `audio/l16;rate=16000` or `;rate=8000`: the rate the NCCO's websocket endpoint asked for. */
const CONTENT_TYPE = /^audio\/l16;\s*rate=(8000|16000)$/i;

const connectedSchema = z.looseObject({ event: z.literal('websocket:connected'), 'content-type': z.string() });
const dtmfSchema = z.object({ event: z.literal('websocket:dtmf'), digit: z.string() });

/**
 * One Vonage Voice API WebSocket. The first text message is JSON naming the audio format
 * (`content-type`) with the NCCO's `headers` beside it; then binary frames of 20 ms of L16
 * (16-bit little-endian PCM) both ways; DTMF arrives as the text event `websocket:dtmf`.
 * Vonage has no marks; the agent's audio is paced in real time, so a cut leaves at most a
 * frame or two queued at Vonage and nothing is sent to clear it.
 */
export class VonageStream implements CarrierStream {
  private audio: CarrierAudio | undefined;

  get carrierRate(): number {
    return this.audio?.carrierRate ?? SAMPLE_RATE;
  }

  decode(data: Buffer, isBinary: boolean): CarrierInbound {
    if (isBinary) return this.onAudio(data);
    let json: unknown;
    try {
      json = JSON.parse(data.toString('utf8'));
    } catch {
      return invalid('not JSON');
    }
    const dtmf = dtmfSchema.safeParse(json);
    if (dtmf.success) return keypadDigit(dtmf.data.digit);
    const connected = connectedSchema.safeParse(json);
    if (connected.success) return this.onConnected(connected.data);
    return IGNORED; // other websocket:* notices
  }

  encodeAudio(frame: Uint8Array): Uint8Array {
    const samples = this.audio ? this.audio.outbound(frame) : bytesToSamples(frame);
    return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  }

  encodeMessage(_message: VoiceServerMessage): undefined {
    return undefined;
  }

  encodeClear(): undefined {
    this.audio?.resetOutbound();
    return undefined;
  }

  private onConnected(message: z.infer<typeof connectedSchema>): CarrierInbound {
    const rate = CONTENT_TYPE.exec(message['content-type'])?.[1];
    if (!rate) return invalid('content-type must be audio/l16;rate=16000 or 8000');
    this.audio = new CarrierAudio(Number(rate));
    const parameters: Record<string, string> = {};
    for (const [name, value] of Object.entries(message)) {
      if (typeof value === 'string' && name !== 'event' && name !== 'content-type') parameters[name] = value;
    }
    const start = { carrierCallId: parameters.uuid, from: parameters.from, to: parameters.to, parameters };
    return { kind: 'start', start };
  }

  private onAudio(data: Buffer): CarrierInbound {
    if (!this.audio) return invalid('audio before the websocket:connected message');
    if (data.byteLength % 2 !== 0) return invalid('L16 frames hold whole 16-bit samples');
    return { kind: 'audio', pcm: this.audio.inbound(bytesToSamples(data)) };
  }
}

export const vonageProtocol: CarrierProtocol = {
  name: 'vonage',
  openStream: () => new VonageStream(),
};
