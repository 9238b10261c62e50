import type { KnowledgeClient } from '@parley/db-knowledge';
import { FAKE_EMBEDDING_DIMENSIONS, FakeOpenAiServer } from '@parley/testing';
import { KNOWLEDGE_DB } from '../src/database/database.tokens';
import { until } from './knowledge-test-kit';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

const ARTICLES = [
  'Refunds: items can be returned within thirty days for a full refund.',
  'Opening hours: our stores are open from nine to five on weekdays.',
  'Shipping: parcels take three to five business days to arrive.',
];

describe('knowledge search with an OpenAI-compatible embeddings provider (hybrid)', () => {
  let openai: FakeOpenAiServer;
  let api: RestApiHarness;
  let tenant: TestTenant;
  let db: KnowledgeClient;

  const asTenant = (method: string, path: string, body?: unknown) => api.call(method, `/api/v1${path}`, { bearer: tenant.key, body });
  const statusOf = async (kbId: string) => (await asTenant('GET', `/knowledge-bases/${kbId}`)).body.data.indexing_status as string;
  const createBase = async () => (await asTenant('POST', '/knowledge-bases', { name: 'Hybrid', chunk_size: 100, chunk_overlap: 0 })).body.data.id as string;

  beforeAll(async () => {
    openai = await FakeOpenAiServer.start({ apiKey: 'sk-embeddings' });
    api = await startRestApi({
      env: {
        EMBEDDINGS_BASE_URL: openai.baseUrl,
        EMBEDDINGS_API_KEY: 'sk-embeddings',
        EMBEDDINGS_MODEL: 'text-embedding-3-small',
        KNOWLEDGE_POLL_MS: '50',
        KNOWLEDGE_JOB_ATTEMPTS: '1',
      },
    });
    tenant = await api.createTenant('pro');
    db = api.app.get(KNOWLEDGE_DB);
  });

  afterAll(async () => {
    await api?.close();
    await openai?.close();
  });

  it('stores a unit-length embedding beside every chunk and answers in hybrid mode', async () => {
    const kbId = await createBase();
    await asTenant('POST', `/knowledge-bases/${kbId}/ingest`, { content: ARTICLES.join('\n\n') });
    await until(async () => (await statusOf(kbId)) === 'ready');

    const chunks = await db.knowledgeChunk.findMany({ where: { knowledgeBaseId: kbId } });
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) {
      expect(chunk.embedding).toHaveLength(FAKE_EMBEDDING_DIMENSIONS);
      expect(Math.hypot(...chunk.embedding)).toBeCloseTo(1, 4);
    }
    expect(openai.embeddingRequests[0]).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'float' });

    const res = await asTenant('POST', '/knowledge/search', { knowledge_base_id: kbId, query: 'how long does shipping take', top_k: 2 });
    expect(res.status).toBe(200);
    expect(res.body.data.mode).toBe('hybrid');
    expect(res.body.data.results[0].content).toContain('Shipping: parcels');
    expect(res.body.data.results).toHaveLength(2);
  });

  it('finds a chunk by meaning when no word of the query is in its full-text vector', async () => {
    const kbId = await createBase();
    await asTenant('POST', `/knowledge-bases/${kbId}/ingest`, { content: ARTICLES.join('\n\n') });
    await until(async () => (await statusOf(kbId)) === 'ready');

    // "the" and "to" are English stop words: full-text finds nothing, the embeddings still rank.
    const res = await asTenant('POST', '/knowledge/search', { knowledge_base_id: kbId, query: 'to the', top_k: 3 });
    expect(res.body.data.mode).toBe('hybrid');
    expect(res.body.data.results.length).toBeGreaterThan(0);
  });

  it('re-embeds an edited chunk in the background', async () => {
    const kbId = await createBase();
    await asTenant('POST', `/knowledge-bases/${kbId}/ingest`, { content: 'Penguins live in Antarctica.' });
    await until(async () => (await statusOf(kbId)) === 'ready');
    const [chunk] = await db.knowledgeChunk.findMany({ where: { knowledgeBaseId: kbId } });
    const before = chunk!.embedding;

    await asTenant('PUT', `/knowledge-bases/${kbId}/chunks/${chunk!.id}`, { content: 'Camels cross the Sahara desert.' });
    await until(async () => {
      const row = await db.knowledgeChunk.findUnique({ where: { id: chunk!.id } });
      return (row?.embedding.length ?? 0) > 0 && row?.embedding.join() !== before.join();
    });
    await until(async () => (await statusOf(kbId)) === 'ready');
  });

  it('marks the job and the knowledge base failed when the provider keeps failing', async () => {
    const kbId = await createBase();
    openai.embeddingFailures.push(400);
    const res = await asTenant('POST', `/knowledge-bases/${kbId}/ingest`, { content: 'This text will not be embedded.' });
    expect(res.status).toBe(202);

    await until(async () => (await statusOf(kbId)) === 'failed');
    const job = await db.indexingJob.findUnique({ where: { id: res.body.data.document_id } });
    expect(job).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('400') });
    expect(await db.knowledgeChunk.count({ where: { knowledgeBaseId: kbId } })).toBe(0);
  });
});
