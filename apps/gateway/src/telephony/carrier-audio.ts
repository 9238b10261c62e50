import { bytesToSamples, mulawDecode, mulawEncode, Resampler, SAMPLE_RATE, samplesToBytes } from '@parley/audio';

/**
 * A carrier's sample rate ⇄ the call's 16 kHz PCM16, one object per stream (the resamplers keep
 * each direction's filter history, so consecutive frames join seamlessly). Output arrays are
 * reused: a result is valid until the next call in the same direction.
 */
export class CarrierAudio {
  private readonly up: Resampler | undefined;
  private readonly down: Resampler | undefined;
  private upOut: Int16Array = new Int16Array(0);
  private downOut: Int16Array = new Int16Array(0);

  constructor(readonly carrierRate: number) {
    if (carrierRate !== SAMPLE_RATE) {
      this.up = new Resampler(carrierRate, SAMPLE_RATE);
      this.down = new Resampler(SAMPLE_RATE, carrierRate);
    }
  }

  /** Carrier-rate samples → PCM16LE bytes at 16 kHz. */
  inbound(samples: Int16Array): Uint8Array {
    if (!this.up) return samplesToBytes(samples);
    this.upOut = ensure(this.upOut, this.up.maxOutputLength(samples.length));
    const written = this.up.processInto(samples, this.upOut);
    return samplesToBytes(this.upOut.subarray(0, written));
  }

  /** One 16 kHz PCM16LE frame → carrier-rate samples. */
  outbound(frame: Uint8Array): Int16Array {
    const samples = bytesToSamples(frame);
    if (!this.down) return samples;
    this.downOut = ensure(this.downOut, this.down.maxOutputLength(samples.length));
    return this.downOut.subarray(0, this.down.processInto(samples, this.downOut));
  }

  /** The agent's audio was cut: its filter history must not bleed into the next utterance. */
  resetOutbound(): void {
    this.down?.reset();
  }
}

/** Base64 mu-law (Twilio, Plivo, Telnyx, Exotel payloads) ⇄ int16 samples, with reused buffers. */
export class MulawBase64 {
  private bytes = Buffer.alloc(320);
  private samples: Int16Array = new Int16Array(320);
  private codes = new Uint8Array(320);

  /** Decodes a payload; the result is valid until the next decode. */
  decode(payload: string): Int16Array {
    const maxBytes = Math.ceil((payload.length * 3) / 4);
    if (this.bytes.length < maxBytes) this.bytes = Buffer.alloc(maxBytes);
    const count = this.bytes.write(payload, 'base64');
    this.samples = ensure(this.samples, count);
    mulawDecode(this.bytes.subarray(0, count), this.samples);
    return this.samples.subarray(0, count);
  }

  encode(samples: Int16Array): string {
    if (this.codes.length < samples.length) this.codes = new Uint8Array(samples.length);
    const count = mulawEncode(samples, this.codes);
    return Buffer.from(this.codes.buffer, this.codes.byteOffset, count).toString('base64');
  }
}

function ensure(array: Int16Array, length: number): Int16Array {
  return array.length >= length ? array : new Int16Array(Math.max(length, array.length * 2));
}
