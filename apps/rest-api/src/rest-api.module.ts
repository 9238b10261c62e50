import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { busReadiness, RedisModule } from '@parley/service';
import type { RestApiConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { IdentityModule } from './identity/identity.module';

/**
 * Public and dashboard HTTP API, live WebSockets, and the identity RPCs the gateway uses.
 * `/readyz` checks exactly what it uses: NATS, Redis and Postgres (through the slices' clients).
 */
@Module({})
export class RestApiModule {
  static forRoot(config: RestApiConfig, logger: Logger): DynamicModule {
    return {
      module: RestApiModule,
      imports: [
        BusModule.forRoot({
          url: config.NATS_URL,
          name: 'rest-api',
          namespace: config.BUS_NAMESPACE,
          logger,
          streams: [streams.identity, streams.agents],
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'rest-api' }),
        DatabaseModule.forRoot(config.DATABASE_URL),
        IdentityModule,
      ],
      providers: [busReadiness],
    };
  }
}
