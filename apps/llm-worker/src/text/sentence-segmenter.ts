/**
 * Cuts streamed text into sentences as soon as each one is certainly complete, so speech can start
 * on the first sentence while the model is still writing the next.
 *
 * A sentence ends at `.`, `!`, `?` or an ellipsis followed by whitespace, or at a blank line. A
 * period does not end one after a title ("Dr."), a Latin abbreviation ("e.g."), an initial ("J.")
 * or a list number ("1."); after "etc.", "a.m." or an ellipsis it does only when the next word
 * starts with a capital, so those wait for the next character. Decimals and prices ("3.5",
 * "$4.99") never end a sentence because no whitespace follows their point.
 */

// Group 1: the terminator run; group 2: closing quotes or brackets kept with the sentence.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)\s+|\n[ \t]*\n\s*/g;

/** Words after which a period does not end the sentence, lower-case and without their final dot. */
const NEVER_ENDS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'e.g', 'i.e', 'cf', 'approx']);
/** Words that end a sentence only when a capital follows. */
const MAYBE_ENDS = new Set(['etc', 'inc', 'ltd', 'co', 'corp']);
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
const INITIAL = /^\p{Lu}$/u;
const LIST_NUMBER = /^\s*\d{1,2}$/;
const CAPITAL = /\p{Lu}/u;
const LEADING_PUNCTUATION = /^["'“‘([]+/;

type Verdict = 'end' | 'continue' | 'wait';

/** Default longest sentence: speech waits for a sentence to end, so a run-on is cut at a clause. */
export const MAX_SENTENCE_CHARS = 300;

export class SentenceSegmenter {
  private buffer = '';

  constructor(private readonly maxChars = MAX_SENTENCE_CHARS) {}

  /** Adds a piece of text (a token, a word, many sentences) and returns the sentences it completed. */
  push(delta: string): string[] {
    this.buffer += delta;
    const sentences = this.cutAtBoundaries();
    while (this.buffer.length > this.maxChars) sentences.push(this.cutRunOn());
    return sentences.filter((sentence) => sentence.length > 0);
  }

  /** The unfinished tail once the text is complete, if it holds anything but whitespace. */
  flush(): string | undefined {
    const tail = tidy(this.buffer);
    this.buffer = '';
    return tail || undefined;
  }

  private cutAtBoundaries(): string[] {
    const sentences: string[] = [];
    let start = 0;
    for (const match of this.buffer.matchAll(BOUNDARY)) {
      const after = match.index + match[0].length;
      const verdict = match[1] === undefined ? 'end' : judge(this.buffer.slice(start, match.index), match[1], this.buffer[after]);
      if (verdict === 'wait') break;
      if (verdict === 'end') {
        const end = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
        sentences.push(tidy(this.buffer.slice(start, end)));
        start = after;
      }
    }
    this.buffer = this.buffer.slice(start);
    return sentences;
  }

  /** Cuts the buffer at its last clause break (else its last space) within `maxChars`. */
  private cutRunOn(): string {
    const window = this.buffer.slice(0, this.maxChars);
    const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '));
    const cut = clause > 0 ? clause + 1 : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : this.maxChars;
    const piece = tidy(this.buffer.slice(0, cut));
    this.buffer = this.buffer.slice(cut).trimStart();
    return piece;
  }
}

/** Splits a complete text into sentences. */
export function splitSentences(text: string): string[] {
  const segmenter = new SentenceSegmenter();
  const sentences = segmenter.push(text);
  const tail = segmenter.flush();
  return tail ? [...sentences, tail] : sentences;
}

/** Does `terminator` (followed by whitespace, then `next`) end the sentence that began with `before`? */
function judge(before: string, terminator: string, next: string | undefined): Verdict {
  if (terminator.includes('!') || terminator.includes('?')) return 'end';
  if (terminator !== '.') return capitalFollows(next); // an ellipsis: a pause or an ending
  if (LIST_NUMBER.test(before)) return 'continue';
  const word = lastWord(before);
  if (NEVER_ENDS.has(word.toLowerCase()) || INITIAL.test(word)) return 'continue';
  if (MAYBE_ENDS.has(word.toLowerCase()) || DOTTED.test(word)) return capitalFollows(next);
  return 'end';
}

function capitalFollows(next: string | undefined): Verdict {
  if (next === undefined) return 'wait';
  return CAPITAL.test(next) ? 'end' : 'continue';
}

function lastWord(text: string): string {
  const match = /(\S+)$/.exec(text);
  return match ? match[1].replace(LEADING_PUNCTUATION, '') : '';
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
