import { randomUUID } from 'node:crypto';
import { type KnowledgeSearchReply, rpcSubjects } from '@parley/contracts';
import type { KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../src/database/database.tokens';
import { FAQ, knowledgeCalls, until } from './knowledge-test-kit';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

describe('knowledge bases API against real Postgres, Redis and NATS', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let other: TestTenant;
  let db: KnowledgeClient;
  const { as, asTenant, createBase, ready, upload, search } = knowledgeCalls(() => api, () => tenant);

  beforeAll(async () => {
    api = await startRestApi({ env: { KNOWLEDGE_POLL_MS: '50' } });
    tenant = await api.createTenant('pro');
    other = await api.createTenant('pro');
    db = api.app.get(KNOWLEDGE_DB);
  });

  afterAll(() => api?.close());

  describe('knowledge bases', () => {
    it('creates one with the documented chunking defaults, ready and empty', async () => {
      const base = await createBase({ description: 'Support FAQs' });
      expect(base).toMatchObject({
        name: 'FAQ',
        description: 'Support FAQs',
        chunk_size: 500,
        chunk_overlap: 50,
        chunk_count: 0,
        total_chars: 0,
        indexing_status: 'ready',
        last_indexed_at: null,
      });
    });

    it('rejects a missing name, a tiny chunk size and an overlap of half the chunk or more with 400', async () => {
      const res = await asTenant('POST', '/knowledge-bases', { chunk_size: 10, chunk_overlap: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_REQUEST');
      const paths = res.body.details.issues.map((issue: { path: string }) => issue.path).sort();
      expect(paths).toEqual(['chunk_overlap', 'chunk_size', 'name']);
      const overlap = await asTenant('POST', '/knowledge-bases', { name: 'x', chunk_size: 200, chunk_overlap: 100 });
      expect(overlap.status).toBe(400);
      expect(overlap.body.details.issues[0].path).toBe('chunk_overlap');
    });

    it('lists the organization’s bases with chunk counts, and not another organization’s', async () => {
      const base = await createBase({ name: 'Listed' });
      await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: 'One sentence. Another one.' });
      await ready(base.id);
      await as(other)('POST', '/knowledge-bases', { name: 'Theirs' });

      const res = await asTenant('GET', '/knowledge-bases?limit=100');
      expect(res.status).toBe(200);
      const listed = res.body.data.find((item: { id: string }) => item.id === base.id);
      expect(listed).toMatchObject({ name: 'Listed', chunk_count: 1, total_chars: 26 });
      expect(res.body.data.map((item: { name: string }) => item.name)).not.toContain('Theirs');
      expect(res.body.meta.pagination).toMatchObject({ limit: 100, offset: 0, has_more: false });
    });

    it('answers 404 for another organization’s base, an unknown id and a malformed id', async () => {
      const base = await createBase();
      for (const path of [`/knowledge-bases/${base.id}`, `/knowledge-bases/${base.id}/chunks`]) {
        const res = await as(other)('GET', path);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect((await as(other)('DELETE', `/knowledge-bases/${base.id}`)).status).toBe(404);
      expect((await as(other)('POST', `/knowledge-bases/${base.id}/ingest`, { content: 'x' })).status).toBe(404);
      expect((await as(other)('POST', `/knowledge-bases/${base.id}/reindex`)).status).toBe(404);
      expect((await upload(base.id, 'a.txt', 'hello', other)).status).toBe(404);
      expect((await asTenant('GET', `/knowledge-bases/${randomUUID()}`)).status).toBe(404);
      expect((await asTenant('GET', '/knowledge-bases/not-a-uuid')).status).toBe(404);
      expect((await asTenant('GET', `/knowledge-bases/${base.id}`)).status).toBe(200);
    });

    it('deletes a base with its chunks', async () => {
      const base = await createBase();
      await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: 'Delete me soon.' });
      await ready(base.id);

      const res = await asTenant('DELETE', `/knowledge-bases/${base.id}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ id: base.id, deleted: true });
      expect((await asTenant('GET', `/knowledge-bases/${base.id}`)).status).toBe(404);
      expect(await db.knowledgeChunk.count({ where: { knowledgeBaseId: base.id } })).toBe(0);
      expect((await asTenant('DELETE', `/knowledge-bases/${base.id}`)).status).toBe(404);
    });
  });

  describe('agents attaching a knowledge base', () => {
    it('lets an agent name its own organization’s base, and answers 404 for another’s or an unknown one', async () => {
      const base = await createBase();
      const theirs = (await as(other)('POST', '/knowledge-bases', { name: 'Theirs' })).body.data.id as string;
      const agent = { name: 'KB agent', system_prompt: 'Answer from the knowledge base.' };

      const created = await asTenant('POST', '/agents', { ...agent, knowledge_base_id: base.id });
      expect(created.status).toBe(201);
      expect(created.body.data.knowledge_base_id).toBe(base.id);
      for (const kbId of [theirs, randomUUID()]) {
        const refused = await asTenant('POST', '/agents', { ...agent, knowledge_base_id: kbId });
        expect(refused.status).toBe(404);
        expect(refused.body).toMatchObject({ code: 'NOT_FOUND', details: { field: 'knowledge_base_id' } });
      }
      const patched = await asTenant('PATCH', `/agents/${created.body.data.id}`, { knowledge_base_id: theirs });
      expect(patched.status).toBe(404);
      const cleared = await asTenant('PATCH', `/agents/${created.body.data.id}`, { knowledge_base_id: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.data.knowledge_base_id).toBeNull();
    });
  });

  describe('chunks', () => {
    let baseId: string;

    beforeAll(async () => {
      const base = await createBase({ chunk_size: 300, chunk_overlap: 0 });
      baseId = base.id;
      const paragraphs = Array.from({ length: 25 }, (_, i) => `Paragraph ${i}: ${'filler words here. '.repeat(14)}`);
      await asTenant('POST', `/knowledge-bases/${baseId}/ingest`, { content: paragraphs.join('\n\n') });
      await ready(baseId);
    });

    it('pages with page and per_page, cuts content to 200 characters and reports the total', async () => {
      const res = await asTenant('GET', `/knowledge-bases/${baseId}/chunks?page=2&per_page=10`);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(10);
      expect(res.body.data[0].chunk_index).toBe(10);
      expect(res.body.data.every((chunk: { content: string }) => chunk.content.length === 200)).toBe(true);
      expect(res.body.meta.pagination).toEqual({ total: 25, limit: 10, offset: 10, has_more: true });
      const defaults = await asTenant('GET', `/knowledge-bases/${baseId}/chunks`);
      expect(defaults.body.data).toHaveLength(20);
      expect((await asTenant('GET', `/knowledge-bases/${baseId}/chunks?per_page=101`)).status).toBe(400);
    });

    it('updates a chunk’s text, which search finds at once, and filters by is_active', async () => {
      const [chunk] = (await asTenant('GET', `/knowledge-bases/${baseId}/chunks?per_page=1`)).body.data;
      const res = await asTenant('PUT', `/knowledge-bases/${baseId}/chunks/${chunk.id}`, {
        content: 'Penguins waddle across the glacier.',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ id: chunk.id, content: 'Penguins waddle across the glacier.', is_active: true });
      const hits = await search({ knowledge_base_id: baseId, query: 'penguin glaciers' });
      expect(hits.body.data.results.map((hit: { chunk_id: string }) => hit.chunk_id)).toEqual([chunk.id]);

      await asTenant('PUT', `/knowledge-bases/${baseId}/chunks/${chunk.id}`, { content: 'Penguins waddle.', is_active: false });
      expect((await search({ knowledge_base_id: baseId, query: 'penguin' })).body.data.results).toEqual([]);
      const inactive = await asTenant('GET', `/knowledge-bases/${baseId}/chunks?is_active=false`);
      expect(inactive.body.data.map((c: { id: string }) => c.id)).toEqual([chunk.id]);
      const active = await asTenant('GET', `/knowledge-bases/${baseId}/chunks?is_active=true&per_page=100`);
      expect(active.body.meta.pagination.total).toBe(24);
    });

    it('refuses blank content with 400 and an unknown chunk with 404', async () => {
      const [chunk] = (await asTenant('GET', `/knowledge-bases/${baseId}/chunks?per_page=1&page=3`)).body.data;
      expect((await asTenant('PUT', `/knowledge-bases/${baseId}/chunks/${chunk.id}`, { content: ' ' })).status).toBe(400);
      expect((await asTenant('PUT', `/knowledge-bases/${baseId}/chunks/${randomUUID()}`, { content: 'x' })).status).toBe(404);
      expect((await as(other)('PUT', `/knowledge-bases/${baseId}/chunks/${chunk.id}`, { content: 'x' })).status).toBe(404);
    });

    it('deletes a chunk, once', async () => {
      const [chunk] = (await asTenant('GET', `/knowledge-bases/${baseId}/chunks?per_page=1&page=5`)).body.data;
      expect((await as(other)('DELETE', `/knowledge-bases/${baseId}/chunks/${chunk.id}`)).status).toBe(404);
      const res = await asTenant('DELETE', `/knowledge-bases/${baseId}/chunks/${chunk.id}`);
      expect(res.body.data).toEqual({ id: chunk.id, deleted: true });
      expect((await asTenant('DELETE', `/knowledge-bases/${baseId}/chunks/${chunk.id}`)).status).toBe(404);
      expect((await asTenant('GET', `/knowledge-bases/${baseId}`)).body.data.chunk_count).toBe(24);
    });
  });

  describe('search', () => {
    let baseId: string;

    beforeAll(async () => {
      const base = await createBase({ chunk_size: 100, chunk_overlap: 0 });
      baseId = base.id;
      await asTenant('POST', `/knowledge-bases/${baseId}/ingest`, { content: FAQ });
      const stores = Array.from({ length: 6 }, (_, i) => `Store number ${i} downtown is open late on Fridays for shoppers.`);
      await asTenant('POST', `/knowledge-bases/${baseId}/ingest`, { content: stores.join('\n\n'), source_name: 'stores' });
      await ready(baseId);
      await until(async () => (await asTenant('GET', `/knowledge-bases/${baseId}`)).body.data.chunk_count === 9);
    });

    it('ranks the chunks that answer a spoken question first, lexically, top_k at most', async () => {
      const res = await search({ knowledge_base_id: baseId, query: 'Can I return an item for a refund?', top_k: 2 });
      expect(res.status).toBe(200);
      expect(res.body.data.mode).toBe('lexical');
      expect(res.body.data.results.length).toBeLessThanOrEqual(2);
      expect(res.body.data.results[0]).toMatchObject({ knowledge_base_id: baseId, source: 'api_ingest' });
      expect(res.body.data.results[0].content).toContain('returned within thirty days');

      const hours = await search({ knowledge_base_id: baseId, query: 'what are your opening hours on Saturday' });
      expect(hours.body.data.results[0].content).toContain('Saturdays we open at ten');
      const scores = hours.body.data.results.map((hit: { score: number }) => hit.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('returns five results by default and nothing for words no chunk holds', async () => {
      const many = await search({ knowledge_base_id: baseId, query: 'which store is open late' });
      expect(many.body.data.results).toHaveLength(5);
      expect(many.body.data.results[0].source).toBe('stores');
      expect((await search({ knowledge_base_id: baseId, query: 'zebra xylophone' })).body.data.results).toEqual([]);
      expect((await search({ knowledge_base_id: baseId, query: 'the and of' })).body.data.results).toEqual([]);
    });

    it('answers 404 for another organization’s base and 400 for a bad body', async () => {
      const theirs = await as(other)('POST', '/knowledge-bases', { name: 'Theirs' });
      expect((await search({ knowledge_base_id: theirs.body.data.id, query: 'refund' })).status).toBe(404);
      expect((await as(other)('POST', '/knowledge/search', { knowledge_base_id: baseId, query: 'refund' })).status).toBe(404);
      const bad = await search({ knowledge_base_id: baseId, query: '', top_k: 0 });
      expect(bad.status).toBe(400);
      expect(bad.body.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['query', 'top_k']);
    });

    it('serves knowledge.v1.rpc.search for the LLM worker, ignoring other organizations’ bases', async () => {
      const theirs = await as(other)('POST', '/knowledge-bases', { name: 'Theirs' });
      await as(other)('POST', `/knowledge-bases/${theirs.body.data.id}/ingest`, { content: 'Refunds are never given.' });
      await until(async () => (await as(other)('GET', `/knowledge-bases/${theirs.body.data.id}`)).body.data.chunk_count === 1);

      const reply: KnowledgeSearchReply = await api.bus.request(
        rpcSubjects.knowledgeSearch,
        { orgId: tenant.orgId, knowledgeBaseIds: [baseId, theirs.body.data.id, 'kb_1'], query: 'refund', topK: 3 },
        { timeoutMs: 5_000 },
      );
      expect(reply.results.length).toBeGreaterThan(0);
      expect(reply.results.every((hit) => hit.knowledgeBaseId === baseId)).toBe(true);
      expect(reply.results[0]!.content).toContain('full refund');

      const none = await api.bus.request(
        rpcSubjects.knowledgeSearch,
        { orgId: other.orgId, knowledgeBaseIds: [baseId], query: 'refund', topK: 3 },
        { timeoutMs: 5_000 },
      );
      expect(none.results).toEqual([]);
    });
  });
});
