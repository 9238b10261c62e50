import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness, RedisModule } from '@parley/service';
import type { GatewayConfig } from './config';

/**
 * Voice WebSocket edge and per-call conversation loop; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS and Redis.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'gateway', logger }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'gateway' }),
      ],
      providers: [busReadiness],
    };
  }
}
