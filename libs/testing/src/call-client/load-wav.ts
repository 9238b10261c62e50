import { readFile } from 'node:fs/promises';
import { Resampler, SAMPLE_RATE, bytesToSamples, parseWav, type WavFormat } from '@parley/audio';

/** Reads a 16-bit PCM WAV file of any rate and channel count as 16 kHz mono samples. */
export async function loadWav(path: string): Promise<Int16Array> {
  const { format, data } = parseWav(await readFile(path));
  return toCallerAudio(format, bytesToSamples(data));
}

/** Interleaved samples in `format` → 16 kHz mono: channels averaged, then resampled. */
export function toCallerAudio(format: WavFormat, interleaved: Int16Array): Int16Array {
  const mono = format.channels === 1 ? interleaved : downmix(interleaved, format.channels);
  if (format.sampleRate === SAMPLE_RATE) return mono;
  const resampler = new Resampler(format.sampleRate, SAMPLE_RATE);
  // process() and flush() return views of one reused buffer: copy the first before flushing.
  const head = resampler.process(mono).slice();
  const tail = resampler.flush();
  const total = new Int16Array(head.length + tail.length);
  total.set(head);
  total.set(tail, head.length);
  return total;
}

function downmix(interleaved: Int16Array, channels: number): Int16Array {
  const frames = Math.floor(interleaved.length / channels);
  const mono = new Int16Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let channel = 0; channel < channels; channel++) sum += interleaved[frame * channels + channel];
    mono[frame] = Math.round(sum / channels);
  }
  return mono;
}
