import { Controller, Get, Inject, Post, UseGuards } from '@nestjs/common';
import { rpcSubjects } from '@parley/contracts';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { SessionGuard } from '../auth/session.guard';
import { Endpoint, ValidBody, ValidQuery } from '../http/endpoint.decorator';
import { paginated } from '../http/paginated';
import { BillingAdminGuard } from './billing-admin.guard';
import {
  type CallLogQuery,
  callLogQuerySchema,
  type CreditBody,
  creditBodySchema,
  type LedgerQuery,
  ledgerQuerySchema,
  type UsageQuery,
  usageQuerySchema,
} from './billing-query.schema';
import { BillingRpcClient } from './billing-rpc.client';
import { callLogView, ledgerEntryView, usageView } from './billing-view.mapper';
import { QuotaService } from './quota.service';

/** `/api/v1/usage` and `/api/v1/quota` (reference 004 §4), with an API key. */
@Controller('api/v1')
@UseGuards(ApiKeyGuard)
export class UsageController {
  constructor(
    @Inject(BillingRpcClient) private readonly billing: BillingRpcClient,
    @Inject(QuotaService) private readonly quotas: QuotaService,
  ) {}

  @Get('usage')
  @Endpoint({ summary: 'Usage and cost totals with a breakdown', query: usageQuerySchema })
  async usage(@CurrentPrincipal() p: Principal, @ValidQuery() q: UsageQuery) {
    const request = { orgId: p.orgId, period: q.period, groupBy: q.group_by };
    return usageView(await this.billing.call(rpcSubjects.billingUsageSummary, request));
  }

  @Get('quota')
  @Endpoint({ summary: 'Plan quotas: limit, used and remaining per resource' })
  quota(@CurrentPrincipal() p: Principal) {
    return this.quotas.quotaOf(p.orgId, p.plan);
  }
}

/** The dashboard's billing (session auth): call logs, balance, ledger and admin credits. */
@Controller('api')
@UseGuards(SessionGuard)
export class DashboardBillingController {
  constructor(@Inject(BillingRpcClient) private readonly billing: BillingRpcClient) {}

  @Get('usage')
  @Endpoint({ summary: 'Call logs with filters agent, status, from, to', query: callLogQuerySchema, list: true })
  async callLogs(@CurrentPrincipal() p: Principal, @ValidQuery() q: CallLogQuery) {
    const { agent, status, from, to, limit, offset } = q;
    const request = { orgId: p.orgId, agentId: agent, status, from, to, limit, offset };
    const { calls, total } = await this.billing.call(rpcSubjects.billingUsageCalls, request);
    return paginated(calls.map(callLogView), total, q);
  }

  @Get('billing/balance')
  @Endpoint({ summary: 'Points balance' })
  async balance(@CurrentPrincipal() p: Principal) {
    const { points, asOf } = await this.billing.call(rpcSubjects.billingBalanceGet, { orgId: p.orgId });
    return { points, as_of: asOf };
  }

  @Get('billing/ledger')
  @Endpoint({ summary: 'Points ledger, newest first', query: ledgerQuerySchema, list: true })
  async ledger(@CurrentPrincipal() p: Principal, @ValidQuery() q: LedgerQuery) {
    const { entries, total } = await this.billing.call(rpcSubjects.billingLedgerList, { orgId: p.orgId, ...q });
    return paginated(entries.map(ledgerEntryView), total, q);
  }

  @Post('billing/credits')
  @UseGuards(BillingAdminGuard)
  @Endpoint({ summary: 'Credit points (organization owner or admin)', body: creditBodySchema, status: 201 })
  async credit(@CurrentPrincipal() p: Principal, @ValidBody() body: CreditBody) {
    const idempotencyKey = `credit:${p.orgId}:${body.idempotency_key ?? crypto.randomUUID()}`;
    const request = { orgId: p.orgId, points: body.points, reason: body.reason, idempotencyKey };
    const reply = await this.billing.call(rpcSubjects.billingPointsCredit, request);
    return { entry_id: reply.entryId, balance: reply.balanceAfter, credited: reply.credited };
  }
}
