import { randomUUID } from 'node:crypto';
import type {
  CallEndedEvent,
  CallEndReason,
  CallReportedEvent,
  CallSettledEvent,
  CallStartedEvent,
  RecordingStartedEvent,
  RecordingStoppedEvent,
  TranscriptAppendedEvent,
} from '@parley/contracts';

/** Valid events of one call, as the gateway and billing publish them; ids fresh per call. */
export function callEvents(ids: { orgId?: string; agentId?: string; startedAt?: string; callId?: string } = {}) {
  const callId = ids.callId ?? randomUUID();
  const orgId = ids.orgId ?? randomUUID();
  const agentId = ids.agentId ?? randomUUID();
  const keyId = randomUUID();
  const recordingId = randomUUID();
  const startedAt = ids.startedAt ?? '2026-03-31T10:00:00.000Z';
  const at = (offsetMs: number) => new Date(Date.parse(startedAt) + offsetMs).toISOString();
  const recording = {
    callId,
    orgId,
    recordingId,
    path: `${callId}.wav`,
    format: 'wav' as const,
    sampleRate: 16_000,
    channels: 2,
    startedAt,
  };

  return {
    callId,
    orgId,
    agentId,
    keyId,
    recordingId,
    startedAt,
    at,
    started: (origin: Partial<CallStartedEvent> = {}): CallStartedEvent => ({
      callId,
      orgId,
      agentId,
      keyId,
      direction: 'inbound',
      channel: 'raw',
      startedAt,
      ...origin,
    }),
    line: (seq: number, role: 'user' | 'assistant', text: string, offsetMs = seq * 1_000): TranscriptAppendedEvent => ({
      callId,
      orgId,
      seq,
      role,
      text,
      at: at(offsetMs),
    }),
    ended: (reason: CallEndReason, durationMs = 12_000): CallEndedEvent => ({
      callId,
      orgId,
      agentId,
      reason,
      durationMs,
      turns: 1,
      endedAt: at(durationMs),
      latency: { sttMs: null, llmFirstSentenceMs: null, ttsFirstAudioMs: null, voiceToVoiceMs: null },
    }),
    recordingStarted: (): RecordingStartedEvent => recording,
    recordingStopped: (bytes: number, durationMs = 2_000): RecordingStoppedEvent => ({
      ...recording,
      bytes,
      durationMs,
      stoppedAt: at(durationMs),
    }),
    settled: (): CallSettledEvent => ({
      callId,
      orgId,
      agentId,
      reason: 'HANGUP',
      points: 3,
      unpaidPoints: 0,
      cost: { llm: 0.003, stt: 0.001, tts: 0.0002, total: 0.0042, currency: 'USD' },
      usage: { seconds: 12, sttAudioSeconds: 6.5, llmInputTokens: 420, llmOutputTokens: 60, ttsCharacters: 180 },
      settledAt: at(13_000),
    }),
    reported: (taskId: string = randomUUID()): CallReportedEvent => ({
      callId,
      orgId,
      taskId,
      report: {
        summary: 'The callee confirmed the delivery.',
        outcome: 'completed',
        extracted: { delivery_date: 'Friday' },
        generatedBy: 'openai',
      },
      reportedAt: at(14_000),
    }),
  };
}

/** The consumer's `handle`, counted: `await probe.handled(n)` resolves once n events were projected. */
export function watchProjection(consumer: { handle(event: never): Promise<void> }) {
  const target = consumer as unknown as { handle: (event: unknown) => Promise<void> };
  const handle = target.handle.bind(consumer);
  let count = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  target.handle = async (event) => {
    await handle(event);
    count++;
    for (const waiter of waiters.filter((w) => count >= w.n)) waiter.resolve();
  };
  return {
    /** Resolves once `n` events in all have been handled since watching began. */
    handled: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : waiters.push({ n, resolve }))),
    get count() {
      return count;
    },
  };
}
