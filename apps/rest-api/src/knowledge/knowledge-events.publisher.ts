import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { eventSubjects, type KnowledgeDocumentUploadedEvent, type KnowledgeReindexedEvent } from '@parley/contracts';

/**
 * Knowledge facts on the KNOWLEDGE stream; the webhooks service turns them into
 * `knowledge.document_uploaded` and `knowledge.reindexed`. The job id is the message id, so a job
 * run again after a crash publishes a duplicate JetStream discards.
 */
@Injectable()
export class KnowledgeEvents {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async documentUploaded(event: KnowledgeDocumentUploadedEvent): Promise<void> {
    await this.bus.publishEvent(eventSubjects.knowledgeDocumentUploaded, event, { msgId: `knowledge-document:${event.documentId}` });
  }

  async reindexed(event: KnowledgeReindexedEvent): Promise<void> {
    await this.bus.publishEvent(eventSubjects.knowledgeReindexed, event, { msgId: `knowledge-reindex:${event.jobId}` });
  }
}
