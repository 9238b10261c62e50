import { Inject, Injectable } from '@nestjs/common';
import type { CallsClient, Prisma, Recording } from '@parley/db-calls';
import { isUuid } from '../calls/uuid';
import { CALLS_DB } from '../database/database.tokens';
import type { RecordingListQuery } from './recording-query.schema';

export interface RecordingPage {
  readonly recordings: Recording[];
  readonly total: number;
}

/** An organization's recordings. Every query names `orgId`, so another org's recording is not found. */
@Injectable()
export class RecordingsRepository {
  constructor(@Inject(CALLS_DB) private readonly db: CallsClient) {}

  async list(orgId: string, query: RecordingListQuery): Promise<RecordingPage> {
    const where: Prisma.RecordingWhereInput = {
      orgId,
      ...(query.status && { status: query.status }),
      ...(query.call_id && { callId: query.call_id }),
      ...(query.agent_id && { call: { agentId: query.agent_id } }),
    };
    const [recordings, total] = await Promise.all([
      this.db.recording.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.per_page,
        skip: (query.page - 1) * query.per_page,
      }),
      this.db.recording.count({ where }),
    ]);
    return { recordings, total };
  }

  find(orgId: string, id: string): Promise<Recording | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.recording.findFirst({ where: { id, orgId } });
  }

  /** The call's latest recording, completed ones first: what `GET /calls/:id/recording` serves. */
  latestOfCall(orgId: string, callId: string): Promise<Recording | null> {
    if (!isUuid(callId)) return Promise.resolve(null);
    return this.db.recording.findFirst({
      where: { callId, orgId },
      orderBy: [{ stoppedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    });
  }

  async delete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.db.recording.deleteMany({ where: { id, orgId } });
    return count > 0;
  }
}
