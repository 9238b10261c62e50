import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type WebhooksClient } from '@parley/db-webhooks';
import { WEBHOOKS_DB } from '../database/database.tokens';
import type { AttemptOutcome, DeliveryJob } from './delivery-job';

/** Selects a job from rows named `d`, with the secret that signs it. */
const JOB_SELECT = Prisma.sql`
  SELECT d.id, d.org_id::text AS "orgId", d.endpoint_id::text AS "endpointId", d.task_id AS "taskId", d.url,
    d.event_id AS "eventId", d.event_type AS "eventType", d.body, d.attempts, d.schedule_start AS "scheduleStart",
    COALESCE(e.secret, k.secret) AS secret
  FROM d
  LEFT JOIN endpoints e ON e.id = d.endpoint_id
  LEFT JOIN org_signing_keys k ON d.endpoint_id IS NULL AND d.task_id IS NOT NULL AND k.org_id = d.org_id`;

/** One event for the endpoints of an organization that subscribe to its type. */
export interface FanOut {
  readonly orgId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly body: string;
}

/** A delivery to a URL of the event's own: a task's `webhook_url`. */
export interface TaskDelivery extends FanOut {
  readonly taskId: string;
  readonly url: string;
}

function leaseEnd(leaseMs: number) {
  return Prisma.sql`now() + ${leaseMs} * interval '1 millisecond'`;
}

/**
 * The delivery log as a work queue. A pending row is due at `next_attempt_at`; claiming it moves
 * that time to the end of a lease, so a sender that dies mid-attempt leaves the row due again
 * once the lease runs out, and `FOR UPDATE SKIP LOCKED` keeps two instances off one row.
 */
@Injectable()
export class DeliveriesRepository {
  constructor(@Inject(WEBHOOKS_DB) private readonly db: WebhooksClient) {}

  /**
   * Queues `event` for every active subscribed endpoint in one statement, claimed by the caller
   * for `leaseMs` (0: due now, for the scheduler). An event seen before (same id and URL) queues
   * nothing, so a redelivered bus event never sends twice.
   */
  fanOut(event: FanOut, leaseMs: number): Promise<DeliveryJob[]> {
    return this.db.$queryRaw<DeliveryJob[]>`
      WITH d AS (
        INSERT INTO deliveries (org_id, endpoint_id, url, event_id, event_type, body, next_attempt_at, updated_at)
        SELECT org_id, id, url, ${event.eventId}, ${event.eventType}, ${event.body}, ${leaseEnd(leaseMs)}, now()
        FROM endpoints
        WHERE org_id = ${event.orgId}::uuid AND active AND (events = '{}' OR ${event.eventType} = ANY(events))
        ON CONFLICT (event_id, url) DO NOTHING
        RETURNING *)
      ${JOB_SELECT}`;
  }

  /** Queues one task webhook (signed with the org's task key, created on first use). */
  async queueTask(delivery: TaskDelivery, newSecret: string, leaseMs: number): Promise<DeliveryJob | undefined> {
    await this.db.orgSigningKey.upsert({
      where: { orgId: delivery.orgId },
      create: { orgId: delivery.orgId, secret: newSecret },
      update: {},
    });
    const rows = await this.db.$queryRaw<DeliveryJob[]>`
      WITH d AS (
        INSERT INTO deliveries (org_id, task_id, url, event_id, event_type, body, next_attempt_at, updated_at)
        VALUES (${delivery.orgId}::uuid, ${delivery.taskId}, ${delivery.url}, ${delivery.eventId},
          ${delivery.eventType}, ${delivery.body}, ${leaseEnd(leaseMs)}, now())
        ON CONFLICT (event_id, url) DO NOTHING
        RETURNING *)
      ${JOB_SELECT}`;
    return rows[0];
  }

  /** Claims up to `limit` due deliveries for `leaseMs`, oldest due first. */
  claimDue(limit: number, leaseMs: number): Promise<DeliveryJob[]> {
    return this.db.$queryRaw<DeliveryJob[]>`
      WITH d AS (
        UPDATE deliveries SET next_attempt_at = ${leaseEnd(leaseMs)}
        WHERE id IN (
          SELECT id FROM deliveries
          WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        RETURNING *)
      ${JOB_SELECT}`;
  }

  /** Records an attempt in one statement; a success also ends the endpoint's failure streak. */
  async record(job: DeliveryJob, outcome: AttemptOutcome): Promise<void> {
    const delivered = outcome.kind === 'delivered';
    const status = delivered ? 'delivered' : outcome.kind === 'retry' ? 'pending' : 'failed';
    const error = delivered ? null : outcome.error.slice(0, 500);
    const next = outcome.kind === 'retry' ? leaseEnd(outcome.retryInMs ?? 0) : Prisma.sql`NULL`;
    await this.db.$executeRaw`
      WITH d AS (
        UPDATE deliveries SET status = ${status}::delivery_status, attempts = attempts + 1,
          response_code = ${outcome.status}, latency_ms = ${outcome.latencyMs}, last_error = ${error},
          last_attempt_at = now(), delivered_at = ${delivered ? Prisma.sql`now()` : Prisma.sql`NULL`},
          next_attempt_at = ${next}, updated_at = now()
        WHERE id = ${job.id}::uuid
        RETURNING endpoint_id)
      UPDATE endpoints SET failure_count = 0, updated_at = now()
      WHERE ${delivered} AND failure_count > 0 AND id = (SELECT endpoint_id FROM d)`;
  }
}
