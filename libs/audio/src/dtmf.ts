import { FRAME_BYTES, FRAME_MS, SAMPLE_RATE } from './pcm-format';
import { samplesToBytes } from './pcm-views';

/** ITU-T Q.23 keypad: each key is one low (row) and one high (column) frequency, in Hz. */
const ROWS = [697, 770, 852, 941] as const;
const COLUMNS = [1209, 1336, 1477, 1633] as const;
const KEYPAD = ['123A', '456B', '789C', '*0#D'] as const;

export interface DtmfOptions {
  /** How long each key sounds; Q.24 receivers need at least 40 ms. */
  readonly toneMs?: number;
  /** Silence after each key, so a repeated key is heard twice. */
  readonly gapMs?: number;
  /** Peak of each of the two sine waves, 0..0.5 of full scale (their sum stays below clipping). */
  readonly amplitude?: number;
}

const DEFAULTS = { toneMs: 100, gapMs: 80, amplitude: 0.35 } as const;
/** Rise and fall of each tone, so its edges do not click. */
const RAMP_MS = 5;

/** The two frequencies of a key (0-9, *, #, A-D), or undefined for anything else. */
export function dtmfFrequencies(key: string): readonly [number, number] | undefined {
  const upper = key.toUpperCase();
  for (const [row, keys] of KEYPAD.entries()) {
    const column = keys.indexOf(upper);
    if (upper.length === 1 && column >= 0) return [ROWS[row], COLUMNS[column]];
  }
  return undefined;
}

/**
 * The keys as in-band DTMF tones in the platform's format (16 kHz mono PCM16): each key a sum of
 * its two sine waves, then silence. Played into the agent's audio, they reach the far end on every
 * carrier, unlike out-of-band (RFC 4733) digits that need the provider's support. Tone and gap
 * lengths are rounded up to whole 20 ms frames. Throws on a character that is not a key.
 */
export function dtmfSamples(keys: string, options: DtmfOptions = {}): Int16Array {
  const { toneMs, gapMs, amplitude } = { ...DEFAULTS, ...options };
  const toneSamples = wholeFrames(toneMs);
  const perKey = toneSamples + wholeFrames(gapMs);
  const samples = new Int16Array(perKey * keys.length);
  for (const [i, key] of [...keys].entries()) {
    const frequencies = dtmfFrequencies(key);
    if (!frequencies) throw new RangeError(`"${key}" is not a DTMF key (0-9, *, #, A-D)`);
    writeTone(samples.subarray(i * perKey, i * perKey + toneSamples), frequencies, Math.min(amplitude, 0.5));
  }
  return samples;
}

/** `dtmfSamples` cut into 20 ms PCM16LE frames, ready for the playback. */
export function dtmfFrames(keys: string, options?: DtmfOptions): Uint8Array[] {
  const bytes = samplesToBytes(dtmfSamples(keys, options));
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += FRAME_BYTES) frames.push(bytes.subarray(offset, offset + FRAME_BYTES));
  return frames;
}

function wholeFrames(ms: number): number {
  return (Math.ceil(Math.max(0, ms) / FRAME_MS) * FRAME_MS * SAMPLE_RATE) / 1000;
}

function writeTone(out: Int16Array, [low, high]: readonly [number, number], amplitude: number): void {
  const ramp = (RAMP_MS * SAMPLE_RATE) / 1000;
  const peak = amplitude * 32_767;
  for (let n = 0; n < out.length; n++) {
    const t = n / SAMPLE_RATE;
    const envelope = Math.min(1, n / ramp, (out.length - 1 - n) / ramp);
    out[n] = Math.round(peak * envelope * (Math.sin(2 * Math.PI * low * t) + Math.sin(2 * Math.PI * high * t)));
  }
}
