import { type DynamicModule, Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { DueTasksRepository } from './due-tasks.repository';
import { STALE_CALL_LIMITS, StaleCallSweeper } from './stale-call-sweeper';
import { type StaleCallLimits, StaleCallsRepository } from './stale-calls.repository';
import { SCHEDULER_SETTINGS, type SchedulerSettings, TaskScheduler } from './task-scheduler';

/** Dials scheduled tasks when due; safe to run in every dialer instance. */
@Module({})
export class SchedulerModule {
  static forRoot(settings: SchedulerSettings, limits: StaleCallLimits): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [TasksModule],
      providers: [
        { provide: SCHEDULER_SETTINGS, useValue: settings },
        { provide: STALE_CALL_LIMITS, useValue: limits },
        DueTasksRepository,
        StaleCallsRepository,
        StaleCallSweeper,
        TaskScheduler,
      ],
    };
  }
}
