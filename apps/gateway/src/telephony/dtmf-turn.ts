/**
 * The caller turn a keypad digit becomes: the agent's `dtmf_rules` entry for the digit when it
 * is text (`{"1": "I want to speak to sales"}`), otherwise `[DTMF <digit>]`, which the LLM reads
 * as the caller pressing that key.
 */
export function dtmfTurnText(rules: Readonly<Record<string, unknown>> | undefined, digit: string): string {
  const rule = rules?.[digit];
  if (typeof rule === 'string' && rule.trim()) return rule.trim();
  return `[DTMF ${digit}]`;
}

/** Keys a phone keypad can send (RFC 4733 events 0-15). */
const DTMF_DIGIT = /^[0-9*#A-D]$/;

export function isDtmfDigit(value: unknown): value is string {
  return typeof value === 'string' && DTMF_DIGIT.test(value);
}
