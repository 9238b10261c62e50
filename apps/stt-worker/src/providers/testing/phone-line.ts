import { mulawDecode, mulawEncode, Resampler } from '@parley/audio';

/** 16 kHz speech as the gateway hands a Twilio caller's audio to STT: 8 kHz mu-law, resampled back to 16 kHz. */
export function overPhoneLine(samples: Int16Array): Int16Array {
  const narrow = new Resampler(16_000, 8_000).process(samples);
  const codes = new Uint8Array(narrow.length);
  mulawEncode(narrow, codes);
  mulawDecode(codes, narrow);
  return new Resampler(8_000, 16_000).process(narrow);
}
