import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { busReadiness, RedisModule } from '@parley/service';
import { BalanceModule } from './balance/balance.module';
import type { BillingConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { LedgerModule } from './ledger/ledger.module';
import { MeteringModule } from './metering/metering.module';
import { RatePricing } from './rate-card/rate-card';
import { UsageReportModule } from './usage/usage-report.module';

/**
 * Points ledger, balances, metering, plans and quotas.
 * `/readyz` checks exactly what it uses: NATS, Redis and Postgres (through the slice's client).
 */
@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig, logger: Logger): DynamicModule {
    const pricing = new RatePricing(config.BILLING_RATE_CARD);
    return {
      module: BillingModule,
      imports: [
        BusModule.forRoot({
          url: config.NATS_URL,
          name: 'billing',
          namespace: config.BUS_NAMESPACE,
          logger,
          // Usage comes on METERING and call ends on CALL; settlements go out on BILLING.
          streams: [streams.metering, streams.call, streams.billing],
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'billing' }),
        DatabaseModule.forRoot(config.DATABASE_URL),
        BalanceModule,
        LedgerModule,
        MeteringModule.forRoot({
          pricing,
          concurrency: config.BILLING_USAGE_CONCURRENCY,
          commandTimeoutMs: config.BILLING_COMMAND_TIMEOUT_MS,
        }),
        UsageReportModule,
      ],
      providers: [busReadiness],
    };
  }
}
