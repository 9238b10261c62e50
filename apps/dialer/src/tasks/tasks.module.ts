import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module';
import { CallPlacer } from './call-placer';
import { TaskCallEventsConsumer } from './task-call-events.consumer';
import { TaskWebhooks } from './task-webhooks';
import { TasksRepository } from './tasks.repository';
import { TasksRpc } from './tasks.rpc';
import { TasksService } from './tasks.service';

/**
 * Tasks over the bus and their status machine. Needs `BusModule`, `DatabaseModule` and
 * `TelephonyModule` (all global) in the app.
 */
@Module({
  imports: [ReportsModule],
  providers: [TasksRepository, TasksService, TaskWebhooks, CallPlacer, TasksRpc, TaskCallEventsConsumer],
  exports: [CallPlacer, TaskWebhooks],
})
export class TasksModule {}
