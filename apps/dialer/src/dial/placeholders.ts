/** `{{ name }}`: letters, digits, `_`, `.` and `-`, spaces around the name allowed. */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

/** Keys of `context_data` meant for the telephony provider, not the agent (the simulator's script). */
const PROVIDER_KEYS = new Set(['simulator']);

/** How much of the context the system prompt carries at most; the rest is cut. */
const MAX_CONTEXT_CHARS = 4_000;

export type ContextData = Readonly<Record<string, unknown>>;

/**
 * Fills `{{name}}` from `data`: strings as they are, other values as JSON, unknown names and
 * null/undefined values with nothing (a caller must never hear "{{customer_name}}").
 */
export function fillPlaceholders(text: string, data: ContextData | null): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => stringify(data?.[name]));
}

/**
 * The context as a short block for the system prompt, one `name: value` line per entry in name
 * order (jsonb keeps no order), so the LLM can use facts no placeholder named. Empty when there
 * is nothing to tell.
 */
export function callContextBlock(data: ContextData | null): string {
  const lines = Object.entries(data ?? {})
    .filter(([name, value]) => !PROVIDER_KEYS.has(name) && value !== null && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `- ${name}: ${stringify(value)}`);
  if (lines.length === 0) return '';
  return `Call context:\n${lines.join('\n')}`.slice(0, MAX_CONTEXT_CHARS);
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
