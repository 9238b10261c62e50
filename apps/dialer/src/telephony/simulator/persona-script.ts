/** What the simulated callee says when the task gives no script: a question, then goodbye. */
export const DEFAULT_SCRIPT: readonly string[] = ['Hello. What are your business hours?', 'Thank you, goodbye.'];

/** Lines longer than this are cut: each is spoken in one breath, in real time. */
const MAX_LINE_CHARS = 300;
const MAX_LINES = 20;

/**
 * The callee's lines from the task's `context_data.simulator.script` (strings, in order), else
 * the default script. Blank or non-string entries are skipped.
 */
export function personaScript(contextData: Readonly<Record<string, unknown>> | null): string[] {
  const simulator = contextData?.['simulator'];
  const script = typeof simulator === 'object' && simulator !== null ? (simulator as Record<string, unknown>)['script'] : [];
  const lines = Array.isArray(script) ? script.filter(isSpoken).map((line) => line.trim().slice(0, MAX_LINE_CHARS)) : [];
  return lines.length > 0 ? lines.slice(0, MAX_LINES) : [...DEFAULT_SCRIPT];
}

function isSpoken(line: unknown): line is string {
  return typeof line === 'string' && line.trim() !== '';
}
