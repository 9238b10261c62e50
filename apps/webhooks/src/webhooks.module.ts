import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness, postgresReadiness } from '@parley/service';
import type { WebhooksConfig } from './config';

/**
 * Domain events to signed, retried HTTP deliveries; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS and Postgres.
 */
@Module({})
export class WebhooksModule {
  static forRoot(config: WebhooksConfig, logger: Logger): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'webhooks', namespace: config.BUS_NAMESPACE, logger }),
      ],
      providers: [busReadiness, postgresReadiness(config.DATABASE_URL)],
    };
  }
}
