import { Inject, Injectable } from '@nestjs/common';
import type { DialerClient, Task as TaskRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';

export interface StaleCallLimits {
  /** Placed but never reached the gateway. */
  readonly ringTimeoutMs: number;
  /** Reached the gateway but no ending arrived. */
  readonly maxCallMs: number;
}

/**
 * Fails in-progress tasks whose call will never end on its own: it never connected (the callee
 * did not answer, the provider lost it, or a dialer died between claim and dial), or its ending
 * was lost. Without this such a task would hold one of its organization's slots forever.
 */
@Injectable()
export class StaleCallsRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  async failStale({ ringTimeoutMs, maxCallMs }: StaleCallLimits): Promise<TaskRow[]> {
    const failed = await this.db.$queryRaw<{ id: string }[]>`
      UPDATE tasks SET status = 'failed', completed_at = now(), updated_at = now(),
        last_error = CASE WHEN connected_at IS NULL THEN 'NO_ANSWER' ELSE 'CALL_LOST' END
      WHERE status = 'in_progress' AND (
        (connected_at IS NULL AND started_at < now() - make_interval(secs => ${ringTimeoutMs / 1000}))
        OR connected_at < now() - make_interval(secs => ${maxCallMs / 1000}))
      RETURNING id::text`;
    if (failed.length === 0) return [];
    return this.db.task.findMany({ where: { id: { in: failed.map((row) => row.id) } } });
  }
}
