import { callReportedEventSchema } from './call-reported.schema';
import { callEndedEventSchema, type CallLatency } from './call-ended.schema';
import { callStartedEventSchema } from './call-started.schema';
import { recordingStartedEventSchema } from './recording-started.schema';
import { recordingStoppedEventSchema } from './recording-stopped.schema';
import { transcriptAppendedEventSchema } from './transcript-appended.schema';

const at = '2026-03-31T10:00:00.000Z';

describe('call.started event', () => {
  const event = {
    callId: 'c1',
    orgId: 'o1',
    agentId: 'a1',
    keyId: 'k1',
    direction: 'inbound',
    channel: 'raw',
    startedAt: at,
  };

  it('accepts an inbound call and an outbound call from a task', () => {
    expect(callStartedEventSchema.parse(event)).toEqual(event);
    expect(
      callStartedEventSchema.safeParse({ ...event, direction: 'outbound', taskId: 'task_1', to: '+15550100' }).success,
    ).toBe(true);
  });

  it('rejects an unknown direction and a start time without zone', () => {
    expect(callStartedEventSchema.safeParse({ ...event, direction: 'sideways' }).success).toBe(false);
    expect(callStartedEventSchema.safeParse({ ...event, startedAt: '2026-03-31 10:00' }).success).toBe(false);
  });
});

describe('transcript.appended event', () => {
  const event = { callId: 'c1', orgId: 'o1', seq: 4, role: 'assistant', text: 'Sure, let me', interrupted: true, at };

  it('accepts a caller or agent line', () => {
    expect(transcriptAppendedEventSchema.parse(event)).toEqual(event);
    expect(transcriptAppendedEventSchema.safeParse({ ...event, role: 'user', interrupted: undefined }).success).toBe(
      true,
    );
  });

  it('rejects a system line and a missing sequence', () => {
    expect(transcriptAppendedEventSchema.safeParse({ ...event, role: 'system' }).success).toBe(false);
    expect(transcriptAppendedEventSchema.safeParse({ ...event, seq: undefined }).success).toBe(false);
  });
});

describe('call.ended event', () => {
  const stats = { count: 6, p50: 420, p95: 780, max: 810 };
  const latency: CallLatency = {
    sttMs: stats,
    llmFirstSentenceMs: stats,
    ttsFirstAudioMs: stats,
    voiceToVoiceMs: stats,
  };
  const event = {
    callId: 'c1',
    orgId: 'o1',
    agentId: 'a1',
    reason: 'MAX_TURNS_REACHED',
    durationMs: 61000,
    turns: 20,
    endedAt: at,
    latency,
  };

  it('accepts per-stage latency, null for a stage that never ran', () => {
    expect(callEndedEventSchema.parse(event)).toEqual(event);
    expect(callEndedEventSchema.safeParse({ ...event, latency: { ...latency, sttMs: null } }).success).toBe(true);
  });

  it('rejects percentiles out of order, an empty sample and an unknown reason', () => {
    const inverted = { ...latency, voiceToVoiceMs: { ...stats, p50: 900 } };
    expect(callEndedEventSchema.safeParse({ ...event, latency: inverted }).success).toBe(false);
    expect(
      callEndedEventSchema.safeParse({ ...event, latency: { ...latency, sttMs: { ...stats, count: 0 } } }).success,
    ).toBe(false);
    expect(callEndedEventSchema.safeParse({ ...event, reason: 'done' }).success).toBe(false);
  });
});

describe('recording events', () => {
  const started = {
    callId: 'c1',
    orgId: 'o1',
    recordingId: 'r1',
    path: 'c1.wav',
    format: 'wav',
    sampleRate: 16000,
    channels: 2,
    startedAt: at,
  };
  const stopped = { ...started, bytes: 64_044, durationMs: 1000, stoppedAt: at };

  it('accepts a started and a stopped stereo WAV recording', () => {
    expect(recordingStartedEventSchema.parse(started)).toEqual(started);
    expect(recordingStoppedEventSchema.parse(stopped)).toEqual(stopped);
  });

  it('rejects another format, a stop without its size, and a negative duration', () => {
    expect(recordingStartedEventSchema.safeParse({ ...started, format: 'mp3' }).success).toBe(false);
    expect(recordingStoppedEventSchema.safeParse({ ...stopped, bytes: undefined }).success).toBe(false);
    expect(recordingStoppedEventSchema.safeParse({ ...stopped, durationMs: -20 }).success).toBe(false);
  });
});

describe('dialer.v1.evt.call.reported', () => {
  const event = {
    callId: 'c-1',
    orgId: 'org-1',
    taskId: 'task-1',
    report: {
      summary: 'The customer confirmed the delivery for Friday.',
      outcome: 'completed',
      extracted: { delivery_day: 'Friday', email: null },
      generatedBy: 'extractive',
    },
    reportedAt: '2026-01-01T10:00:00.000Z',
  };

  it('carries the summary, outcome and extracted fields of a task call', () => {
    expect(callReportedEventSchema.parse(event)).toEqual(event);
  });

  it('accepts only the known outcomes', () => {
    const report = { ...event.report, outcome: 'maybe' };
    expect(callReportedEventSchema.safeParse({ ...event, report }).success).toBe(false);
  });
});
