/**
 * Cuts text into pieces flite renders one at a time. flite needs about 1 ms per character before it
 * returns any audio, so short pieces bring the first audio forward and let a barge-in stop between them.
 */

/** Ends a sentence: terminal punctuation, optionally closed by a quote or bracket, then whitespace. */
const SENTENCE_BREAK = /(?<=[.!?]["')\]]?)\s+/;

/** Words whose trailing period does not end a sentence ("Dr. Smith", "J. Doe"). */
const ABBREVIATION = /(?:^|\s)(?:mr|mrs|ms|dr|prof|sr|jr|st|vs|e\.g|i\.e|[a-z])\.$/i;

/** Where a long sentence can pause: after a comma, semicolon, colon or dash. */
const CLAUSE_BREAK = /[,;:\u2013\u2014](?=\s)/g;

/** Shortest piece worth a pause of its own when cutting at a clause. */
const MIN_CLAUSE_CHARS = 20;

export function splitForSpeech(text: string, maxChars: number): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => joinAbbreviations(line.replace(/\s+/g, ' ').trim().split(SENTENCE_BREAK)))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence))
    .flatMap((sentence) => splitLong(sentence, maxChars));
}

function joinAbbreviations(parts: string[]): string[] {
  const sentences: string[] = [];
  for (const part of parts) {
    const last = sentences.length - 1;
    if (last >= 0 && ABBREVIATION.test(sentences[last])) sentences[last] += ` ${part}`;
    else sentences.push(part);
  }
  return sentences;
}

/** Cuts at the last clause break that fits, else the last space, else hard at `maxChars`. */
function splitLong(sentence: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const cut = clauseCut(rest, maxChars) ?? spaceCut(rest, maxChars) ?? maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function clauseCut(text: string, maxChars: number): number | null {
  let cut: number | null = null;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    const end = match.index + 1;
    if (end > maxChars) break;
    if (end >= MIN_CLAUSE_CHARS) cut = end;
  }
  return cut;
}

function spaceCut(text: string, maxChars: number): number | null {
  const space = text.lastIndexOf(' ', maxChars);
  return space > 0 ? space : null;
}
