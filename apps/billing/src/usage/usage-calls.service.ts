import { Inject, Injectable } from '@nestjs/common';
import type { MeteredCall, MeteredCallStatus, UsageCallsReply, UsageCallsRequest } from '@parley/contracts';
import type { BillingClient, CallMeter, Prisma } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';
import { costOf, reasonOf } from '../metering/call-settled.mapper';

/** The dashboard's call logs: each metered call with its status, duration, points and cost. */
@Injectable()
export class UsageCallsService {
  constructor(@Inject(BILLING_DB) private readonly db: BillingClient) {}

  async list(request: UsageCallsRequest): Promise<UsageCallsReply> {
    const where = whereOf(request);
    const [rows, total] = await Promise.all([
      this.db.callMeter.findMany({
        where,
        orderBy: [{ startedAt: 'desc' }, { callId: 'desc' }],
        take: request.limit,
        skip: request.offset,
      }),
      this.db.callMeter.count({ where }),
    ]);
    return { calls: rows.map(toMeteredCall), total };
  }
}

function whereOf({ orgId, agentId, status, from, to }: UsageCallsRequest): Prisma.CallMeterWhereInput {
  const startedAt = from || to ? { ...(from && { gte: new Date(from) }), ...(to && { lte: new Date(to) }) } : undefined;
  return { orgId, ...(agentId && { agentId }), ...(startedAt && { startedAt }), ...(status && statusWhere(status)) };
}

function statusWhere(status: MeteredCallStatus): Prisma.CallMeterWhereInput {
  if (status === 'in_progress') return { settledAt: null };
  if (status === 'failed') return { settledAt: { not: null }, reason: 'PLATFORM_ERROR' };
  return { settledAt: { not: null }, NOT: { reason: 'PLATFORM_ERROR' } };
}

function statusOf(meter: CallMeter): MeteredCallStatus {
  if (!meter.settledAt) return 'in_progress';
  return meter.reason === 'PLATFORM_ERROR' ? 'failed' : 'completed';
}

function toMeteredCall(meter: CallMeter): MeteredCall {
  return {
    callId: meter.callId,
    agentId: meter.agentId,
    status: statusOf(meter),
    reason: reasonOf(meter),
    startedAt: meter.startedAt.toISOString(),
    endedAt: meter.endedAt?.toISOString() ?? null,
    durationSeconds: meter.seconds,
    points: Number(meter.points) + Number(meter.unpaidPoints),
    cost: costOf(meter),
  };
}
