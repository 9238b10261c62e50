import { formatLine } from './pretty-stream';

describe('formatLine', () => {
  it('puts time, level, service and message first, then the other fields', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2026-01-02T03:04:05.678Z',
      service: 'gateway',
      pid: 7,
      msg: 'turn timed out',
      call_id: 'c1',
      figures: { turns: 3 },
    });
    expect(formatLine(line)).toBe('03:04:05.678 WARN  [gateway] turn timed out call_id=c1 figures={"turns":3}\n');
  });

  it('prints an error stack on the lines below', () => {
    const line = JSON.stringify({
      level: 'error',
      time: '2026-01-02T03:04:05.678Z',
      service: 'stt',
      msg: 'failed',
      err: { stack: 'Error: x\n    at y' },
    });
    expect(formatLine(line)).toBe('03:04:05.678 ERROR [stt] failed\nError: x\n    at y\n');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatLine('plain text\n')).toBe('plain text\n');
  });
});
