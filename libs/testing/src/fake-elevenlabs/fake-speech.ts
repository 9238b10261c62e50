import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseWav } from '@parley/audio';

const run = promisify(execFile);
const SAMPLE_RATE = 16_000;
/** Texts kept rendered: a bench repeats its sentences, and the vendor's delay should be the configured one. */
const CACHED_TEXTS = 256;
const rendered = new Map<string, Promise<Buffer>>();

/**
 * 16 kHz PCM16LE bytes of `text`: flite's speech (voice slt) when the `flite` command is installed,
 * else a 440 Hz tone of 60 ms per character, so the audio is real and its length follows the text.
 */
export function speechBytes(text: string): Promise<Buffer> {
  let audio = rendered.get(text);
  if (!audio) {
    audio = fliteBytes(text).catch(() => toneBytes(Math.max(200, text.length * 60)));
    if (rendered.size >= CACHED_TEXTS) rendered.delete(rendered.keys().next().value as string);
    rendered.set(text, audio);
  }
  return audio;
}

async function fliteBytes(text: string): Promise<Buffer> {
  // flite cannot write its WAV to a pipe, so it goes through a private temporary file.
  const dir = await mkdtemp(join(tmpdir(), 'fake-elevenlabs-'));
  try {
    const file = join(dir, 'speech.wav');
    await run('flite', ['-voice', 'slt', '-t', text, '-o', file]);
    const { format, data } = parseWav(await readFile(file));
    if (format.sampleRate !== SAMPLE_RATE || format.channels !== 1) throw new Error('flite did not render 16 kHz mono');
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function toneBytes(ms: number, hz = 440): Buffer {
  const samples = Math.round((ms * SAMPLE_RATE) / 1000);
  const bytes = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) bytes.writeInt16LE(Math.round(8_000 * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE)), i * 2);
  return bytes;
}
