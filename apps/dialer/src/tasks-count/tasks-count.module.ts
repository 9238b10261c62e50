import { Module } from '@nestjs/common';
import { TasksCountRepository } from './tasks-count.repository';
import { TasksCountRpc } from './tasks-count.rpc';

/**
 * Answers how many of an agent's tasks are in given statuses (`dialer.v1.rpc.tasks.count`).
 * Needs `BusModule` and the dialer's `DatabaseModule` (both global) in the app.
 */
@Module({ providers: [TasksCountRepository, TasksCountRpc] })
export class TasksCountModule {}
