import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { TaskWebhooks } from '../../tasks/task-webhooks';
import { TwilioCallsRepository } from './twilio-calls.repository';
import type { TwilioStatusCallback } from './twilio-status.schema';

/** Twilio's endings of a call nobody answered, as the task's `last_error`. */
const UNANSWERED: Partial<Record<TwilioStatusCallback['CallStatus'], string>> = {
  busy: 'BUSY',
  'no-answer': 'NO_ANSWER',
  failed: 'CALL_FAILED',
  canceled: 'CANCELED',
};

/**
 * What a Twilio status callback means for the task's call: an unanswered ending fails the task
 * (if the call never reached the gateway; once it did, the gateway's `call.ended` decides), and an
 * AMD result is kept so the call's report can say a machine answered.
 */
@Injectable()
export class TwilioCallStatus {
  constructor(
    @Inject(TwilioCallsRepository) private readonly repository: TwilioCallsRepository,
    @Inject(TaskWebhooks) private readonly webhooks: TaskWebhooks,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async apply(callId: string, callback: TwilioStatusCallback): Promise<void> {
    const { CallStatus: status, AnsweredBy: answeredBy, CallSid: callSid } = callback;
    this.log.info({ callId, callSid, status, answeredBy }, 'twilio call status');
    if (answeredBy) await this.repository.recordAnswer(callId, answeredBy);
    const error = UNANSWERED[status];
    if (error) await this.failUnanswered(callId, error);
  }

  private async failUnanswered(callId: string, error: string): Promise<void> {
    const failed = await this.repository.failUnconnected(callId, error);
    if (!failed) return;
    this.log.info({ taskId: failed.id, callId, error }, 'task failed: its call was not answered');
    await this.webhooks.notifyOrLog(failed, 'call_failed', { error });
  }
}
