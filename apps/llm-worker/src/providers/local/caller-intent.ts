import { isStopword, spokenWords } from './text-terms';

/**
 * What the caller's last utterance asks of the agent, before any knowledge is searched:
 * - `unclear`: nothing but silence, hesitation or noise was recognised;
 * - `goodbye`: the caller is done ("bye", "that's all, thanks", "you can hang up", or a bare "no",
 *   which answers the agent's own "anything else?");
 * - `courtesy`: only thanks, greeting or assent ("thank you", "okay great", "hello?"), which needs
 *   no answer but a prompt to go on;
 * - `question`: anything else.
 */
export type CallerIntent = 'unclear' | 'goodbye' | 'courtesy' | 'question';

/** Closing phrases, as word sequences of `spokenWords`. */
const CLOSINGS = [
  'no',
  'nope',
  'not really',
  'bye',
  'goodbye',
  'good bye',
  "that's all",
  'that is all',
  "that's it",
  'that is it',
  'hang up',
  'nothing else',
  "i'm done",
  'i am done',
  "we're done",
  'talk to you later',
  'see you',
  'have a nice day',
  'have a good day',
  'no more questions',
].map((phrase) => phrase.split(' '));

/** Words that may surround a closing or make up a thank-you without asking for anything. */
const COURTESY = new Set(
  ('thanks thank you ok okay great perfect fine alright right good cool cheers much lot hello hi hey ' +
    'yes yeah yep sure well so then help all for your it that is').split(' '),
);

const GRATITUDE = new Set(['thanks', 'thank', 'cheers']);

export function callerIntent(utterance: string): CallerIntent {
  const words = spokenWords(utterance);
  if (words.length === 0) return 'unclear';
  const rest = withoutClosings(words);
  const saysNothingElse = rest.every((word) => COURTESY.has(word) || isStopword(word));
  if (rest.length < words.length && saysNothingElse) return 'goodbye';
  if (saysNothingElse && words.some((word) => COURTESY.has(word))) return 'courtesy';
  return 'question';
}

/** Whether the caller thanks the agent ("thank you"), which a reply acknowledges. */
export function expressesGratitude(utterance: string): boolean {
  return spokenWords(utterance).some((word) => GRATITUDE.has(word));
}

/** The words with every closing phrase removed. */
function withoutClosings(words: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const closing = CLOSINGS.find((phrase) => phrase.every((word, j) => words[i + j] === word));
    if (closing) i += closing.length;
    else kept.push(words[i++]);
  }
  return kept;
}
