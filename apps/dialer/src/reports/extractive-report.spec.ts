import { extractiveReport, type ReportLine } from './extractive-report';
import { extractField } from './field-extractors';

const agent = (text: string): ReportLine => ({ role: 'assistant', text });
const callee = (text: string): ReportLine => ({ role: 'user', text });

describe('extractive call report', () => {
  const lines = [
    agent('Hello John, this is Acme calling about order 12345.'),
    callee('Yes, hi. Please call me back tomorrow at 3 pm.'),
    agent('Of course. Which email should we use?'),
    callee('It is john.doe@example.com and my order id is 12345.'),
  ];

  it('summarizes the opening and the callee in their own words, and is the same every time', () => {
    const report = extractiveReport({ lines, reason: 'AGENT_ENDED', extractFields: [] });
    expect(report.summary).toContain('Hello John, this is Acme calling about order 12345.');
    expect(report.summary).toContain('Please call me back tomorrow at 3 pm.');
    expect(report).toMatchObject({ outcome: 'completed', generatedBy: 'extractive', extracted: {} });
    expect(extractiveReport({ lines, reason: 'AGENT_ENDED', extractFields: [] })).toEqual(report);
  });

  it('extracts the fields the task named, null for what was never said', () => {
    const report = extractiveReport({
      lines,
      reason: 'HANGUP',
      extractFields: ['email', 'callback_time', 'confirmed', 'order_id', 'delivery_address'],
    });
    expect(report.extracted).toEqual({
      email: 'john.doe@example.com',
      callback_time: 'tomorrow',
      confirmed: 'yes',
      order_id: '12345',
      delivery_address: null,
    });
  });

  it.each([
    ['PLATFORM_ERROR', lines, 'failed'],
    ['HANGUP', [agent('Hello?')], 'no_response'],
    ['HANGUP', [agent('Hello?'), callee('Please leave a message after the tone.')], 'in_voicemail'],
  ] as const)('reports a call ended by %s with those lines as %s', (reason, callLines, outcome) => {
    expect(extractiveReport({ lines: callLines, reason, extractFields: [] }).outcome).toBe(outcome);
  });

  it('finds phone numbers, amounts and refusals by the field name', () => {
    const said = ['No, I am not interested.', 'Call +1 415 555 0100 instead, I need 3 boxes.'];
    expect(extractField('callback_number', said)).toBe('+1 415 555 0100');
    expect(extractField('quantity', said)).toBe('3');
    expect(extractField('interested', said)).toBe('no');
  });

  it.each([
    ['machine_start', 'in_voicemail'],
    ['machine_end_beep', 'in_voicemail'],
    ['fax', 'in_voicemail'],
    ['machine', 'in_voicemail'], // the gateway's detector
    ['unknown', 'completed'],
    ['human', 'completed'],
    [null, 'completed'],
  ] as const)("reports a call the carrier's AMD says %s answered as %s", (answeredBy, outcome) => {
    const lines = [{ role: 'user' as const, text: 'Hello?' }];
    expect(extractiveReport({ lines, reason: 'HANGUP', extractFields: [], answeredBy }).outcome).toBe(outcome);
    expect(extractiveReport({ lines, reason: 'PLATFORM_ERROR', extractFields: [], answeredBy }).outcome).toBe('failed');
  });
});
