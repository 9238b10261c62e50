// Child output, one line at a time, behind a coloured fixed-width service name. pino's JSON lines
// are shortened to "time LEVEL msg key=value" so eight services stay readable in one terminal;
// `--raw` keeps the JSON as it is.
import { createInterface } from 'node:readline';

const COLOURS = [36, 35, 34, 33, 32, 96, 95, 94];
// pino writes levels as numbers by default, as labels when configured to; both are read.
const LEVEL_COLOURS = { trace: 90, debug: 90, info: 32, warn: 33, error: 31, fatal: 41 };
const LEVEL_NAMES = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
// Fields every line carries, that the prefix already shows, or that get a place of their own.
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'name', 'context', 'err']);

export function makePaint(enabled) {
  return (code, text) => (enabled ? `\x1b[${code}m${text}\x1b[0m` : text);
}

function formatValue(value) {
  if (typeof value === 'string') return /[\s="]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

function formatError(err, paint) {
  const stack = typeof err?.stack === 'string' ? err.stack : `${err?.type ?? 'Error'}: ${err?.message ?? ''}`;
  return '\n' + paint(31, stack.split('\n').map((line) => `    ${line}`).join('\n'));
}

/** A pino line made short, or undefined when the line is not pino JSON. */
export function prettyLine(line, paint) {
  if (!line.startsWith('{')) return undefined;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof entry.msg !== 'string' || entry.level === undefined) return undefined;
  const level = LEVEL_NAMES[entry.level] ?? String(entry.level);
  const time = new Date(entry.time ?? Date.now());
  const clock = Number.isNaN(time.getTime()) ? String(entry.time) : time.toISOString().slice(11, 23);
  const context = entry.context ? paint(90, `[${entry.context}]`) : undefined;
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${paint(90, key + '=')}${formatValue(value)}`);
  const error = entry.err ? formatError(entry.err, paint) : '';
  const parts = [paint(90, clock), paint(LEVEL_COLOURS[level] ?? 0, level.toUpperCase().padEnd(5)), context, entry.msg, ...fields];
  return parts.filter(Boolean).join(' ') + error;
}

/** Pipes a child's stdout and stderr to ours, each line behind the service's name. */
export function prefixOutput({ child, name, index, width, raw, paint }) {
  const prefix = paint(COLOURS[index % COLOURS.length], name.padEnd(width)) + ' │ ';
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const text = (raw ? undefined : prettyLine(line, paint)) ?? line;
      process.stdout.write(prefix + text.replaceAll('\n', '\n' + prefix) + '\n');
    });
  }
}
