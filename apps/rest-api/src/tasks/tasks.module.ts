import { Module } from '@nestjs/common';
import { DialerTasksClient } from './dialer-tasks.client';
import { TaskOwnersRepository } from './task-owners.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** `/api/v1/tasks`. Needs the REST kernel, auth, `BusModule` and `DatabaseModule` (all global). */
@Module({
  controllers: [TasksController],
  providers: [DialerTasksClient, TaskOwnersRepository, TasksService],
})
export class TasksModule {}
