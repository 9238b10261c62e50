// Child output, one line at a time, behind a coloured fixed-width service name. pino's JSON lines
// are shortened to "time LEVEL msg key=value" so eight services stay readable in one terminal;
// `--raw` keeps the JSON as it is.
import { createInterface } from 'node:readline';

const COLOURS = [36, 35, 34, 33, 32, 96, 95, 94];
const LEVELS = { 10: ['TRACE', 90], 20: ['DEBUG', 90], 30: ['INFO ', 32], 40: ['WARN ', 33], 50: ['ERROR', 31], 60: ['FATAL', 41] };
// Fields every line carries, or that the prefix already shows.
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'name']);

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
  if (typeof entry.msg !== 'string' || typeof entry.level !== 'number') return undefined;
  const [label, colour] = LEVELS[entry.level] ?? [String(entry.level).padEnd(5), 0];
  const time = new Date(entry.time ?? Date.now()).toISOString().slice(11, 23);
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key) && key !== 'err')
    .map(([key, value]) => `${paint(90, key + '=')}${formatValue(value)}`);
  const error = entry.err ? formatError(entry.err, paint) : '';
  return [paint(90, time), paint(colour, label), entry.msg, ...fields].join(' ') + error;
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
