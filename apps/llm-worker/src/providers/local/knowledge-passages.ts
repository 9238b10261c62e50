import type { KnowledgeEntry } from './knowledge-entries';
import { splitSentences } from '../../text/sentence-segmenter';

/** A passage from a knowledge base, as the search RPC returns it. */
export interface KnowledgePassage {
  readonly content: string;
}

/** About fifteen seconds of speech: a chunk can be a page long, and a caller wants the answer, not the page. */
export const MAX_SPOKEN_CHARS = 240;

/**
 * A knowledge-base passage as an entry the local agent can answer with: the whole passage is
 * searched (as its topic), its first sentences are spoken. Markdown headings and bullets, which
 * mean nothing read aloud, are dropped from what is said.
 */
export function passageEntry(passage: KnowledgePassage): KnowledgeEntry {
  const text = passage.content
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^#+\s*.*$/, '').replace(/^(?:[-*•]|\d{1,2}[.)])\s+/, '').replace(/^(?:q|a)\s*:\s*/i, ''))
    .filter(Boolean)
    .join(' ');
  return { topic: passage.content, answer: spokenPart(text) };
}

function spokenPart(text: string): string {
  const spoken: string[] = [];
  let length = 0;
  for (const sentence of splitSentences(text)) {
    if (spoken.length > 0 && length + sentence.length > MAX_SPOKEN_CHARS) break;
    spoken.push(sentence);
    length += sentence.length + 1;
  }
  return spoken.join(' ');
}
