import type { LlmReportRequest } from '@parley/contracts';

/** A transcript this long is cut from the middle: openings and endings say most about a call. */
const MAX_TRANSCRIPT_CHARS = 24_000;

const INSTRUCTIONS = [
  'You write the report of a finished phone call between an AI agent and a callee.',
  'Answer with one JSON object and nothing else, with exactly these keys:',
  '"summary": two to four sentences on what was said and agreed, in the call\'s language;',
  '"outcome": one of "completed", "no_response" (the callee never spoke), "in_voicemail" (an answering machine), "failed" (the call broke off);',
  '"fields": an object with one key per requested field, each the callee\'s answer as a short string, or null when it was not said.',
  'Use only what the transcript says; never invent a value.',
].join('\n');

/** The chat messages of a report request: instructions, then the transcript and what to extract. */
export function reportMessages(request: LlmReportRequest): { role: 'system' | 'user'; content: string }[] {
  const transcript = clipMiddle(request.lines.map((line) => `${line.role === 'user' ? 'Callee' : 'Agent'}: ${line.text}`).join('\n'));
  const user = [
    `The call ended with reason ${request.reason}.`,
    `Requested fields: ${request.fields.length > 0 ? JSON.stringify(request.fields) : 'none (answer "fields": {})'}.`,
    'Transcript:',
    transcript || '(nothing was said)',
  ].join('\n');
  return [
    { role: 'system', content: INSTRUCTIONS },
    { role: 'user', content: user },
  ];
}

function clipMiddle(text: string): string {
  if (text.length <= MAX_TRANSCRIPT_CHARS) return text;
  const half = MAX_TRANSCRIPT_CHARS / 2;
  return `${text.slice(0, half)}\n[…]\n${text.slice(-half)}`;
}
