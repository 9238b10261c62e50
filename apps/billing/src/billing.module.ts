import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness, postgresReadiness, RedisModule } from '@parley/service';
import type { BillingConfig } from './config';

/**
 * Points ledger, balances, metering, plans and quotas; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS, Redis and Postgres.
 */
@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig, logger: Logger): DynamicModule {
    return {
      module: BillingModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'billing', logger }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'billing' }),
      ],
      providers: [busReadiness, postgresReadiness(config.DATABASE_URL)],
    };
  }
}
