import { splitSentences } from '../../text/sentence-segmenter';
import type { KnowledgeEntry } from './knowledge-entries';

/** A passage from a knowledge base, as the search RPC returns it. */
export interface KnowledgePassage {
  readonly content: string;
}

/** About fifteen seconds of speech: a caller wants the answer, not the page. */
export const MAX_SPOKEN_CHARS = 240;

const HEADING = /^#+\s*(.*)$/;
const LIST_MARK = /^(?:[-*•]|\d{1,2}[.)])\s+/;
const QA_MARK = /^(?:q|a|question|answer)\s*[:.)]\s*/i;

/**
 * A knowledge-base passage as entries the local agent can answer with: one per paragraph (a chunk
 * often holds several sections), the Markdown heading above it as its topic. Each paragraph is
 * searched whole and spoken up to about fifteen seconds, in whole sentences; headings, bullets and
 * `Q:`/`A:` marks, which mean nothing read aloud, are dropped from what is said.
 */
export function passageEntries(passage: KnowledgePassage): KnowledgeEntry[] {
  const entries: KnowledgeEntry[] = [];
  let heading = '';
  let lines: string[] = [];
  const close = () => {
    const text = lines.join(' ').trim();
    if (text) entries.push({ topic: `${heading} ${text}`.trim(), answer: spokenPart(text) });
    lines = [];
  };
  for (const raw of passage.content.split(/\r?\n/)) {
    const line = raw.trim();
    const title = HEADING.exec(line);
    if (title || !line) close();
    if (title) heading = title[1];
    else if (line) lines.push(line.replace(LIST_MARK, '').replace(QA_MARK, ''));
  }
  close();
  return entries;
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
