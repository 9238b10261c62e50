import { Inject, Injectable } from '@nestjs/common';
import { type Call, type CallsClient, Prisma, type Recording, type TranscriptEntry } from '@parley/db-calls';
import { CALLS_DB } from '../database/database.tokens';
import type { StoredCallReport } from './call-report';
import type { CallListQuery } from './call-query.schema';
import { isUuid } from './uuid';

export type CallWithCount = Call & { _count: { transcript: number } };
export type CallWithDetail = CallWithCount & { transcript: TranscriptEntry[]; recordings: Recording[] };

export interface CallPage {
  readonly calls: CallWithCount[];
  readonly total: number;
}

const LINE_COUNT = { _count: { select: { transcript: true } } } as const;

/** Reads an organization's calls. Every query names `orgId`, so another org's call is not found. */
@Injectable()
export class CallsRepository {
  constructor(@Inject(CALLS_DB) private readonly db: CallsClient) {}

  async list(orgId: string, query: CallListQuery): Promise<CallPage> {
    const where: Prisma.CallWhereInput = {
      orgId,
      ...(query.task_id && { taskId: query.task_id }),
      ...(query.agent_id && { agentId: query.agent_id }),
      ...(query.status && { status: query.status }),
    };
    const [calls, total] = await Promise.all([
      this.db.call.findMany({
        where,
        include: LINE_COUNT,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.db.call.count({ where }),
    ]);
    return { calls, total };
  }

  /** The call with its transcript in order and its recordings, latest first. */
  findDetail(orgId: string, id: string): Promise<CallWithDetail | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.call.findFirst({
      where: { id, orgId },
      include: {
        ...LINE_COUNT,
        transcript: { orderBy: { seq: 'asc' } },
        recordings: { orderBy: [{ stoppedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }] },
      },
    });
  }

  /** The call with its transcript in order, without recordings. */
  findWithTranscript(orgId: string, id: string): Promise<(Call & { transcript: TranscriptEntry[] }) | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.call.findFirst({ where: { id, orgId }, include: { transcript: { orderBy: { seq: 'asc' } } } });
  }

  /** Stores a report written on the fly unless one (the dialer's) arrived meanwhile; returns what is stored. */
  async saveReportIfMissing(id: string, report: StoredCallReport): Promise<StoredCallReport> {
    const json = report as unknown as Prisma.InputJsonValue;
    const { count } = await this.db.call.updateMany({ where: { id, report: { equals: Prisma.DbNull } }, data: { report: json } });
    if (count > 0) return report;
    const stored = await this.db.call.findUniqueOrThrow({ where: { id }, select: { report: true } });
    return stored.report as unknown as StoredCallReport;
  }
}
