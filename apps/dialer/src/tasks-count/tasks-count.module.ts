import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createPrismaClient, type DialerClient } from '@parley/db-dialer';
import { TasksCountRepository } from './tasks-count.repository';
import { TasksCountRpc } from './tasks-count.rpc';
import { TASKS_COUNT_DB } from './tasks-count.tokens';

/** Closes the pool after the bus has stopped taking requests. */
@Injectable()
class TasksCountDbShutdown implements OnApplicationShutdown {
  constructor(@Inject(TASKS_COUNT_DB) private readonly db: DialerClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.$disconnect();
  }
}

/** Answers how many of an agent's tasks are in given statuses. Needs `BusModule` (global) in the app. */
@Module({})
export class TasksCountModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: TasksCountModule,
      providers: [
        { provide: TASKS_COUNT_DB, useFactory: () => createPrismaClient(databaseUrl) },
        TasksCountRepository,
        TasksCountRpc,
        TasksCountDbShutdown,
      ],
    };
  }
}
