import { Inject, Injectable } from '@nestjs/common';
import { type DialerClient, Prisma, type Task as TaskRow } from '@parley/db-dialer';
import { DIALER_DB } from '../database/database.tokens';

type Tx = Prisma.TransactionClient;

interface DueRow {
  id: string;
  org_id: string;
}

/**
 * Claims due scheduled tasks for one scheduler pass, safely beside other dialer instances:
 * due rows are locked with `FOR UPDATE SKIP LOCKED` (another instance skips them rather than
 * waiting), and each organization's free slots are counted after taking a transaction-scoped
 * advisory lock on it, so two instances cannot both fill its last free slot. Five round trips
 * per pass whatever the batch size.
 */
@Injectable()
export class DueTasksRepository {
  constructor(@Inject(DIALER_DB) private readonly db: DialerClient) {}

  /**
   * Moves up to `batch` tasks due within `aheadMs` to in_progress with fresh call ids, highest
   * priority first.
   */
  async claim(batch: number, defaultLimit: number, aheadMs: number): Promise<TaskRow[]> {
    const ids = await this.db.$transaction(async (tx) => {
      const due = await lockDue(tx, batch, defaultLimit, aheadMs);
      if (due.length === 0) return [];
      const orgIds = [...new Set(due.map((row) => row.org_id))];
      await lockOrganizations(tx, orgIds);
      return startWithinCapacity(tx, due, orgIds, defaultLimit);
    });
    if (ids.length === 0) return [];
    return this.db.task.findMany({
      where: { id: { in: ids } },
      orderBy: [{ priority: 'desc' }, { scheduledAt: 'asc' }, { createdAt: 'asc' }],
    });
  }

  /**
   * When the next pending task beyond `aheadMs` falls due; null when none is. Tasks already due
   * but waiting for a free slot are retried every tick instead.
   */
  async nextDueAt(aheadMs: number): Promise<Date | null> {
    const next = await this.db.task.findFirst({
      where: { status: 'pending', scheduledAt: { gt: new Date(Date.now() + aheadMs) } },
      orderBy: { scheduledAt: 'asc' },
      select: { scheduledAt: true },
    });
    return next?.scheduledAt ?? null;
  }
}

/**
 * Locks the due rows a pass may start. Organizations already at their limit are left out here, so
 * their backlog cannot fill the batch and starve others; the authoritative count comes later.
 */
function lockDue(tx: Tx, batch: number, defaultLimit: number, aheadMs: number): Promise<DueRow[]> {
  return tx.$queryRaw<DueRow[]>`
    SELECT t.id, t.org_id::text FROM tasks t
    WHERE t.status = 'pending' AND t.scheduled_at <= now() + make_interval(secs => ${aheadMs / 1000})
      AND (SELECT count(*) FROM tasks r WHERE r.org_id = t.org_id AND r.status = 'in_progress')
        < COALESCE((SELECT l.max_concurrent_calls FROM org_limits l WHERE l.org_id = t.org_id), ${defaultLimit})
    ORDER BY t.priority DESC, t.scheduled_at ASC, t.created_at ASC
    LIMIT ${batch}
    FOR UPDATE OF t SKIP LOCKED`;
}

/** In one order for every instance, so two passes cannot deadlock on each other's organizations. */
async function lockOrganizations(tx: Tx, orgIds: string[]): Promise<void> {
  await tx.$executeRaw`
    SELECT count(pg_advisory_xact_lock(hashtextextended('dialer:org:' || o, 0)))
    FROM (SELECT unnest(${orgIds}::text[]) AS o ORDER BY 1) AS ordered`;
}

/**
 * Starts the locked tasks that fit their organization's free slots, in priority order. A new
 * statement takes a new snapshot, so the count includes what other instances committed while this
 * one waited for the organization locks.
 */
async function startWithinCapacity(tx: Tx, due: DueRow[], orgIds: string[], defaultLimit: number) {
  const ids = due.map((row) => row.id);
  const started = await tx.$queryRaw<{ id: string }[]>`
    WITH free AS (
      SELECT o.org_id,
        COALESCE(l.max_concurrent_calls, ${defaultLimit})
          - (SELECT count(*) FROM tasks r WHERE r.org_id = o.org_id AND r.status = 'in_progress') AS slots
      FROM unnest(${orgIds}::uuid[]) AS o(org_id) LEFT JOIN org_limits l ON l.org_id = o.org_id
    ), ranked AS (
      SELECT t.id, t.org_id,
        row_number() OVER (PARTITION BY t.org_id ORDER BY t.priority DESC, t.scheduled_at, t.created_at) AS rank
      FROM tasks t WHERE t.id = ANY(${ids}::uuid[])
    )
    UPDATE tasks SET status = 'in_progress', call_id = gen_random_uuid(), attempts = tasks.attempts + 1,
      started_at = now(), connected_at = NULL, completed_at = NULL, last_error = NULL, updated_at = now()
    FROM ranked JOIN free ON free.org_id = ranked.org_id
    WHERE tasks.id = ranked.id AND ranked.rank <= free.slots
    RETURNING tasks.id::text`;
  return started.map((row) => row.id);
}
