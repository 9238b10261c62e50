import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness, postgresReadiness, RedisModule } from '@parley/service';
import type { RestApiConfig } from './config';

/**
 * Public and dashboard HTTP API and live WebSockets; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS, Redis and Postgres.
 */
@Module({})
export class RestApiModule {
  static forRoot(config: RestApiConfig, logger: Logger): DynamicModule {
    return {
      module: RestApiModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'rest-api', logger }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'rest-api' }),
      ],
      providers: [busReadiness, postgresReadiness(config.DATABASE_URL)],
    };
  }
}
