import path from 'node:path';
import { parseArgs } from 'node:util';

/** One caller turn: words flite speaks, or a recording. */
export type Utterance = { kind: 'say'; text: string } | { kind: 'wav'; file: string };

export interface CallOptions {
  /** Undefined: take it from the environment or .parley/demo.env. */
  url: string | undefined;
  utterances: Utterance[];
  out: string;
  voice: string;
  hangupAfterMs: number | undefined;
  replyTimeoutMs: number;
  quiet: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run call -- [options]

Calls a Parley agent as a telephony platform would: connects to the voice WebSocket, waits for
the greeting, speaks each utterance in real time (then silence until the agent has answered),
ends the call with end_call, saves the agent's audio and prints the figures.

  --say TEXT             a caller turn spoken by flite (repeatable, kept in order with --wav)
  --wav FILE             a caller turn from a WAV file (any rate/channels, 16-bit PCM)
  --url URL              voice URL (default $PARLEY_VOICE_URL, else .parley/demo.env)
  --out FILE             where to save the agent audio (default .parley/calls/<time>-agent.wav)
  --voice NAME           flite voice for --say (default slt)
  --hangup-after-ms N    hang up (close the socket, no end_call) N ms after the call connects
  --reply-timeout-ms N   how long to wait for the agent's answer to a turn (default 15000)
  --quiet                print only the summary
  --help                 this text

Example: npm run call -- --say "What are your business hours?" --say "Thank you, goodbye"`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses argv (without node and the script); throws UsageError for anything it cannot use. */
export function parseCallOptions(argv: string[], root: string, now = new Date()): CallOptions {
  const { values, tokens } = parseArgsOrUsage(argv);
  const utterances: Utterance[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'say') utterances.push({ kind: 'say', text: token.value });
    if (token.name === 'wav') utterances.push({ kind: 'wav', file: path.resolve(token.value) });
  }
  if (utterances.some((turn) => turn.kind === 'say' && !turn.text.trim())) throw new UsageError('--say needs some text');
  const stamp = now.toISOString().replace(/[:.]/g, '-').replace(/Z$/, '');
  return {
    url: values.url,
    utterances,
    out: path.resolve(values.out ?? path.join(root, '.parley', 'calls', `${stamp}-agent.wav`)),
    voice: values.voice ?? 'slt',
    hangupAfterMs: values['hangup-after-ms'] === undefined ? undefined : positiveInt('--hangup-after-ms', values['hangup-after-ms']),
    replyTimeoutMs: positiveInt('--reply-timeout-ms', values['reply-timeout-ms'] ?? '15000'),
    quiet: values.quiet ?? false,
    help: values.help ?? false,
  };
}

function parseArgsOrUsage(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      tokens: true,
      strict: true,
      allowPositionals: false,
      options: {
        say: { type: 'string', multiple: true },
        wav: { type: 'string', multiple: true },
        url: { type: 'string' },
        out: { type: 'string' },
        voice: { type: 'string' },
        'hangup-after-ms': { type: 'string' },
        'reply-timeout-ms': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function positiveInt(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new UsageError(`${flag} needs a positive whole number of ms, got "${value}"`);
  return number;
}
