import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bytesToSamples, parseWav } from '@parley/audio';

const run = promisify(execFile);

/**
 * Test speech from Debian's `flite` command (voice slt, native 16 kHz). pocketsphinx reads flite speech
 * well and espeak-ng speech badly, so recognition tests use flite prompts.
 */
export async function fliteSpeech(text: string, voice = 'slt'): Promise<Int16Array> {
  // flite cannot write its WAV to a pipe, so it goes through a private temporary file.
  const dir = await mkdtemp(join(tmpdir(), 'flite-speech-'));
  try {
    const file = join(dir, 'speech.wav');
    await run('flite', ['-voice', voice, '-t', text, '-o', file]);
    return wavSamples(await readFile(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The PCM16 samples of a 16 kHz mono WAV file; throws on any other format. */
export function wavSamples(wav: Buffer): Int16Array {
  const { format, data } = parseWav(wav);
  if (format.channels !== 1 || format.sampleRate !== 16_000) {
    throw new Error(`expected 16 kHz mono PCM16, got ${format.sampleRate} Hz, ${format.channels} channels`);
  }
  return bytesToSamples(data);
}
