/**
 * `npm run call -- --say "What are your business hours?"`: the first thing to try once Parley runs.
 * Calls the demo agent as a telephony platform would and prints what happens, with timings (see
 * call-options.ts for every option). Exits 0 for a clean call, 1 when anything went wrong.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_RATE, WavFileWriter, samplesToBytes } from '@parley/audio';
import { VoiceCallClient, loadWav, speechFromText } from '@parley/testing';
import { readDemoEnv } from '../dev/seed/demo-env';
import { type CallOptions, USAGE, UsageError, type Utterance, parseCallOptions } from './call-options';
import { CallPrinter } from './call-printer';
import { describeConnectError, maskKey } from './call-errors';
import { type PreparedUtterance, runCallScript } from './call-script';
import { type SavedAudio, callSummary } from './call-summary';

const root = path.resolve(__dirname, '../..');
const demoEnvFile = path.join(root, '.parley', 'demo.env');

/** A failure already explained to the user: print the message, no stack. */
class CallToolError extends Error {}

async function main(): Promise<number> {
  const options = parseCallOptions(process.argv.slice(2), root);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const url = await voiceUrl(options);
  const utterances = await Promise.all(options.utterances.map((turn) => prepare(turn, options.voice)));
  const printer = new CallPrinter();
  if (!options.quiet) console.log(`Calling ${maskKey(url)}`);
  const client = await VoiceCallClient.connect(url).catch((error: unknown) => {
    throw new CallToolError(describeConnectError(error, url));
  });
  if (!options.quiet) printer.attach(client);
  const result = await runCallScript(client, utterances, options, options.quiet ? undefined : printer);
  const audio = await saveAgentAudio(client, options.out);
  for (const line of callSummary(client, result, audio)) console.log(line);
  return result.failures.length === 0 ? 0 : 1;
}

/** --url, else $PARLEY_VOICE_URL, else what `npm run seed` wrote to .parley/demo.env. */
async function voiceUrl(options: CallOptions): Promise<string> {
  const url = options.url ?? process.env.PARLEY_VOICE_URL ?? (await readDemoEnv(demoEnvFile)).PARLEY_VOICE_URL;
  if (url) return url;
  throw new CallToolError(
    `No voice URL: ${path.relative(process.cwd(), demoEnvFile)} does not exist or has no PARLEY_VOICE_URL.\n` +
      'Start Parley with npm start (it seeds the demo keys), or pass --url ws://HOST/voice/<key>.',
  );
}

/** Synthesises or loads a turn before dialling, so a bad file or voice fails before the call. */
async function prepare(turn: Utterance, voice: string): Promise<PreparedUtterance> {
  try {
    if (turn.kind === 'say') return { label: `"${turn.text}"`, samples: await speechFromText(turn.text, voice) };
    return { label: path.basename(turn.file), samples: await loadWav(turn.file) };
  } catch (error) {
    const what = turn.kind === 'say' ? `speak "${turn.text}"` : `read ${turn.file}`;
    throw new CallToolError(`Cannot ${what}: ${(error as Error).message}`);
  }
}

async function saveAgentAudio(client: VoiceCallClient, out: string): Promise<SavedAudio> {
  await mkdir(path.dirname(out), { recursive: true });
  const writer = await WavFileWriter.create(out, { sampleRate: SAMPLE_RATE, channels: 1 });
  const samples = client.agentAudio.samples();
  writer.write(samplesToBytes(samples));
  await writer.close();
  return { path: path.relative(process.cwd(), out) || out, seconds: samples.length / SAMPLE_RATE };
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\nSee: npm run call -- --help`);
    else if (error instanceof CallToolError) console.error(error.message);
    else console.error(error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
