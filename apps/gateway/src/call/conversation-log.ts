import type { ChatMessage, VoiceServerMessage } from '@parley/contracts';
import type { CallEvents } from './call-events';

/** Same wording as the LLM worker's per-turn whispers, so the model reads both alike. */
const SUPERVISOR_NOTE = 'Supervisor note (do not read aloud): ';

/**
 * The conversation as it happened, kept three ways at once: the history the LLM sees, the
 * `transcript` frames the client gets and the `transcript.appended` facts. The agent's lines
 * hold only what the caller heard.
 */
export class ConversationLog {
  private readonly history: ChatMessage[] = [];

  constructor(
    systemPrompt: string,
    private readonly client: { send(message: VoiceServerMessage): void },
    private readonly events: CallEvents,
  ) {
    if (systemPrompt.trim()) this.history.push({ role: 'system', content: systemPrompt });
  }

  user(text: string): void {
    this.append('user', text, false);
  }

  assistant(text: string, interrupted: boolean): void {
    this.append('assistant', text, interrupted);
  }

  /**
   * A supervisor's whisper: a system note the LLM reads from its next turn on, in place in the
   * history. Never spoken, never in the transcript.
   */
  supervisorNote(text: string): void {
    this.history.push({ role: 'system', content: `${SUPERVISOR_NOTE}${text.trim()}` });
  }

  /** A snapshot for one LLM request. */
  messages(): ChatMessage[] {
    return [...this.history];
  }

  private append(role: 'user' | 'assistant', text: string, interrupted: boolean): void {
    const line = text.trim();
    if (!line) return;
    this.history.push({ role, content: line });
    this.client.send({ type: 'transcript', role, text: line });
    this.events.transcript(role, line, interrupted || undefined);
  }
}
