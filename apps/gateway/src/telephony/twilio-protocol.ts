import type { VoiceServerMessage } from '@parley/contracts';
import { CarrierAudio, MulawBase64 } from './carrier-audio';
import { callerAudio, IGNORED, invalid, keypadDigit, readJsonEvent, STOP } from './carrier-json';
import type { CarrierInbound, CarrierProtocol, CarrierStart, CarrierStream } from './carrier-protocol';
import { type TwilioStart, twilioInboundSchema } from './twilio-messages';

/** Bidirectional `<Connect><Stream>` audio: mu-law, 8 kHz, mono, base64 in JSON. */
const TWILIO_RATE = 8000;
const TWILIO_ENCODING = 'audio/x-mulaw';

/**
 * One Twilio Media Stream. In: `connected`, `start`, `media`, `dtmf`, `mark`, `stop`. Out:
 * `media` (the agent, 20 ms per message), a `mark` at the end of each agent utterance (Twilio
 * echoes it once that audio has played), `clear` on barge-in (Twilio drops the audio it holds).
 */
export class TwilioStream implements CarrierStream {
  private streamSid = '';
  private marks = 0;
  private readonly audio = new CarrierAudio(TWILIO_RATE);
  private readonly mulaw = new MulawBase64();

  get carrierRate(): number {
    return this.audio.carrierRate;
  }

  decode(data: Buffer, isBinary: boolean): CarrierInbound {
    const read = readJsonEvent(data, isBinary, 'Twilio', twilioInboundSchema);
    if (!read.ok) return read.inbound;
    const { message } = read;
    switch (message.event) {
      case 'start':
        return this.onStart(message);
      case 'media':
        return callerAudio(message.media, this.mulaw, this.audio);
      case 'dtmf':
        return keypadDigit(message.dtmf.digit);
      case 'stop':
        return STOP;
      default:
        return IGNORED; // `connected`; a `mark` echo: that utterance has been played
    }
  }

  encodeAudio(frame: Uint8Array): string {
    const payload = this.mulaw.encode(this.audio.outbound(frame));
    return JSON.stringify({ event: 'media', streamSid: this.streamSid, media: { payload } });
  }

  encodeMessage(message: VoiceServerMessage): string | undefined {
    if (message.type !== 'audio_end') return undefined;
    const name = `utterance-${++this.marks}`;
    return JSON.stringify({ event: 'mark', streamSid: this.streamSid, mark: { name } });
  }

  encodeClear(): string {
    this.audio.resetOutbound();
    return JSON.stringify({ event: 'clear', streamSid: this.streamSid });
  }

  private onStart(message: TwilioStart): CarrierInbound {
    const format = message.start.mediaFormat;
    if (format && (format.encoding !== TWILIO_ENCODING || format.sampleRate !== TWILIO_RATE)) {
      return invalid('only audio/x-mulaw at 8000 Hz is supported');
    }
    this.streamSid = message.start.streamSid ?? message.streamSid;
    const parameters = message.start.customParameters ?? {};
    const start: CarrierStart = {
      streamId: this.streamSid,
      carrierCallId: message.start.callSid,
      from: parameters.from,
      to: parameters.to,
      parameters,
    };
    return { kind: 'start', start };
  }
}

export const twilioProtocol: CarrierProtocol = {
  name: 'twilio',
  openStream: () => new TwilioStream(),
};
