import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type CallsClient } from '../src';

describe('calls slice', () => {
  let database: TestDatabase;
  let prisma: CallsClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  const newCall = () =>
    prisma.call.create({ data: { orgId: randomUUID(), agentId: randomUUID(), direction: 'inbound' } });

  it('starts a call as initiated and reads its transcript in order', async () => {
    const call = await newCall();
    await prisma.transcriptEntry.createMany({
      data: [
        { callId: call.id, seq: 1, role: 'user', text: 'When are you open?', at: new Date() },
        { callId: call.id, seq: 0, role: 'agent', text: 'Hello!', at: new Date() },
      ],
    });

    const read = await prisma.call.findUniqueOrThrow({
      where: { id: call.id },
      include: { transcript: { orderBy: { seq: 'asc' } } },
    });

    expect(read.status).toBe('initiated');
    expect(read.turns).toBe(0);
    expect(read.transcript.map((entry) => entry.role)).toEqual(['agent', 'user']);
  });

  it('refuses a second transcript line with the same sequence number', async () => {
    const call = await newCall();
    const line = { callId: call.id, seq: 0, role: 'agent' as const, text: 'Hello!', at: new Date() };
    await prisma.transcriptEntry.create({ data: line });

    await expect(prisma.transcriptEntry.create({ data: line })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('stores the end of a call with its figures and removes transcript and recordings with it', async () => {
    const call = await newCall();
    await prisma.recording.create({
      data: { callId: call.id, orgId: call.orgId, path: `${call.id}.wav`, bytes: 64000, durationMs: 2000 },
    });
    await prisma.transcriptEntry.create({ data: { callId: call.id, seq: 0, role: 'agent', text: 'Bye', at: new Date() } });

    const ended = await prisma.call.update({
      where: { id: call.id },
      data: { status: 'completed', endReason: 'hangup', durationMs: 2000, turns: 1, latency: { llmFirstTokenMs: 120 } },
    });
    expect(ended).toMatchObject({ status: 'completed', latency: { llmFirstTokenMs: 120 } });

    await prisma.call.delete({ where: { id: call.id } });
    expect(await prisma.recording.count({ where: { callId: call.id } })).toBe(0);
    expect(await prisma.transcriptEntry.count({ where: { callId: call.id } })).toBe(0);
  });

  it('accepts a call known only by its organization, as a transcript line that overtook call.started leaves it', async () => {
    const call = await prisma.call.create({ data: { orgId: randomUUID() } });

    expect(call).toMatchObject({ agentId: null, direction: null, channel: null, status: 'initiated' });
  });

  it('spells a failed recording "error", as reference 004 does', async () => {
    const call = await newCall();
    const recording = await prisma.recording.create({
      data: { callId: call.id, orgId: call.orgId, path: `${call.id}.wav`, status: 'error' },
    });

    expect(recording.status).toBe('error');
  });
});
