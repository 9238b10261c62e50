import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { TasksService } from './tasks.service';

/**
 * Serves the task RPCs in the `dialer` queue group, shared by every dialer instance; rest-api's
 * `/api/v1/tasks` controllers are thin clients of these. The bus drain at shutdown ends them.
 */
@Injectable()
export class TasksRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(TasksService) private readonly tasks: TasksService,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.dialerTaskCreate, (request) => this.tasks.create(request));
    this.bus.serve(rpcSubjects.dialerTaskList, (request) => this.tasks.list(request));
    this.bus.serve(rpcSubjects.dialerTaskGet, (request) => this.tasks.get(request));
    this.bus.serve(rpcSubjects.dialerTaskUpdate, (request) => this.tasks.update(request));
    this.bus.serve(rpcSubjects.dialerTaskDelete, (request) => this.tasks.delete(request));
    this.bus.serve(rpcSubjects.dialerTaskExecute, (request) => this.tasks.execute(request));
    this.bus.serve(rpcSubjects.dialerTaskReset, (request) => this.tasks.reset(request));
  }
}
