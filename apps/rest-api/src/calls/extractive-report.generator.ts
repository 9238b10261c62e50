import type { CallEndReason, CallOutcome } from '@parley/contracts';
import type { StoredCallReport } from './call-report';
import { statusAfterEnding } from './call-status';
import type { TranscriptLine } from './call-transcript';

/** An ended call as the generator sees it: its transcript and how it ended. */
export interface ReportInput {
  readonly lines: readonly TranscriptLine[];
  readonly endReason: CallEndReason;
  readonly durationMs: number | null;
  readonly turns: number;
}

const KEY_POINTS = 3;
/** "Hi.", "Goodbye!" and "Sure." say nothing about the call. */
const MIN_CONTENT_WORDS = 2;
const STOP_WORDS = new Set(
  ('a an and are as at be but by can could do does for from have hello hi how i if in is it its me my no not of on ' +
    'or our please so that the their them there they this to was we what when where which who will with would ' +
    'yes you your okay ok thanks thank um uh').split(' '),
);

const ENDING_PHRASES: Record<CallEndReason, string> = {
  AGENT_ENDED: 'when the agent closed the conversation',
  CLIENT_ENDED: 'when the client ended it',
  HANGUP: 'when the caller hung up',
  MAX_DURATION_REACHED: 'at the maximum duration',
  MAX_TURNS_REACHED: 'at the maximum number of turns',
  SILENCE_TIMEOUT: 'after the caller stayed silent',
  KICKED: 'when a supervisor ended it',
  CANCELLED: 'when the API client cancelled it',
  BALANCE_EXHAUSTED: 'when the balance ran out',
  SHUTDOWN: 'when the platform shut down',
  PLATFORM_ERROR: 'on a platform error',
};

/**
 * The report of a call nobody else reported on (the dialer reports its task calls), written
 * without a model: the caller's first request, the agent's last answer, the sentences that carry
 * the most frequent content words, and the outcome the end reason and transcript imply. The same
 * call always gives the same report.
 */
export function extractiveReport(input: ReportInput, now: Date): StoredCallReport {
  const sentences = input.lines.flatMap((line) => splitSentences(line.text).map((text) => ({ role: line.role, text })));
  const callerSaid = sentences.find((s) => s.role === 'user' && isSubstantive(s.text));
  const agentSaid = [...sentences].reverse().find((s) => s.role === 'agent' && isSubstantive(s.text));
  return {
    summary: [
      callerSaid ? `The caller said: "${callerSaid.text}"` : 'The caller said nothing.',
      agentSaid ? `The agent last said: "${agentSaid.text}"` : undefined,
      ending(input),
    ]
      .filter(Boolean)
      .join(' '),
    outcome: outcome(input.endReason, callerSaid !== undefined),
    extracted: {},
    generatedBy: 'extractive',
    generatedAt: now.toISOString(),
    keyPoints: keyPoints(sentences.map((s) => s.text)),
  };
}

/** The dialer's outcomes, so every report of the API speaks the same words. */
function outcome(reason: CallEndReason, callerSpoke: boolean): CallOutcome {
  if (statusAfterEnding(reason) === 'failed') return 'failed';
  return callerSpoke ? 'completed' : 'no_response';
}

function ending({ endReason, durationMs, turns }: ReportInput): string {
  const seconds = Math.round((durationMs ?? 0) / 1000);
  const length = `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  return `The call ended ${ENDING_PHRASES[endReason]} after ${length} and ${turns} ${turns === 1 ? 'turn' : 'turns'}.`;
}

/** The highest-scoring sentences (sum of their content words' frequencies), in transcript order. */
function keyPoints(sentences: readonly string[]): string[] {
  const frequency = new Map<string, number>();
  for (const word of sentences.flatMap(contentWords)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const scored = sentences
    .map((text, index) => ({ text, index, words: contentWords(text) }))
    .filter((s) => s.words.length >= MIN_CONTENT_WORDS)
    .map((s) => ({ ...s, score: s.words.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / s.words.length }));
  const top = [...scored].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, KEY_POINTS);
  const unique = new Set(top.sort((a, b) => a.index - b.index).map((s) => s.text));
  return [...unique];
}

function isSubstantive(sentence: string): boolean {
  return contentWords(sentence).length >= MIN_CONTENT_WORDS;
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9']+/g) ?? []).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}
