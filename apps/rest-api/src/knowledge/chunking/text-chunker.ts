/** How a knowledge base cuts text: at most `size` characters a chunk, `overlap` repeated from the previous one. */
export interface ChunkOptions {
  readonly size: number;
  readonly overlap: number;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n+/;
/** After `.`, `!` or `?` (optionally closing quotes or brackets) and before whitespace. */
const SENTENCE_END = /(?<=[.!?]["')\]]?)\s+/;

/** A sentence (or a piece of an overlong one) and whether a paragraph starts with it. */
interface Unit {
  readonly text: string;
  readonly paragraphStart: boolean;
}

/**
 * Splits prose into chunks of at most `size` characters that end at sentence or paragraph
 * boundaries whenever a sentence fits; a sentence longer than `size` is cut at word boundaries
 * (at `size` characters for a word longer than that). Each chunk after the first starts with the
 * previous chunk's last whole sentences fitting in `overlap` characters, or with its last words
 * when no whole sentence fits.
 */
export function chunkText(text: string, options: ChunkOptions): string[] {
  const chunks: string[] = [];
  let current = '';
  let carried = '';
  for (const unit of unitsOf(text, options.size)) {
    const joined = join(current, unit);
    if (joined.length <= options.size) {
      current = joined;
      continue;
    }
    if (current !== carried) chunks.push(current);
    carried = overlapOf(current, options.overlap);
    const withOverlap = join(carried, unit);
    current = withOverlap.length <= options.size ? withOverlap : unit.text;
    if (current === unit.text) carried = '';
  }
  if (current && current !== carried) chunks.push(current);
  return chunks;
}

function join(current: string, unit: Unit): string {
  if (!current) return unit.text;
  return `${current}${unit.paragraphStart ? '\n\n' : ' '}${unit.text}`;
}

function unitsOf(text: string, size: number): Unit[] {
  const units: Unit[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(PARAGRAPH_BREAK)) {
    const sentences = paragraph
      .split(SENTENCE_END)
      .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    sentences.forEach((sentence, index) => {
      splitLong(sentence, size).forEach((piece, part) => {
        units.push({ text: piece, paragraphStart: index === 0 && part === 0 });
      });
    });
  }
  return units;
}

/** A sentence longer than `size`, cut at word boundaries (and a word longer than `size`, at `size`). */
function splitLong(sentence: string, size: number): string[] {
  if (sentence.length <= size) return [sentence];
  const pieces: string[] = [];
  let piece = '';
  for (const word of sentence.split(' ')) {
    for (let start = 0; start < word.length; start += size) {
      const part = word.slice(start, start + size);
      const joined = piece ? `${piece} ${part}` : part;
      if (joined.length <= size) piece = joined;
      else {
        pieces.push(piece);
        piece = part;
      }
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The end of `chunk` to repeat at the start of the next: whole sentences if any fit, else whole words. */
function overlapOf(chunk: string, overlap: number): string {
  if (overlap <= 0 || !chunk) return '';
  const sentences = chunk.split(SENTENCE_END);
  let tail = '';
  for (let i = sentences.length - 1; i >= 0; i--) {
    const candidate = tail ? `${sentences[i]} ${tail}` : (sentences[i] ?? '');
    if (candidate.length > overlap) break;
    tail = candidate;
  }
  if (tail && tail !== chunk) return tail.replace(/\s+/g, ' ').trim();
  const end = chunk.slice(-overlap);
  const firstSpace = end.indexOf(' ');
  return (firstSpace >= 0 && end.length === overlap ? end.slice(firstSpace + 1) : end).replace(/\s+/g, ' ').trim();
}
