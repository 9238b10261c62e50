import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type AgentsClient } from '../src';

describe('agents slice', () => {
  let database: TestDatabase;
  let prisma: AgentsClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('gives a new agent the documented limits and offline providers', async () => {
    const agent = await prisma.agent.create({
      data: { orgId: randomUUID(), name: 'Support', systemPrompt: 'Be kind.', startingMessage: 'Hi!' },
    });

    expect(agent).toMatchObject({
      enabled: true,
      maxDurationS: 1800,
      maxTurns: 20,
      silenceTimeoutS: 10,
      recordingEnabled: true,
      sttProvider: 'pocketsphinx',
      llmProvider: 'local',
      ttsProvider: 'flite',
      tools: [],
    });
  });

  it('round-trips JSON settings and lists an organization’s agents newest first', async () => {
    const orgId = randomUUID();
    const faq = [{ question: 'Hours?', answer: '9 to 5' }];
    await prisma.agent.create({ data: { orgId, name: 'first', systemPrompt: 'p', createdAt: new Date(Date.now() - 60_000) } });
    await prisma.agent.create({
      data: { orgId, name: 'second', systemPrompt: 'p', faq, voiceSettings: { stability: 0.5 }, dtmfRules: { '0': 'operator' } },
    });

    const agents = await prisma.agent.findMany({ where: { orgId }, orderBy: { createdAt: 'desc' } });

    expect(agents.map((agent) => agent.name)).toEqual(['second', 'first']);
    expect(agents[0]).toMatchObject({ faq, voiceSettings: { stability: 0.5 }, dtmfRules: { '0': 'operator' } });
  });

  it('keeps its table in the agents schema', async () => {
    const rows = await prisma.$queryRaw<{ table_schema: string }[]>`
      SELECT table_schema FROM information_schema.tables WHERE table_name = 'agents'`;
    expect(rows).toEqual([{ table_schema: 'agents' }]);
  });
});
