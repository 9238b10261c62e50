import { Inject, Injectable } from '@nestjs/common';
import type { DialerClient, Task as TaskRow } from '@parley/db-dialer';
import { DIALER_DB } from '../../database/database.tokens';

/** What Twilio's status callbacks change in the dialer slice. */
@Injectable()
export class TwilioCallsRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  /**
   * Fails the task of a call that ended before it ever reached the gateway (busy, no answer...);
   * null when no task waits for it or the call connected (then the gateway's `call.ended` decides).
   */
  async failUnconnected(callId: string, error: string): Promise<TaskRow | null> {
    const { count } = await this.db.task.updateMany({
      where: { callId, status: 'in_progress', connectedAt: null },
      data: { status: 'failed', completedAt: new Date(), lastError: error },
    });
    return count === 1 ? this.db.task.findFirst({ where: { callId } }) : null;
  }

  /** Keeps the first AMD result reported for the call (a later callback repeats it). */
  async recordAnswer(callId: string, answeredBy: string): Promise<void> {
    await this.db.callAnswer.createMany({ data: [{ callId, answeredBy }], skipDuplicates: true });
  }
}
