import { type CallEndReason, type CallOutcome, type CallReport, isFailedEnding } from '@parley/contracts';
import { extractField } from './field-extractors';

export interface ReportLine {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

export interface ReportInput {
  readonly lines: readonly ReportLine[];
  readonly reason: CallEndReason;
  readonly extractFields: readonly string[];
  /** Who picked up: Twilio's `AnsweredBy`, or the gateway's verdict (see `whoAnswered`). */
  readonly answeredBy?: string | null;
}

const VOICEMAIL = /\b(leave (a|your) message|voice ?mail|after the (tone|beep)|not available to take your call)\b/i;
/** A machine: Twilio's machine_start, machine_end_beep/silence/other and fax; the gateway's machine. */
const MACHINE = /^(machine(_|$)|fax$)/;
const SUMMARY_CHARS = 600;

/**
 * The deterministic report of the `local` provider: built only from what was said, so the same
 * transcript always gives the same report and nothing is invented.
 */
export function extractiveReport({ lines, reason, extractFields, answeredBy }: ReportInput): CallReport {
  const callee = lines.filter((line) => line.role === 'user').map((line) => line.text.trim()).filter(Boolean);
  const extracted = Object.fromEntries(extractFields.map((field) => [field, extractField(field, callee)]));
  return { summary: summaryOf(lines, callee), outcome: outcomeOf(reason, callee, answeredBy), extracted, generatedBy: 'extractive' };
}

function outcomeOf(reason: CallEndReason, callee: readonly string[], answeredBy?: string | null): CallOutcome {
  if (isFailedEnding(reason)) return 'failed';
  if (answeredBy && MACHINE.test(answeredBy)) return 'in_voicemail';
  if (callee.length === 0) return 'no_response';
  if (VOICEMAIL.test(callee[0])) return 'in_voicemail';
  return 'completed';
}

/** The agent's opening, then what the callee said, in their words. */
function summaryOf(lines: readonly ReportLine[], callee: readonly string[]): string {
  const opening = lines.find((line) => line.role === 'assistant')?.text.trim();
  const parts = [
    opening ? `The agent opened with: "${opening}"` : 'The agent did not speak.',
    callee.length > 0 ? `The callee said: "${callee.join(' ')}"` : 'The callee said nothing.',
    `${lines.length} lines in all.`,
  ];
  return clip(parts.join(' '), SUMMARY_CHARS);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
