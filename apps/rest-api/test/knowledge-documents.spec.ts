import { randomUUID } from 'node:crypto';
import { eventSubjects } from '@parley/contracts';
import type { KnowledgeClient } from '@parley/db-knowledge';
import { KNOWLEDGE_DB } from '../src/database/database.tokens';
import { FAQ, KnowledgeFacts, knowledgeCalls, until } from './knowledge-test-kit';
import { type RestApiHarness, startRestApi, type TestTenant } from './support/rest-api-harness';

describe('knowledge documents and background indexing against real Postgres, Redis and NATS', () => {
  let api: RestApiHarness;
  let tenant: TestTenant;
  let facts: KnowledgeFacts;
  let db: KnowledgeClient;
  const { asTenant, createBase, ready, upload } = knowledgeCalls(() => api, () => tenant);

  beforeAll(async () => {
    api = await startRestApi({ env: { KNOWLEDGE_POLL_MS: '50' } });
    tenant = await api.createTenant('pro');
    facts = await KnowledgeFacts.start(api.bus);
    db = api.app.get(KNOWLEDGE_DB);
  });

  afterAll(() => api?.close());

  it('ingests raw text in the background: pending, then ready with counts, and a document_uploaded fact', async () => {
    const base = await createBase({ chunk_size: 120, chunk_overlap: 0 });
    const res = await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: FAQ, source_name: 'about-page' });

    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ source_file: 'about-page', indexing_status: 'pending' });
    const created = res.body.data.chunks_created as number;
    expect(created).toBeGreaterThan(2);
    const detail = await ready(base.id);
    expect(detail).toMatchObject({ indexing_status: 'ready', chunk_count: created });
    expect(detail.total_chars).toBeGreaterThan(FAQ.length * 0.8);
    expect(Date.parse(detail.last_indexed_at as string)).not.toBeNaN();

    const fact = await facts.next(eventSubjects.knowledgeDocumentUploaded, (p) => p.documentId === res.body.data.document_id);
    expect(fact).toMatchObject({ orgId: tenant.orgId, knowledgeBaseId: base.id, source: 'about-page', chunksCreated: created, embedded: false });
  });

  it('refuses a JSON body over 100 kB with 413 (upload larger text as a file)', async () => {
    const base = await createBase();
    const res = await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: 'word '.repeat(30_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });

  it('labels ingested text api_ingest by default and refuses blank text with 400', async () => {
    const base = await createBase();
    const res = await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: 'Plain text.' });
    expect(res.body.data.source_file).toBe('api_ingest');
    const blank = await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: '  \n ' });
    expect(blank.status).toBe(400);
    expect((await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, {})).status).toBe(400);
  });

  it('uploads a markdown file as multipart field "file" and indexes it under its name', async () => {
    const base = await createBase();
    const res = await upload(base.id, 'faq.md', FAQ);

    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ source_file: 'faq.md', chunks_created: 1 });
    await ready(base.id);
    const chunks = await asTenant('GET', `/knowledge-bases/${base.id}/chunks`);
    expect(chunks.body.data).toEqual([expect.objectContaining({ source: 'faq.md', chunk_index: 0, is_active: true })]);
  });

  it('splits a CSV upload by row, the header on top of every chunk', async () => {
    const base = await createBase({ chunk_size: 120, chunk_overlap: 10 });
    const rows = Array.from({ length: 12 }, (_, i) => `${i},Widget ${i},${i}.99`);
    const res = await upload(base.id, 'prices.csv', ['sku,name,price', ...rows].join('\n'));
    expect(res.status).toBe(202);
    await ready(base.id);

    const stored = await db.knowledgeChunk.findMany({ where: { knowledgeBaseId: base.id }, orderBy: { chunkIndex: 'asc' } });
    expect(stored.length).toBe(res.body.data.chunks_created);
    expect(stored.every((chunk) => chunk.content.startsWith('sku,name,price\n'))).toBe(true);
    expect(stored.flatMap((chunk) => chunk.content.split('\n').slice(1))).toEqual(rows);
  });

  it('splits a JSON array upload by element, and refuses malformed JSON with 400', async () => {
    const base = await createBase({ chunk_size: 100, chunk_overlap: 0 });
    const items = Array.from({ length: 6 }, (_, i) => ({ question: `Question ${i}?`, answer: `Answer ${i}.` }));
    const res = await upload(base.id, 'faq.json', JSON.stringify(items));
    expect(res.status).toBe(202);
    await ready(base.id);
    const stored = await db.knowledgeChunk.findMany({ where: { knowledgeBaseId: base.id }, orderBy: { chunkIndex: 'asc' } });
    expect(stored.flatMap((chunk) => chunk.content.split('\n').map((line) => JSON.parse(line) as unknown))).toEqual(items);

    const bad = await upload(base.id, 'broken.json', '[{"question": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_REQUEST', error: expect.stringContaining('not valid JSON') });
  });

  it('refuses another file type, binary content and a request without a file with 400', async () => {
    const base = await createBase();
    const pdf = await upload(base.id, 'manual.pdf', '%PDF-1.7');
    expect(pdf.status).toBe(400);
    expect(pdf.body.details.accepted).toEqual(['.txt', '.md', '.csv', '.json']);
    expect((await upload(base.id, 'data.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x41]))).status).toBe(400);
    const none = await asTenant('POST', `/knowledge-bases/${base.id}/documents`);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('INVALID_REQUEST');
  });

  it('accepts a file of exactly 10 MB and refuses a larger one with 413', async () => {
    const base = await createBase({ chunk_size: 4_000, chunk_overlap: 0 });
    const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n';
    const tenMb = 10 * 1024 * 1024;
    const big = line.repeat(Math.ceil(tenMb / line.length)).slice(0, tenMb);

    const tooLarge = await upload(base.id, 'big.txt', `${big}x`);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'INVALID_REQUEST', details: { max_bytes: tenMb } });
    const accepted = await upload(base.id, 'big.txt', big);
    expect(accepted.status).toBe(202);
    await until(async () => (await db.indexingJob.findFirst({ where: { knowledgeBaseId: base.id } }))?.status === 'ready', 60_000);
    expect(await db.knowledgeChunk.count({ where: { knowledgeBaseId: base.id } })).toBe(accepted.body.data.chunks_created);
  }, 120_000);

  it('reindexes every chunk in the background and announces knowledge.reindexed', async () => {
    const base = await createBase({ chunk_size: 120, chunk_overlap: 0 });
    await asTenant('POST', `/knowledge-bases/${base.id}/ingest`, { content: FAQ });
    const { chunk_count: count } = await ready(base.id);

    const res = await asTenant('POST', `/knowledge-bases/${base.id}/reindex`);
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ chunks_reindexed: count, indexing_status: 'pending' });
    const fact = await facts.next(eventSubjects.knowledgeReindexed, (p) => p.jobId === res.body.data.job_id);
    expect(fact).toMatchObject({ orgId: tenant.orgId, knowledgeBaseId: base.id, chunksReindexed: count });
    expect((await ready(base.id)).indexing_status).toBe('ready');
  });

  it('picks up a job whose worker died mid-way (lapsed lease) and indexes it once', async () => {
    const base = await createBase();
    // One transaction, as a worker would have left them: the job running, its chunk written.
    const jobId = randomUUID();
    await db.$transaction([
      db.indexingJob.create({
        data: {
          id: jobId,
        knowledgeBaseId: base.id,
        orgId: tenant.orgId,
        kind: 'document',
        source: 'orphan.txt',
        content: JSON.stringify(['Left behind by a crashed worker.']),
        chunkCount: 1,
        status: 'indexing',
        attempts: 1,
        leaseUntil: new Date(Date.now() - 1_000),
        },
      }),
      db.knowledgeChunk.create({
        data: { knowledgeBaseId: base.id, content: 'Left behind by a crashed worker.', chunkIndex: 0, source: 'orphan.txt', jobId },
      }),
    ]);

    await until(async () => (await db.indexingJob.findUnique({ where: { id: jobId } }))?.status === 'ready');
    expect(await db.knowledgeChunk.count({ where: { knowledgeBaseId: base.id } })).toBe(1);
    expect(await db.indexingJob.findUnique({ where: { id: jobId } })).toMatchObject({ attempts: 2, content: null });
  });
});
