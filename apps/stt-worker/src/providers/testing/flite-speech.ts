import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

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
  if (wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error('not a WAV file');
  }
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('latin1', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') checkFormat(wav, offset + 8);
    if (id === 'data') {
      const bytes = wav.subarray(offset + 8, offset + 8 + Math.min(size, wav.length - offset - 8));
      return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length - (bytes.length % 2)));
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

function checkFormat(wav: Buffer, at: number): void {
  const channels = wav.readUInt16LE(at + 2);
  const rate = wav.readUInt32LE(at + 4);
  const bits = wav.readUInt16LE(at + 14);
  if (channels !== 1 || rate !== 16_000 || bits !== 16) {
    throw new Error(`expected 16 kHz mono PCM16, got ${rate} Hz, ${channels} channels, ${bits} bits`);
  }
}
