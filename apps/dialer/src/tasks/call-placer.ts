import { Inject, Injectable } from '@nestjs/common';
import type { Task as TaskRow } from '@parley/db-dialer';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { DialTickets } from '../dial/dial-tickets';
import { type OutboundCall, TELEPHONY_PROVIDER, type TelephonyProvider } from '../telephony/telephony-provider';
import { TaskWebhooks } from './task-webhooks';
import { TasksRepository } from './tasks.repository';

/**
 * Dials a task that was just moved to in_progress (by `execute` or the scheduler). A provider that
 * refuses the call fails the task at once with its reason; otherwise call events finish it.
 */
@Injectable()
export class CallPlacer {
  constructor(
    @Inject(TELEPHONY_PROVIDER) private readonly provider: TelephonyProvider,
    @Inject(TasksRepository) private readonly repository: TasksRepository,
    @Inject(TaskWebhooks) private readonly webhooks: TaskWebhooks,
    @Inject(DialTickets) private readonly tickets: DialTickets,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async place(task: TaskRow): Promise<void> {
    const ticket = await this.tickets.issue(task.callId as string);
    if (!ticket) {
      this.log.info({ taskId: task.id, callId: task.callId }, 'task moved on before its call was placed, not dialed');
      return;
    }
    const call = outboundCall(task, ticket);
    await this.webhooks.notifyOrLog(task, 'call_started');
    try {
      await this.provider.dial(call);
      this.log.info({ taskId: task.id, callId: call.callId, provider: this.provider.name }, 'outbound call placed');
    } catch (err) {
      this.log.warn({ err, taskId: task.id, callId: call.callId, provider: this.provider.name }, 'outbound call refused');
      await this.fail(call.callId, err instanceof Error ? err.message : String(err));
    }
  }

  private async fail(callId: string, reason: string): Promise<void> {
    const failed = await this.repository.finishCall(callId, 'failed', reason);
    if (failed) await this.webhooks.notifyOrLog(failed, 'call_failed', { error: reason });
  }
}

function outboundCall(task: TaskRow, ticket: string): OutboundCall {
  return {
    callId: task.callId as string,
    taskId: task.id,
    orgId: task.orgId,
    agentId: task.agentId,
    toNumber: task.toNumber,
    startingMessage: task.startingMessage,
    contextData: (task.contextData as Record<string, unknown> | null) ?? null,
    ticket,
  };
}
