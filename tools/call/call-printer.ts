import { BYTES_PER_SAMPLE, SAMPLE_RATE } from '@parley/audio';
import type { CallClosed, ProtocolError, RecordedMessage, TurnLatency, VoiceCallClient } from '@parley/testing';

/** `[04.200]`: seconds since the call was answered, with milliseconds. */
export function stamp(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  const [whole, fraction] = seconds.toFixed(3).split('.');
  return `[${whole.padStart(2, '0')}.${fraction}]`;
}

const AGENT = 'agent ';
const CALLER = 'caller';

/** Prints the call as it happens, one line per event, to `write` (stdout by default). */
export class CallPrinter {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  attach(client: VoiceCallClient): void {
    client.on('message', (recorded) => this.line(recorded.at, this.describe(client, recorded)));
    client.on('latency', (turn: TurnLatency) => this.line(turn.agentAudioAt, `⏱ voice-to-voice ${Math.round(turn.voiceToVoiceMs)} ms`));
    client.on('protocol-error', (error: ProtocolError) => this.line(error.at, `⚠ protocol error: ${error.problem}: ${clip(error.raw)}`));
    client.on('closed', (closed: CallClosed) => this.line(closed.at, `■ socket closed ${closed.code}${closed.reason ? ` ${closed.reason}` : ''}`));
  }

  /** A caller-side action (speaking, hanging up), stamped with the client's clock. */
  caller(at: number, text: string): void {
    this.line(at, `${CALLER}  ${text}`);
  }

  note(at: number, text: string): void {
    this.line(at, text);
  }

  private describe(client: VoiceCallClient, { message }: RecordedMessage): string {
    switch (message.type) {
      case 'audio_start':
        return `${AGENT} ▶ audio_start`;
      case 'audio_end': {
        const segment = client.agentAudio.segments.at(-1);
        const seconds = segment ? ` (${(segment.bytes / BYTES_PER_SAMPLE / SAMPLE_RATE).toFixed(2)} s of audio)` : '';
        return `${AGENT} ■ audio_end${seconds}`;
      }
      case 'transcript':
        return `${message.role === 'user' ? CALLER : AGENT}  "${message.text}"`;
      case 'interim':
        return `${CALLER} … interim "${message.text}"`;
      case 'turn_start':
        return `${AGENT} … turn_start (thinking)`;
      case 'error':
        return `⚠ error ${message.code}: ${message.message}`;
      case 'call_end':
        return `■ call_end ${message.reason}`;
      case 'data':
        return `✉ data${message.topic ? ` [${message.topic}]` : ''} ${JSON.stringify(message.data)}`;
    }
  }

  private line(at: number, text: string): void {
    this.write(`${stamp(at)} ${text}`);
  }
}

function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
