import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@parley/testing';
import { createPrismaClient, slice, type KnowledgeClient } from '../src';

describe('knowledge slice', () => {
  let database: TestDatabase;
  let prisma: KnowledgeClient;

  beforeAll(async () => {
    database = await createTestDatabase([slice]);
    prisma = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  async function baseWithChunks(contents: string[]) {
    return prisma.knowledgeBase.create({
      data: {
        orgId: randomUUID(),
        name: 'FAQ',
        chunks: { create: contents.map((content, chunkIndex) => ({ content, chunkIndex })) },
      },
    });
  }

  it('creates a knowledge base with the documented chunking defaults', async () => {
    const base = await baseWithChunks(['We are open nine to five.']);

    expect(base).toMatchObject({ chunkSize: 500, chunkOverlap: 50, indexingStatus: 'ready' });
    expect(await prisma.knowledgeChunk.findMany({ where: { knowledgeBaseId: base.id } })).toEqual([
      expect.objectContaining({ source: 'api_ingest', chunkIndex: 0, isActive: true }),
    ]);
  });

  it('finds chunks by English full-text search on the vector Postgres keeps', async () => {
    const base = await baseWithChunks([
      'Our stores are open from nine to five on weekdays.',
      'Items can be returned within thirty days for a full refund.',
      'Shipping takes three to five business days.',
    ]);

    const hits = await prisma.$queryRaw<{ chunk_index: number }[]>`
      SELECT chunk_index FROM chunks
       WHERE knowledge_base_id = ${base.id}::uuid AND search_vector @@ plainto_tsquery('english', 'return an item')`;

    expect(hits).toEqual([{ chunk_index: 1 }]);
  });

  it('stores indexing jobs, the indexing status, and embeddings as real arrays, and drops jobs with their base', async () => {
    const base = await baseWithChunks([]);
    const job = await prisma.indexingJob.create({
      data: { knowledgeBaseId: base.id, orgId: base.orgId, kind: 'document', source: 'faq.md', content: '["a"]' },
    });
    expect(job).toMatchObject({ status: 'pending', attempts: 0, chunkCount: 0, leaseUntil: null });
    await prisma.indexingJob.update({ where: { id: job.id }, data: { status: 'indexing' } });
    const chunk = await prisma.knowledgeChunk.create({
      data: { knowledgeBaseId: base.id, content: 'a', chunkIndex: 0, jobId: job.id, embedding: [0.6, 0.8] },
    });

    expect((await prisma.knowledgeChunk.findUnique({ where: { id: chunk.id } }))?.embedding).toEqual([
      expect.closeTo(0.6, 5),
      expect.closeTo(0.8, 5),
    ]);
    await prisma.knowledgeBase.delete({ where: { id: base.id } });
    expect(await prisma.indexingJob.count({ where: { id: job.id } })).toBe(0);
  });

  it('removes the chunks with their knowledge base', async () => {
    const base = await baseWithChunks(['one', 'two']);

    await prisma.knowledgeBase.delete({ where: { id: base.id } });

    expect(await prisma.knowledgeChunk.count({ where: { knowledgeBaseId: base.id } })).toBe(0);
  });
});
