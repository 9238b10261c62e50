/** How much of one sentence's audio reached the caller. */
export interface SentenceProgress {
  readonly text: string;
  /** Frames received from TTS so far. */
  readonly received: number;
  /** Frames sent to the caller. */
  readonly played: number;
  /** TTS sent the sentence's last frame. */
  readonly complete: boolean;
}

/**
 * The text the caller actually heard, for the history and the transcript. Sentences played
 * to their last frame count whole. The sentence cut by a barge-in counts by the share of its
 * frames that were played, rounded down to whole words: TTS runs ahead of real time, so its
 * frames are usually all in hand and the share is close to the share of speech heard. A
 * sentence never started counts nothing.
 */
export function playedText(sentences: readonly SentenceProgress[]): string {
  const parts: string[] = [];
  for (const sentence of sentences) {
    if (sentence.played === 0) break;
    if (sentence.complete && sentence.played >= sentence.received) {
      parts.push(sentence.text.trim());
      continue;
    }
    const words = sentence.text.trim().split(/\s+/);
    const heard = Math.floor((words.length * sentence.played) / Math.max(sentence.received, 1));
    if (heard > 0) parts.push(words.slice(0, heard).join(' '));
    break;
  }
  return parts.join(' ');
}
