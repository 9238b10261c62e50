import { type TranscriptLine, transcriptEntries, transcriptText } from './call-transcript';

const start = new Date('2026-03-31T10:00:00.000Z');
const line = (seq: number, role: TranscriptLine['role'], text: string, offsetMs: number): TranscriptLine => ({
  seq,
  role,
  text,
  interrupted: false,
  at: new Date(start.getTime() + offsetMs),
});

describe('call transcript', () => {
  const lines = [
    line(0, 'user', 'Hello', 0),
    line(1, 'agent', 'Hi! How can I help you today?', 1_200),
    line(2, 'user', 'I need to update my billing info', 5_900),
  ];

  it('counts each entry from the start of the call, as reference 004 shows', () => {
    expect(transcriptEntries(lines, start)).toEqual([
      { speaker: 'user', content: 'Hello', timestamp_ms: 0, interrupted: false, created_at: '2026-03-31T10:00:00.000Z' },
      expect.objectContaining({ speaker: 'agent', timestamp_ms: 1_200 }),
      expect.objectContaining({ speaker: 'user', timestamp_ms: 5_900 }),
    ]);
  });

  it('counts from the first line while the start of the call is unknown', () => {
    const later = [line(0, 'user', 'Hi', 3_000), line(1, 'agent', 'Hello', 4_500)];
    expect(transcriptEntries(later, null).map((entry) => entry.timestamp_ms)).toEqual([0, 1_500]);
  });

  it('writes the [mm:ss] Speaker: text lines of reference 004', () => {
    expect(transcriptText(transcriptEntries(lines, start))).toBe(
      ['[00:00] User: Hello', '[00:01] Agent: Hi! How can I help you today?', '[00:05] User: I need to update my billing info'].join(
        '\n',
      ),
    );
  });

  it('keeps counting minutes past the hour', () => {
    expect(transcriptText(transcriptEntries([line(0, 'agent', 'Still here', 75 * 60_000 + 2_000)], start))).toBe(
      '[75:02] Agent: Still here',
    );
  });
});
