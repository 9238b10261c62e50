import { randomUUID } from 'node:crypto';
import { Bus } from '@parley/bus';
import { eventSubjects } from '@parley/contracts';
import { NATS_URL } from './infra-urls';

/** The bench organization's calls, with no transcript yet. */
export interface LiveCalls {
  readonly orgId: string;
  readonly callIds: readonly string[];
}

export interface LiveLines {
  /** Stops appending (once, however often called); resolves with how many lines were published. */
  stop(): Promise<number>;
}

const TICK_MS = 50;

/**
 * Transcript lines appended to the bench organization's calls while a run is measured, as its
 * live calls would: each is a real `call.v1.evt.transcript.appended` on the bus the rest-api under
 * test consumes, projected by it into Postgres, and each changes the organization's calls list
 * (every kept page of it goes stale). `perSecond` 0 appends nothing.
 */
export async function appendLiveLines(namespace: string | undefined, calls: LiveCalls, perSecond: number): Promise<LiveLines> {
  if (perSecond === 0 || calls.callIds.length === 0) return { stop: async () => 0 };
  const bus = await Bus.connect({ url: NATS_URL, name: 'bench-rest-live-lines', namespace });
  let sent = 0;
  let owed = 0;
  let seq = 0;
  const run = randomUUID(); // the lines of an earlier run (same calls, same seqs) are not its duplicates
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    owed += (perSecond * TICK_MS) / 1000;
    for (; owed >= 1; owed--) {
      const callId = calls.callIds[sent % calls.callIds.length];
      const line = { callId, orgId: calls.orgId, seq: seq++, role: 'user' as const, text: 'Still there?', at: new Date().toISOString() };
      const publish = bus.publishEvent(eventSubjects.transcriptAppended, line, { msgId: `rest-bench:${run}:${callId}:${line.seq}` });
      inFlight.add(publish);
      void publish.finally(() => inFlight.delete(publish));
      sent++;
    }
  }, TICK_MS);
  let stopped: Promise<number> | undefined;
  const stop = async () => {
    clearInterval(timer);
    await Promise.allSettled(inFlight);
    await bus.drain();
    return sent;
  };
  return { stop: () => (stopped ??= stop()) };
}
