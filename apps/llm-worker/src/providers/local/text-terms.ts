/**
 * Words and search terms of English text, for matching what a caller said against the agent's
 * knowledge. Transcripts come from speech recognition: no reliable case or punctuation, so both
 * are ignored.
 */

const WORD = /[\p{L}\p{N}]+(?:'\p{L}+)?/gu;

/** Words that say nothing about what the caller wants. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are aren as at be been before being below ' +
    'between both but by can cannot could couldn did didn do does doesn doing don down during each few for ' +
    'from further get got had hadn has hasn have haven having he her here hers herself him himself his how ' +
    'i if in into is isn it its itself just let me more most much my myself no nor not now of off on once ' +
    'only or other our ours ourselves out over own please same she should shouldn so some such tell than ' +
    'that the their theirs them themselves then there these they this those through to too under until up ' +
    'very want was wasn we were weren what when where which while who whom why will with won would wouldn ' +
    'you your yours yourself yourselves know like need hi hello hey ok okay yes yeah thanks thank really ' +
    'maybe there\'s something anything everything thing things stuff'
  ).split(' '),
);

/** Hesitations and noise markers a recogniser emits when nobody said anything. */
const FILLERS = new Set(['um', 'uh', 'erm', 'er', 'ah', 'eh', 'hmm', 'mm', 'mhm', 'huh', 'oh', 'noise']);

/** Lower-case words, apostrophes kept ("that's"), typographic apostrophes made plain. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, "'").match(WORD) ?? [];
}

/** Words left once hesitations and noise markers are removed. */
export function spokenWords(text: string): string[] {
  return words(text).filter((word) => !FILLERS.has(word));
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || STOPWORDS.has(word.split("'")[0]);
}

/** The stems of the content words: what a search matches on. */
export function searchTerms(text: string): string[] {
  return spokenWords(text)
    .filter((word) => !isStopword(word))
    .map((word) => stem(word.split("'")[0]));
}

/**
 * A light suffix stripper: enough that "shipping", "shipped" and "ships" meet at "ship", and
 * "closed", "closing" and "close" at "clos". Both sides of a match go through it, so a stem only
 * has to be consistent, not a real word.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = /(?:ing|ed|ly)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) w = undouble(w.slice(0, -suffix[0].length));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** "shipp" → "ship", but "call" stays: l, s and z double in the base word itself. */
function undouble(w: string): string {
  return /([^aeiouylsz])\1$/.test(w) ? w.slice(0, -1) : w;
}
