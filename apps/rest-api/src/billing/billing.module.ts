import { Module } from '@nestjs/common';
import { BillingAdminGuard } from './billing-admin.guard';
import { BillingRpcClient } from './billing-rpc.client';
import { DashboardBillingController, UsageController } from './billing.controller';
import { QuotaService } from './quota.service';

/** Usage, quota, balance, ledger and credits over billing's RPCs. Needs the REST kernel, auth, bus and database (global). */
@Module({
  controllers: [UsageController, DashboardBillingController],
  providers: [BillingRpcClient, QuotaService, BillingAdminGuard],
  exports: [QuotaService],
})
export class BillingModule {}
