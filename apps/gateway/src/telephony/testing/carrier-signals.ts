import { mulawEncode } from '@parley/audio';

/**
 * Test signals for the carrier protocol specs: JSON text frames, tones, and base64 payloads as
 * carriers send them.
 */

/** A JSON text frame as a carrier sends it. */
export const text = (message: unknown): Buffer => Buffer.from(JSON.stringify(message));

/** `count` samples of a `hz` tone at `rate`, amplitude 8000, starting `offset` samples in. */
export function tone(hz: number, rate: number, count: number, offset = 0): Int16Array {
  return Int16Array.from({ length: count }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * (i + offset)) / rate)));
}

/** `ms` of a 440 Hz tone at `rate`. */
export function beep(ms: number, rate: number): Int16Array {
  return tone(440, rate, (rate * ms) / 1000);
}

/** Sign changes per second: twice the frequency of a pure tone. */
export function zeroCrossingHz(samples: ArrayLike<number>, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1] < 0) !== (samples[i] < 0)) crossings++;
  return (crossings / 2) * (rate / samples.length);
}

/** Base64 of raw 16-bit little-endian PCM (Exotel, Plivo `audio/x-l16`). */
export function l16Payload(samples: Int16Array): string {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');
}

/** Base64 of G.711 mu-law (Twilio, Plivo and Telnyx `PCMU`). */
export function mulawPayload(samples: Int16Array): string {
  const codes = new Uint8Array(samples.length);
  mulawEncode(samples, codes);
  return Buffer.from(codes).toString('base64');
}
