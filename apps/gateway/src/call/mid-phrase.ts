/**
 * Words a spoken sentence almost never ends on: conjunctions, articles, prepositions, auxiliaries,
 * possessives and fillers. A caller whose latest words end on one of them is pausing mid-phrase
 * ("I'd like to book a table for, um ..."), so the turn waits longer before it ends.
 */
const CONTINUATION_WORDS = new Set([
  // conjunctions and subordinators
  'and', 'or', 'but', 'so', 'because', 'if', 'when', 'while', 'than', 'that', 'which', 'who',
  // articles and determiners
  'a', 'an', 'the', 'this', 'these', 'those', 'some', 'any', 'every',
  // prepositions
  'to', 'of', 'for', 'with', 'in', 'on', 'at', 'from', 'about', 'into', 'by', 'as', 'like',
  // possessives and a subject with nothing after it
  'my', 'your', 'our', 'their', 'his', 'her', 'its', 'i',
  // auxiliaries and modals
  'is', 'are', 'was', 'were', 'am', 'be', 'have', 'has', 'had', 'do', 'does', 'did',
  'can', 'could', 'would', 'will', 'should', 'shall', 'may', 'might', 'must',
  // fillers
  'um', 'uh', 'er', 'erm', 'hmm',
]);

/** True when the transcript so far ends on a word that leaves the phrase unfinished. */
export function endsMidPhrase(transcript: string): boolean {
  const words = transcript.toLowerCase().match(/[a-z']+/g);
  const last = words?.[words.length - 1];
  return last !== undefined && CONTINUATION_WORDS.has(last);
}
