const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 0–99 as words, the way a speech engine spells what it hears ("30" → "thirty"). */
function numberWords(digits: string): string {
  const n = Number(digits);
  if (n < 20) return ONES[n];
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${ONES[n % 10]}` : ''}`;
  return digits;
}

/**
 * Lower-case words without punctuation and with digits spelled out, so a text and what a
 * recogniser heard of its speech compare word for word.
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\b(\d{1,2})\b/g, (digits) => ` ${numberWords(digits)} `)
    .replace(/[^a-z' ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Word error rate of `heard` against `expected`: word-level edit distance / expected words. */
export function wordErrorRate(expected: string, heard: string): number {
  const ref = words(expected);
  const hyp = words(heard);
  if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
  let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = previous[j - 1] + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    previous = current;
  }
  return previous[hyp.length] / ref.length;
}
