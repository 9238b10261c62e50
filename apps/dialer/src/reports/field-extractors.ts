/** Patterns over the callee's lines, the only source of extracted facts. */
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const PHONE = /\+?\d[\d\s().-]{6,}\d/;
const WHEN =
  /\b(today|tonight|tomorrow|(next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\d{1,2}(:\d{2})?\s*(am|pm|a\.m\.|p\.m\.|o'clock)|(morning|afternoon|evening))\b/i;
const NUMBER = /\b\d+(?:[.,]\d+)?\b/;
const YES = /\b(yes|yeah|yep|sure|correct|confirm(ed)?|agree[d]?|of course|absolutely|that's right)\b/i;
const NO = /\b(no|nope|not really|don't|do not|never|cancel)\b/i;

type Extractor = (line: string) => string | null;

const match = (pattern: RegExp): Extractor => (line) => pattern.exec(line)?.[0].trim() ?? null;

/** A number that is not part of a phone number. */
const amount: Extractor = (line) => match(NUMBER)(line.replace(new RegExp(PHONE, 'g'), ' '));

/** Yes before no: "yes, no problem" confirms. */
const answer: Extractor = (line) => (YES.test(line) ? 'yes' : NO.test(line) ? 'no' : null);

/** Extractors chosen by words in the field's name, most specific first. */
const BY_NAME: readonly [RegExp, Extractor][] = [
  [/e-?mail/i, match(EMAIL)],
  [/phone|mobile|number_to_call|callback_number/i, match(PHONE)],
  [/date|day|time|when|slot/i, match(WHEN)],
  [/confirm|consent|agree|interested|approve|accept/i, answer],
  [/count|amount|number|quantity|age|price|total/i, amount],
];

/**
 * What the callee said for `field`, deterministically: a typed pattern chosen by the field's name
 * (an email for `email`, a day or time for `callback_time`, yes/no for `confirmed`), else the rest
 * of the first line that mentions the field's words. Null when nothing fits.
 */
export function extractField(field: string, calleeLines: readonly string[]): string | null {
  const typed = BY_NAME.find(([name]) => name.test(field))?.[1];
  if (typed) return firstOf(calleeLines, typed);
  return firstOf(calleeLines, afterMention(field));
}

function firstOf(lines: readonly string[], extract: Extractor): string | null {
  for (const line of lines) {
    const value = extract(line);
    if (value) return value;
  }
  return null;
}

/** `order_id` → the words after "order id" in a line such as "my order id is 12345". */
function afterMention(field: string): Extractor {
  const words = field.split(/[_\s-]+/).filter(Boolean).map(escape).join('\\s+');
  const pattern = new RegExp(`\\b${words}\\b(?:\\s+(?:is|was|=|:))?\\s*(.+)$`, 'i');
  return (line) => pattern.exec(line)?.[1]?.replace(/[.!?]+$/, '').trim() || null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
