import { randomUUID } from 'node:crypto';
import { Bus } from '@parley/bus';
import { type EventMap, type EventSubject, eventSubjects, streams } from '@parley/contracts';
import { createPrismaClient, slice as callsSlice, type CallsClient } from '@parley/db-calls';
import { createLogger } from '@parley/logging';
import { createTestDatabase, type TestDatabase, testInfra, uniqueNamespace } from '@parley/testing';
import { Redis } from 'ioredis';
import { CallEventsConsumer } from '../src/calls/call-events.consumer';
import { CallsProjectionRepository } from '../src/calls/calls-projection.repository';
import { ListVersions } from '../src/http/page-cache';
import { SqlPool } from '../src/http/sql-pool';
import { callEvents, watchProjection } from './calls-fixtures';

const streamsUsed = [streams.call, streams.billing, streams.dialer];

describe('calls read model: durable projection of call events against real Postgres and NATS', () => {
  let database: TestDatabase;
  let db: CallsClient;
  let publisher: Bus;
  let consumerBus: Bus | undefined;
  let natsUrl: string;
  let redis: Redis;
  let versions: ListVersions;
  let sql: SqlPool;
  let namespace: string;
  const logger = createLogger({ service: 'rest-api-test', level: 'silent' });

  const publish = <S extends EventSubject>(subject: S, payload: EventMap[S], msgId = randomUUID()) =>
    publisher.publishEvent(subject, payload, { msgId });

  /** Starts rest-api's consumer, as a booting rest-api would. */
  async function startConsumer(projection = new CallsProjectionRepository(db, sql)) {
    consumerBus = await Bus.connect({ url: natsUrl, name: 'rest-api-test', namespace, logger });
    const consumer = new CallEventsConsumer(consumerBus, projection, versions, logger);
    const probe = watchProjection(consumer);
    await consumer.onApplicationBootstrap();
    return probe;
  }

  beforeAll(async () => {
    database = await createTestDatabase([callsSlice]);
    db = createPrismaClient(database.url);
    sql = new SqlPool(database.url, logger);
    const infra = await testInfra();
    natsUrl = infra.natsUrl;
    redis = new Redis(infra.redisUrl);
    versions = new ListVersions(redis, `${uniqueNamespace('calls_projection')}:`);
  });

  beforeEach(async () => {
    namespace = uniqueNamespace('calls_projection');
    publisher = await Bus.connect({ url: natsUrl, name: 'gateway-test', namespace, logger });
    await publisher.ensureStreams(streamsUsed);
  });

  afterEach(async () => {
    await consumerBus?.drain();
    consumerBus = undefined;
    await publisher.removeStreams(streamsUsed);
    await publisher.drain();
  });

  afterAll(async () => {
    redis?.disconnect();
    await sql?.onApplicationShutdown();
    await db?.$disconnect();
    await database?.drop();
  });

  it('projects the events published while rest-api was down once it starts', async () => {
    const call = callEvents();
    await publish(eventSubjects.callStarted, call.started());
    await publish(eventSubjects.transcriptAppended, call.line(0, 'assistant', 'Hello, how can I help?'));
    await publish(eventSubjects.transcriptAppended, call.line(1, 'user', 'When are you open?'));
    await publish(eventSubjects.recordingStarted, call.recordingStarted());
    await publish(eventSubjects.recordingStopped, call.recordingStopped(64_044));
    await publish(eventSubjects.callEnded, call.ended('HANGUP'));
    await publish(eventSubjects.callSettled, call.settled());
    await publish(eventSubjects.callReported, call.reported());

    await (await startConsumer()).handled(8);

    const row = await db.call.findUniqueOrThrow({
      where: { id: call.callId },
      include: { transcript: { orderBy: { seq: 'asc' } }, recordings: true },
    });
    expect(row).toMatchObject({
      orgId: call.orgId,
      agentId: call.agentId,
      apiKeyId: call.keyId,
      direction: 'inbound',
      channel: 'raw',
      status: 'completed',
      endReason: 'HANGUP',
      durationMs: 12_000,
      turns: 1,
      cost: { points: 3, cost: { total: 0.0042, currency: 'USD' } },
      report: { outcome: 'completed', generatedBy: 'openai', extracted: { delivery_date: 'Friday' } },
    });
    expect(row.transcript.map(({ seq, role, text }) => ({ seq, role, text }))).toEqual([
      { seq: 0, role: 'agent', text: 'Hello, how can I help?' },
      { seq: 1, role: 'user', text: 'When are you open?' },
    ]);
    expect(row.recordings).toEqual([
      expect.objectContaining({ id: call.recordingId, orgId: call.orgId, status: 'completed', bytes: 64_044 }),
    ]);
    // Each write moved the organization's calls list on, so no kept page outlives it.
    await expect(versions.current('calls', call.orgId)).resolves.toBe('8');
    await expect(versions.current('agents', call.orgId)).resolves.toBe('0');
  });

  it('stores a redelivered event once: a handler that failed after writing is retried without duplicates', async () => {
    const call = callEvents();
    const projection = new CallsProjectionRepository(db, sql);
    const write = projection.transcriptAppended.bind(projection);
    let attempts = 0;
    projection.transcriptAppended = async (event) => {
      await write(event);
      if (++attempts === 1) throw new Error('ack lost after the write');
    };
    const consumer = await startConsumer(projection);

    await publish(eventSubjects.callStarted, call.started());
    await publish(eventSubjects.transcriptAppended, call.line(0, 'user', 'Hi there'));
    await consumer.handled(2);

    expect(attempts).toBe(2);
    await expect(db.transcriptEntry.count({ where: { callId: call.callId } })).resolves.toBe(1);
    await expect(db.call.findUniqueOrThrow({ where: { id: call.callId } })).resolves.toMatchObject({ messageCount: 1 });
  });

  it('stores an event republished under a new message id once', async () => {
    const call = callEvents();
    const consumer = await startConsumer();
    const line = call.line(0, 'user', 'Hi there');

    await publish(eventSubjects.transcriptAppended, line);
    await publish(eventSubjects.transcriptAppended, line);
    await publish(eventSubjects.recordingStopped, call.recordingStopped(100));
    await publish(eventSubjects.recordingStopped, call.recordingStopped(100));
    await consumer.handled(4);

    await expect(db.transcriptEntry.count({ where: { callId: call.callId } })).resolves.toBe(1);
    await expect(db.recording.count({ where: { callId: call.callId } })).resolves.toBe(1);
    await expect(db.call.count({ where: { id: call.callId } })).resolves.toBe(1);
    // The line is counted on its call once too.
    await expect(db.call.findUniqueOrThrow({ where: { id: call.callId } })).resolves.toMatchObject({ messageCount: 1 });
  });

  it('moves updated_at with each new line of the call, not with a replayed one', async () => {
    const call = callEvents();
    const consumer = await startConsumer();
    await publish(eventSubjects.callStarted, call.started());
    await consumer.handled(1);
    const updatedAt = async () => (await db.call.findUniqueOrThrow({ where: { id: call.callId } })).updatedAt.getTime();
    const started = await updatedAt();

    await new Promise((resolve) => setTimeout(resolve, 20));
    await publish(eventSubjects.transcriptAppended, call.line(0, 'user', 'Hi there'));
    await consumer.handled(2);
    const counted = await updatedAt();
    expect(counted).toBeGreaterThan(started);

    await new Promise((resolve) => setTimeout(resolve, 20));
    await publish(eventSubjects.transcriptAppended, call.line(0, 'user', 'Hi there'));
    await consumer.handled(3);
    expect(await updatedAt()).toBe(counted);
  });

  it('ends up with the same call whatever order its events arrive in', async () => {
    const call = callEvents();
    await publish(eventSubjects.transcriptAppended, call.line(1, 'user', 'Thanks, bye'));
    await publish(eventSubjects.recordingStopped, call.recordingStopped(2_044));
    await publish(eventSubjects.callSettled, call.settled());
    await publish(eventSubjects.callEnded, call.ended('PLATFORM_ERROR'));
    await publish(eventSubjects.recordingStarted, call.recordingStarted());
    await publish(eventSubjects.callStarted, call.started());
    await publish(eventSubjects.transcriptAppended, call.line(0, 'assistant', 'Hello!'));

    await (await startConsumer()).handled(7);

    const row = await db.call.findUniqueOrThrow({
      where: { id: call.callId },
      include: { transcript: { orderBy: { seq: 'asc' } }, recordings: true },
    });
    expect(row).toMatchObject({ status: 'failed', endReason: 'PLATFORM_ERROR', agentId: call.agentId, channel: 'raw' });
    expect(row.startedAt?.toISOString()).toBe(call.startedAt);
    expect(row.cost).toMatchObject({ points: 3 });
    expect(row.transcript.map((line) => line.seq)).toEqual([0, 1]);
    expect(row.messageCount).toBe(2);
    expect(row.recordings).toEqual([expect.objectContaining({ status: 'completed', bytes: 2_044 })]);
  });

  it('marks a started call in progress and keeps the interrupted flag of an agent line', async () => {
    const call = callEvents();
    const consumer = await startConsumer();

    await publish(eventSubjects.callStarted, call.started({ direction: 'outbound', taskId: randomUUID(), to: '+15551234567' }));
    await publish(eventSubjects.transcriptAppended, { ...call.line(0, 'assistant', 'Our hours are'), interrupted: true });
    await consumer.handled(2);

    const row = await db.call.findUniqueOrThrow({ where: { id: call.callId }, include: { transcript: true } });
    expect(row).toMatchObject({ status: 'in_progress', direction: 'outbound', toNumber: '+15551234567' });
    expect(row.transcript[0]).toMatchObject({ role: 'agent', interrupted: true });
  });

  it('skips, and acks, an event whose ids the read model cannot store', async () => {
    const call = callEvents();
    const consumer = await startConsumer();

    await publish(eventSubjects.callStarted, { ...call.started(), callId: 'not-a-uuid' });
    await publish(eventSubjects.callStarted, call.started());
    await consumer.handled(2);

    await expect(db.call.count({ where: { orgId: call.orgId } })).resolves.toBe(1);
  });
});
