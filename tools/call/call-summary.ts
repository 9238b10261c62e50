import type { VoiceCallClient } from '@parley/testing';
import type { ScriptResult } from './call-script';

/** Where the agent audio went, and how much of it there was. */
export interface SavedAudio {
  readonly path: string;
  readonly seconds: number;
}

/** The end-of-call report: how it ended, each answered turn with its latency, the audio file. */
export function callSummary(client: VoiceCallClient, result: ScriptResult, audio: SavedAudio): string[] {
  const { closed, failures } = result;
  const callEnd = client.messagesOf('call_end').at(-1)?.message.reason;
  const latencies = client.turnLatencies.map((turn) => turn.voiceToVoiceMs);
  const lines = [
    '',
    'Call summary',
    `  duration        ${(closed.at / 1000).toFixed(1)} s, ended by ${result.endedByCaller ? 'the caller' : 'the platform'}` +
      `${callEnd ? ` (call_end ${callEnd})` : ''}, socket closed ${closed.code}`,
    `  caller turns    ${client.messagesOf('transcript').filter((t) => t.message.role === 'user').length} heard, ${latencies.length} answered`,
    ...client.turnLatencies.map(
      (turn) => `  turn ${String(turn.turn).padEnd(11)}voice-to-voice ${Math.round(turn.voiceToVoiceMs)} ms (speech ended at ${(turn.speechEndedAt / 1000).toFixed(3)} s)`,
    ),
  ];
  if (latencies.length > 1) {
    const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
    lines.push(`  voice-to-voice  min ${Math.round(Math.min(...latencies))} / mean ${Math.round(mean)} / max ${Math.round(Math.max(...latencies))} ms`);
  }
  lines.push(`  agent audio     ${audio.seconds.toFixed(2)} s in ${plural(client.agentAudio.segments.length, 'segment')} → ${audio.path}`);
  lines.push(...(failures.length ? ['', `${failures.length} problem(s):`, ...failures.map((f) => `  ✗ ${f}`)] : []));
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
