import { type DynamicModule, Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { DueTasksRepository } from './due-tasks.repository';
import { SCHEDULER_SETTINGS, type SchedulerSettings, TaskScheduler } from './task-scheduler';

/** Dials scheduled tasks when due; safe to run in every dialer instance. */
@Module({})
export class SchedulerModule {
  static forRoot(settings: SchedulerSettings): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [TasksModule],
      providers: [{ provide: SCHEDULER_SETTINGS, useValue: settings }, DueTasksRepository, TaskScheduler],
    };
  }
}
