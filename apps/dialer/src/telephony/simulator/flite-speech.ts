import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToSamples, parseWav, Resampler, SAMPLE_RATE } from '@parley/audio';

/** flite takes well under a second for a sentence; a stuck process must not hold the call. */
const FLITE_TIMEOUT_MS = 15_000;

/** Speaks `text` with the flite CLI as 16 kHz mono PCM16 samples, the gateway's caller format. */
export async function fliteSpeech(text: string, voice: string): Promise<Int16Array> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-simulator-'));
  try {
    const file = join(dir, 'line.wav');
    await runFlite(['-voice', voice, '-t', text, '-o', file]);
    const { format, data } = parseWav(await readFile(file));
    if (format.channels !== 1) throw new Error(`flite wrote ${format.channels} channels, expected mono`);
    return toLineRate(bytesToSamples(data), format.sampleRate);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function toLineRate(samples: Int16Array, rate: number): Int16Array {
  if (rate === SAMPLE_RATE) return samples;
  const resampler = new Resampler(rate, SAMPLE_RATE);
  // process() and flush() return views of one reused buffer: copy the first before flushing.
  const head = resampler.process(samples).slice();
  const tail = resampler.flush();
  const out = new Int16Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

function runFlite(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('flite', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: FLITE_TIMEOUT_MS });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => reject(new Error(`cannot run flite: ${error.message}`, { cause: error })));
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`flite failed (${signal ?? code}): ${stderr.trim() || 'no message'}`));
    });
  });
}
