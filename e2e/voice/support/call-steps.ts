import type { AgentAudioSegment, RecordedMessage, ServerMessageOf, VoiceCallClient } from '@parley/testing';
import { VoiceUpgradeRefusedError } from '@parley/testing';

/** Six services and the rest of a test run share two cores: waits are generous, order is strict. */
export const REPLY_TIMEOUT_MS = 30_000;

/** Waits for the greeting to finish: its `audio_end`, then the assistant's transcript of it. */
export async function heardGreeting(call: VoiceCallClient): Promise<RecordedMessage<ServerMessageOf<'transcript'>>> {
  await call.waitFor('audio_end', () => true, REPLY_TIMEOUT_MS, 0);
  return call.waitFor('transcript', (m) => m.role === 'assistant', REPLY_TIMEOUT_MS, 0);
}

/** The agent's reply to what the caller said at or after `since`: its transcript, after its audio ended. */
export async function agentReplySince(
  call: VoiceCallClient,
  since: number,
): Promise<RecordedMessage<ServerMessageOf<'transcript'>>> {
  await call.waitFor('audio_end', () => true, REPLY_TIMEOUT_MS, since);
  return call.waitFor('transcript', (m) => m.role === 'assistant', REPLY_TIMEOUT_MS, since);
}

/** The first stretch of agent audio that began at or after `since`. */
export function agentAudioSince(call: VoiceCallClient, since: number): AgentAudioSegment {
  const segment = call.agentAudio.segments.find((candidate) => candidate.startedAt >= since);
  if (!segment) throw new Error(`no agent audio started after ${Math.round(since)} ms`);
  return segment;
}

/** The message types received from `since` on, in arrival order. */
export function typesSince(call: VoiceCallClient, since: number): string[] {
  return call.messages.filter((recorded) => recorded.at >= since).map((recorded) => recorded.message.type);
}

/** The refusal of an upgrade that must be refused; fails the test if the call is answered. */
export async function refusalOf(connecting: Promise<VoiceCallClient>): Promise<VoiceUpgradeRefusedError> {
  const outcome = await connecting.then(
    async (call) => {
      await call.close();
      return new Error('the upgrade was accepted');
    },
    (error: unknown) => error,
  );
  if (outcome instanceof VoiceUpgradeRefusedError) return outcome;
  throw outcome;
}
