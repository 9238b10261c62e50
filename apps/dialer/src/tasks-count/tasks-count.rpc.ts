import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { TasksCountRepository } from './tasks-count.repository';

/**
 * Serves `dialer.v1.rpc.tasks.count` in the `dialer` queue group: rest-api asks before it deletes
 * an agent, since tasks live in the dialer's slice. The bus drain at shutdown ends the subscription.
 */
@Injectable()
export class TasksCountRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(TasksCountRepository) private readonly repository: TasksCountRepository,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.dialerTasksCount, async (request) => ({
      count: await this.repository.count(request),
    }));
  }
}
