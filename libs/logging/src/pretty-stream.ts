import type { DestinationStream } from 'pino';

const HIDDEN = new Set(['level', 'time', 'service', 'msg', 'pid', 'hostname', 'err']);

/**
 * A one-line-per-entry human format for a developer's terminal (LOG_PRETTY=true). Production
 * keeps the JSON; this only reformats it, so both show the same fields and redactions.
 */
export function prettyStream(out: { write(text: string): unknown }): DestinationStream {
  return { write: (line: string) => out.write(formatLine(line)) };
}

export function formatLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 23) : '';
  const level = String(entry['level'] ?? '').toUpperCase().padEnd(5);
  const fields = Object.entries(entry)
    .filter(([name]) => !HIDDEN.has(name))
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [time, level, `[${String(entry['service'])}]`, String(entry['msg'] ?? ''), ...fields].join(' ');
  return `${head}\n${errorStack(entry['err'])}`;
}

function errorStack(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const stack = (err as { stack?: unknown }).stack;
  return typeof stack === 'string' ? `${stack}\n` : '';
}
