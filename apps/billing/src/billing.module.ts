import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness, RedisModule } from '@parley/service';
import { BalanceModule } from './balance/balance.module';
import type { BillingConfig } from './config';
import { DatabaseModule } from './database/database.module';

/**
 * Points ledger, balances, metering, plans and quotas.
 * `/readyz` checks exactly what it uses: NATS, Redis and Postgres (through the slice's client).
 */
@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig, logger: Logger): DynamicModule {
    return {
      module: BillingModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'billing', namespace: config.BUS_NAMESPACE, logger }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'billing' }),
        DatabaseModule.forRoot(config.DATABASE_URL),
        BalanceModule,
      ],
      providers: [busReadiness],
    };
  }
}
