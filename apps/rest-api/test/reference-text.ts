import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads the reference documents' examples, so the tests run what the documents print. */

/** One `curl` command of a reference document, as curl would send it. */
export interface CurlExample {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  /** The command as the document prints it, for test names and failure messages. */
  readonly source: string;
}

const REFERENCE_DIR = path.resolve(__dirname, '../../../../shared/reference');

/** The text of the reference document whose name starts with `prefix` (e.g. `002_`). */
export function readReference(prefix: string, dir = REFERENCE_DIR): string {
  const name = readdirSync(dir).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no reference document ${prefix}* in ${dir}`);
  return readFileSync(path.join(dir, name), 'utf8');
}

/**
 * The lines of `text` after the line `heading` and before the next line `nextHeading` (both
 * matched whole, spaces trimmed), without the blank lines around them.
 */
export function section(text: string, heading: string, nextHeading: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  const end = lines.findIndex((line, i) => i > start && line.trim() === nextHeading);
  if (start < 0 || end < 0) throw new Error(`no section "${heading}" … "${nextHeading}" in the document`);
  return lines.slice(start + 1, end).join('\n').trim();
}

/** Every `curl` command in `text` that starts a line, in document order. */
export function curlExamples(text: string): CurlExample[] {
  const examples: CurlExample[] = [];
  for (const match of text.matchAll(/^[ \t]*curl[ \t]/gm)) {
    const start = (match.index ?? 0) + match[0].indexOf('curl');
    const { words, end } = shellWords(text, start);
    examples.push(toExample(words.slice(1), text.slice(start, end)));
  }
  return examples;
}

/**
 * Splits one shell command into words the way sh does for the quoting these documents use:
 * '…' literal, "…" with backslash escapes, a backslash-newline continues the line.
 */
function shellWords(text: string, start: number): { words: string[]; end: number } {
  const words: string[] = [];
  let word: string | undefined;
  let i = start;
  const push = (chars: string) => (word = (word ?? '') + chars);
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') break;
    if (ch === '\\' && text[i + 1] === '\n') i++;
    else if (ch === '\\') push(text[++i] ?? '');
    else if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      push(text.slice(i + 1, close));
      i = close;
    } else if (ch === '"') i = doubleQuoted(text, i + 1, push);
    else if (ch === ' ' || ch === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else push(ch);
  }
  if (word !== undefined) words.push(word);
  return { words, end: i };
}

function doubleQuoted(text: string, from: number, push: (chars: string) => void): number {
  let i = from;
  for (; i < text.length && text[i] !== '"'; i++) {
    if (text[i] === '\\' && '"\\$`'.includes(text[i + 1])) push(text[++i]);
    else if (text[i] === '\\' && text[i + 1] === '\n') i++;
    else push(text[i]);
  }
  return i;
}

const DATA_FLAGS = new Set(['-d', '--data', '--data-raw', '--data-binary']);

function toExample(args: string[], source: string): CurlExample {
  let method: string | undefined;
  let url = '';
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-X' || arg === '--request') method = args[++i];
    else if (arg === '-H' || arg === '--header') {
      const header = args[++i];
      const colon = header.indexOf(':');
      headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (DATA_FLAGS.has(arg)) body = args[++i];
    else if (arg === '-o' || arg === '--output') i++;
    else if (!arg.startsWith('-')) url = arg;
    else throw new Error(`curl option ${arg} is not understood: ${source}`);
  }
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, body, source };
}
