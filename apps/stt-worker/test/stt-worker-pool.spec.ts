import { Bus, BusError } from '@parley/bus';
import { rpcSubjects, type SttSessionOpenReply } from '@parley/contracts';
import { uniqueNamespace } from '@parley/testing';
import { SttSessions } from '../src/sessions/stt-sessions';
import { connectClient, type RunningWorker, startWorker, TranscriptLog, waitUntil } from './support/stt-harness';

const OPEN = { sampleRate: 16000, encoding: 'pcm16le', language: 'en-US' } as const;

/** The gateway's retry rule for an open: a retryable error asks the queue group again. */
async function openWithRetry(bus: Bus, callId: string, extra: object = {}): Promise<SttSessionOpenReply> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await bus.request(rpcSubjects.sttSessionOpen, { callId, ...OPEN, ...extra }, { timeoutMs: 3_000 });
    } catch (err) {
      if (!(err instanceof BusError) || !err.retryable || attempt === 20) throw err;
    }
  }
}

describe('stt-worker pool', () => {
  const namespace = uniqueNamespace('stt-pool');
  let workers: RunningWorker[];
  let bus: Bus;

  beforeAll(async () => {
    workers = await Promise.all(
      ['stt-a', 'stt-b'].map((id) => startWorker(namespace, { STT_MAX_SESSIONS: '2', STT_WORKER_ID: id })),
    );
    bus = await connectClient(namespace);
  });

  afterAll(async () => {
    await bus?.drain();
    await Promise.all((workers ?? []).map((worker) => worker.app.close()));
  });

  const held = () => workers.map((worker) => worker.app.get(SttSessions).size);

  it('shares calls between the workers of the queue group, and each close reaches the worker holding it', async () => {
    const calls = ['p1', 'p2', 'p3', 'p4'];
    const replies = [];
    for (const callId of calls) replies.push(await openWithRetry(bus, callId));

    expect(replies.map((reply) => reply.workerId).sort()).toEqual(['stt-a', 'stt-a', 'stt-b', 'stt-b']);
    expect(held()).toEqual([2, 2]);
    const closes = await Promise.all(
      calls.map((callId) => bus.request(rpcSubjects.sttSessionClose, { callId }, { timeoutMs: 3_000 })),
    );
    expect(closes.map((reply) => reply.closed)).toEqual([true, true, true, true]);
    await waitUntil(() => held().every((count) => count === 0));
  });

  it('lets the gateway notice a vanished worker within a second and reopen the call on another', async () => {
    const callId = 'lost-worker';
    const transcripts = new TranscriptLog(bus, callId);
    const first = await openWithRetry(bus, callId, { keepaliveMs: 200 });
    await transcripts.waitFor((message) => message.kind === 'interim');
    const victim = workers[first.workerId === 'stt-a' ? 0 : 1];

    // Cut the worker off the bus without any goodbye, as a crash would.
    await victim.app.get(Bus).drain();
    const lostAt = performance.now();
    const heard = transcripts.messages.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(transcripts.messages.length).toBeLessThanOrEqual(heard + 1);

    const second = await openWithRetry(bus, callId, { keepaliveMs: 200 });
    expect(second.workerId).not.toBe(first.workerId);
    expect(performance.now() - lostAt).toBeLessThan(1_000);
    await bus.request(rpcSubjects.sttSessionClose, { callId }, { timeoutMs: 3_000 });
  });
});

describe('stt-worker idle sessions', () => {
  const namespace = uniqueNamespace('stt-idle');
  let worker: RunningWorker;
  let bus: Bus;

  beforeAll(async () => {
    [worker, bus] = await Promise.all([
      startWorker(namespace, { STT_IDLE_TIMEOUT_MS: '1000', STT_WORKER_ID: 'stt-idle' }),
      connectClient(namespace),
    ]);
  });

  afterAll(async () => {
    await bus?.drain();
    await worker?.app.close();
  });

  it('closes a session that received no audio for the idle timeout, so a dead gateway leaks nothing', async () => {
    await openWithRetry(bus, 'forgotten');
    expect(worker.app.get(SttSessions).size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_300));

    expect(worker.app.get(SttSessions).size).toBe(0);
    await expect(
      bus.request(rpcSubjects.sttSessionClose, { callId: 'forgotten' }, { timeoutMs: 3_000 }),
    ).resolves.toMatchObject({ closed: false });
  });
});
