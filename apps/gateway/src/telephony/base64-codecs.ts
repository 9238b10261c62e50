import { alawDecode, alawEncode, decodePcm16 } from '@parley/audio';
import { MulawBase64 } from './carrier-audio';

/** A carrier's base64 audio payload ⇄ int16 samples; results are reused buffers (valid until the next call). */
export interface Base64Codec {
  decode(payload: string): Int16Array;
  encode(samples: Int16Array): string;
}

/** Base64 of raw 16-bit little-endian PCM (Exotel, Plivo `audio/x-l16`); an odd trailing byte is dropped. */
export class L16Base64 implements Base64Codec {
  private bytes = Buffer.alloc(640);
  private samples = new Int16Array(320);

  decode(payload: string): Int16Array {
    const count = this.fill(payload) & ~1;
    if (this.samples.length < count / 2) this.samples = new Int16Array(count);
    const written = decodePcm16(this.bytes.subarray(0, count), this.samples);
    return this.samples.subarray(0, written);
  }

  encode(samples: Int16Array): string {
    return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');
  }

  private fill(payload: string): number {
    const maxBytes = Math.ceil((payload.length * 3) / 4);
    if (this.bytes.length < maxBytes) this.bytes = Buffer.alloc(maxBytes * 2);
    return this.bytes.write(payload, 'base64');
  }
}

/** Base64 G.711 A-law (Telnyx `PCMA`). */
export class AlawBase64 implements Base64Codec {
  private bytes = Buffer.alloc(320);
  private samples = new Int16Array(320);
  private codes = new Uint8Array(320);

  decode(payload: string): Int16Array {
    const maxBytes = Math.ceil((payload.length * 3) / 4);
    if (this.bytes.length < maxBytes) this.bytes = Buffer.alloc(maxBytes * 2);
    const count = this.bytes.write(payload, 'base64');
    if (this.samples.length < count) this.samples = new Int16Array(count * 2);
    alawDecode(this.bytes.subarray(0, count), this.samples);
    return this.samples.subarray(0, count);
  }

  encode(samples: Int16Array): string {
    if (this.codes.length < samples.length) this.codes = new Uint8Array(samples.length);
    const count = alawEncode(samples, this.codes);
    return Buffer.from(this.codes.buffer, this.codes.byteOffset, count).toString('base64');
  }
}

export { MulawBase64 };
