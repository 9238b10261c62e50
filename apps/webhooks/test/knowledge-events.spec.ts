import { randomUUID } from 'node:crypto';
import { eventSubjects, rpcSubjects } from '@parley/contracts';
import { WebhookReceiver } from '@parley/testing';
import { startWebhooks, type WebhooksHarness } from './support/webhooks-harness';

const RPC = { timeoutMs: 15_000 };

describe('knowledge facts delivered as webhooks (KNOWLEDGE stream)', () => {
  let h: WebhooksHarness;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    h = await startWebhooks('webhooks_knowledge');
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await receiver?.close();
    await h?.close();
  });

  it('delivers knowledge.document_uploaded and knowledge.reindexed in 004 format', async () => {
    const orgId = randomUUID();
    const knowledgeBaseId = randomUUID();
    await h.bus.request(rpcSubjects.webhookCreate, { orgId, url: receiver.url(), events: ['knowledge.document_uploaded', 'knowledge.reindexed'] }, RPC);
    const documentId = randomUUID();
    const jobId = randomUUID();
    const at = new Date().toISOString();
    await h.bus.publishEvent(
      eventSubjects.knowledgeDocumentUploaded,
      { orgId, knowledgeBaseId, documentId, source: 'faq.md', chunksCreated: 15, embedded: false, indexedAt: at },
      { msgId: documentId },
    );
    await h.bus.publishEvent(
      eventSubjects.knowledgeReindexed,
      { orgId, knowledgeBaseId, jobId, chunksReindexed: 42, embedded: false, reindexedAt: at },
      { msgId: jobId },
    );

    await receiver.waitForCount(2);
    const bodies = receiver.received.map((request) => JSON.parse(request.body) as Record<string, unknown>);
    expect(bodies).toEqual(
      expect.arrayContaining([
        {
          event_type: 'knowledge.document_uploaded',
          project_id: orgId,
          timestamp: at,
          data: { knowledge_base_id: knowledgeBaseId, document_id: documentId, source_file: 'faq.md', chunks_created: 15, embedded: false, indexed_at: at },
        },
        {
          event_type: 'knowledge.reindexed',
          project_id: orgId,
          timestamp: at,
          data: { knowledge_base_id: knowledgeBaseId, job_id: jobId, chunks_reindexed: 42, embedded: false, reindexed_at: at },
        },
      ]),
    );
  });
});
