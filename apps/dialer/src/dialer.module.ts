import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { busReadiness, postgresReadiness } from '@parley/service';
import type { DialerConfig } from './config';
import { TasksCountModule } from './tasks-count/tasks-count.module';

/**
 * Tasks, scheduling, outbound calls and call reports; features arrive with their issues.
 * `/readyz` checks exactly what it uses: NATS and Postgres.
 */
@Module({})
export class DialerModule {
  static forRoot(config: DialerConfig, logger: Logger): DynamicModule {
    return {
      module: DialerModule,
      imports: [
        BusModule.forRoot({ url: config.NATS_URL, name: 'dialer', namespace: config.BUS_NAMESPACE, logger }),
        TasksCountModule.forRoot(config.DATABASE_URL),
      ],
      providers: [busReadiness, postgresReadiness(config.DATABASE_URL)],
    };
  }
}
