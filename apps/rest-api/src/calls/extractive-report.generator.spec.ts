import type { TranscriptLine } from './call-transcript';
import { extractiveReport, type ReportInput } from './extractive-report.generator';

const now = new Date('2026-03-31T10:05:00.000Z');
const line = (seq: number, role: TranscriptLine['role'], text: string): TranscriptLine => ({
  seq,
  role,
  text,
  interrupted: false,
  at: new Date(Date.UTC(2026, 2, 31, 10, 0, seq)),
});

const conversation: TranscriptLine[] = [
  line(0, 'agent', 'Hello, thanks for calling Acme. How can I help?'),
  line(1, 'user', 'Hi. I want to change the delivery address of my order.'),
  line(2, 'agent', 'Sure. What is the new delivery address for the order?'),
  line(3, 'user', 'It is 12 Park Lane, London.'),
  line(4, 'agent', 'Done, the order will ship to 12 Park Lane. Goodbye!'),
];
const ended: ReportInput = { lines: conversation, endReason: 'AGENT_ENDED', durationMs: 83_400, turns: 2 };

describe('extractive call report', () => {
  it('summarizes the caller request, the last answer and how the call ended', () => {
    const report = extractiveReport(ended, now);

    expect(report).toMatchObject({ outcome: 'completed', extracted: {}, generatedBy: 'extractive' });
    expect(report.summary).toBe(
      'The caller said: "I want to change the delivery address of my order." ' +
        'The agent last said: "Done, the order will ship to 12 Park Lane." ' +
        'The call ended when the agent closed the conversation after 1m 23s and 2 turns.',
    );
    expect(report.generatedAt).toBe(now.toISOString());
  });

  it('picks at most three key sentences, those about what the call was about, in transcript order', () => {
    const points = extractiveReport(ended, now).keyPoints ?? [];

    expect(points.length).toBeLessThanOrEqual(3);
    expect(points).toContain('What is the new delivery address for the order?');
    const order = points.map((p) => conversation.findIndex((l) => l.text.includes(p)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('is deterministic: the same call gives the same report', () => {
    expect(extractiveReport(ended, now)).toEqual(extractiveReport({ ...ended, lines: [...conversation] }, now));
  });

  it.each([
    ['HANGUP', 'completed'],
    ['MAX_TURNS_REACHED', 'completed'],
    ['KICKED', 'completed'],
    ['CANCELLED', 'failed'],
    ['PLATFORM_ERROR', 'failed'],
    ['BALANCE_EXHAUSTED', 'failed'],
  ] as const)('gives the outcome of a call ended by %s: %s', (endReason, outcome) => {
    expect(extractiveReport({ ...ended, endReason }, now).outcome).toBe(outcome);
  });

  it('calls a call where the caller never spoke no_response', () => {
    const silent = [...conversation.slice(0, 1), line(1, 'user', 'Um.')];
    const report = extractiveReport({ ...ended, lines: silent, endReason: 'SILENCE_TIMEOUT' }, now);

    expect(report.outcome).toBe('no_response');
    expect(report.summary).toMatch(/^The caller said nothing\./);
  });

  it('says when the call ended on a limit', () => {
    const report = extractiveReport({ ...ended, endReason: 'MAX_DURATION_REACHED', durationMs: 600_000 }, now);

    expect(report.summary).toMatch(/The call ended at the maximum duration after 10m 0s and 2 turns\.$/);
  });
});
