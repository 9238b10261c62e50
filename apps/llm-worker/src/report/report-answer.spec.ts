import type { LlmReportRequest } from '@parley/contracts';
import { parseReportAnswer } from './report-answer';
import { reportMessages } from './report-prompt';

const request: LlmReportRequest = {
  callId: 'c1',
  orgId: 'o1',
  llm: { provider: 'openai', model: 'gpt-4o-mini' },
  lines: [
    { role: 'assistant', text: 'Hello, this is Acme.' },
    { role: 'user', text: 'Call me back at 3 pm, my email is ada@example.com.' },
  ],
  reason: 'HANGUP',
  fields: ['email', 'callback_time', 'budget'],
};

describe('report answer', () => {
  it('keeps exactly the requested fields, null for the missing, strings for numbers', () => {
    const content = JSON.stringify({
      summary: 'The callee asked for a call back.',
      outcome: 'completed',
      fields: { email: 'ada@example.com', callback_time: 15, invented: 'x' },
    });
    expect(parseReportAnswer(content, request, 'openai:gpt-4o-mini')).toEqual({
      summary: 'The callee asked for a call back.',
      outcome: 'completed',
      fields: { email: 'ada@example.com', callback_time: '15', budget: null },
      generatedBy: 'openai:gpt-4o-mini',
    });
  });

  it.each([
    ['not JSON', 'Sure! Here is the report: ...'],
    ['an unknown outcome', JSON.stringify({ summary: 'x', outcome: 'great', fields: {} })],
    ['an empty summary', JSON.stringify({ summary: ' ', outcome: 'completed' })],
    ['nothing', null],
  ])('refuses %s', (_, content) => {
    expect(parseReportAnswer(content, request, 'openai:m')).toBeNull();
  });

  it('asks for the fields by name, with the transcript and the ending', () => {
    const [system, user] = reportMessages(request);
    expect(system.content).toContain('"outcome"');
    expect(user.content).toContain('["email","callback_time","budget"]');
    expect(user.content).toContain('Callee: Call me back at 3 pm');
    expect(user.content).toContain('reason HANGUP');
  });
});
