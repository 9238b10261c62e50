/**
 * Prepares telephone audio (8 kHz, resampled to 16 kHz) for pocketsphinx's wideband en-us model.
 *
 * The model's filters reach 6.8 kHz and expect speech energy above 4 kHz, where telephone audio
 * has none, so it reads such audio badly: a flite question through Twilio's mu-law came out as
 * "what are you hold an shepherd". Holding every other sample for two (a zero-order hold of the
 * 8 kHz signal) mirrors the 0–4 kHz band into 4–8 kHz, which gives the model energy where it looks
 * for fricatives; the same question then came out whole. Taking every other sample of the 16 kHz
 * stream is alias-free: it holds nothing above 4 kHz.
 */
export class TelephoneBand {
  private out = new Int16Array(0);

  /** `frame` with each pair of samples replaced by two copies of its first; a buffer reused per call. */
  fold(frame: Int16Array): Int16Array {
    if (this.out.length < frame.length) this.out = new Int16Array(frame.length);
    const out = this.out;
    for (let i = 0; i + 1 < frame.length; i += 2) out[i] = out[i + 1] = frame[i];
    if (frame.length % 2 === 1) out[frame.length - 1] = frame[frame.length - 1];
    return out.subarray(0, frame.length);
  }
}
