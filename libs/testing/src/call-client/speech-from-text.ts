import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToSamples, parseWav } from '@parley/audio';
import { toCallerAudio } from './load-wav';

/**
 * Speaks `text` with the flite CLI and returns it as 16 kHz mono caller audio. flite is the
 * engine the embedded STT reads well (see DESIGN.md); voices slt, rms, awb and kal16 are native
 * 16 kHz, others (kal, 8 kHz) are resampled.
 */
export async function speechFromText(text: string, voice = 'slt'): Promise<Int16Array> {
  if (!text.trim()) throw new Error('speechFromText needs some text to speak');
  await assertVoiceExists(voice);
  const dir = await mkdtemp(join(tmpdir(), 'parley-speech-'));
  try {
    const file = join(dir, 'speech.wav');
    await runFlite(['-voice', voice, '-t', text, '-o', file]);
    const { format, data } = parseWav(await readFile(file));
    return toCallerAudio(format, bytesToSamples(data));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let installedVoices: Promise<string[]> | undefined;

/** flite falls back to its default voice on an unknown name without a word: refuse it instead. */
async function assertVoiceExists(voice: string): Promise<void> {
  if (voice.includes('/')) return; // a .flitevox file path: flite reports a bad one itself
  installedVoices ??= runFlite(['-lv']).then((listing) => listing.replace(/^.*:/, '').trim().split(/\s+/));
  const voices = await installedVoices;
  if (!voices.includes(voice)) throw new Error(`flite has no voice "${voice}"; installed: ${voices.join(', ')}`);
}

/** Runs flite and resolves with what it printed on stdout. */
function runFlite(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('flite', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      const hint = error.code === 'ENOENT' ? ' (install it: apt-get install flite)' : '';
      reject(new Error(`cannot run flite${hint}: ${error.message}`, { cause: error }));
    });
    child.once('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`flite exited with ${code}: ${stderr.trim() || 'no message'}`));
    });
  });
}
