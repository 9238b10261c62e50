/** One stored line of a call's conversation, as the read model keeps it. */
export interface TranscriptLine {
  readonly seq: number;
  readonly role: 'user' | 'agent' | 'system';
  readonly text: string;
  readonly interrupted: boolean;
  readonly at: Date;
}

/** Reference 004's transcript entry, mapped onto calls. */
export interface TranscriptEntryView {
  readonly speaker: 'user' | 'agent' | 'system';
  readonly content: string;
  /** Milliseconds from the start of the call. */
  readonly timestamp_ms: number;
  readonly interrupted: boolean;
  readonly created_at: string;
}

/**
 * Timestamps count from the call's start; a call whose `call.started` has not been projected yet
 * counts from its first line, so the offsets are never negative.
 */
export function transcriptEntries(lines: readonly TranscriptLine[], startedAt: Date | null): TranscriptEntryView[] {
  const origin = startedAt?.getTime() ?? lines[0]?.at.getTime() ?? 0;
  return lines.map((line) => ({
    speaker: line.role,
    content: line.text,
    timestamp_ms: Math.max(0, line.at.getTime() - origin),
    interrupted: line.interrupted,
    created_at: line.at.toISOString(),
  }));
}

const SPEAKER_LABELS = { user: 'User', agent: 'Agent', system: 'System' } as const;

/** Reference 004's plain-text transcript: one `[mm:ss] Speaker: text` line per entry. */
export function transcriptText(entries: readonly TranscriptEntryView[]): string {
  return entries.map((entry) => `[${clock(entry.timestamp_ms)}] ${SPEAKER_LABELS[entry.speaker]}: ${entry.content}`).join('\n');
}

/** `mm:ss`; minutes keep counting past 59 (`[75:02]`) rather than growing an hours field. */
function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}
