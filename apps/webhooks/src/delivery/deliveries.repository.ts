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
   * Queues each event for every active subscribed endpoint of its organization, all in one
   * statement, claimed by the caller for `leaseMs` (0: due now, for the poll). An event seen
   * before (same id and URL) queues nothing, so a redelivered bus event never sends twice.
   */
  fanOut(events: readonly FanOut[], leaseMs: number): Promise<DeliveryJob[]> {
    return this.db.$queryRaw<DeliveryJob[]>`
      WITH ev AS (
        SELECT * FROM unnest(${events.map((e) => e.orgId)}::uuid[], ${events.map((e) => e.eventId)}::text[],
          ${events.map((e) => e.eventType)}::text[], ${events.map((e) => e.body)}::text[])
          AS ev(org_id, event_id, event_type, body)),
      d AS (
        INSERT INTO deliveries (org_id, endpoint_id, url, event_id, event_type, body, next_attempt_at, updated_at)
        SELECT e.org_id, e.id, e.url, ev.event_id, ev.event_type, ev.body, ${leaseEnd(leaseMs)}, now()
        FROM ev JOIN endpoints e
          ON e.org_id = ev.org_id AND e.active AND (e.events = '{}' OR ev.event_type = ANY(e.events))
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

  /** Records attempts in one statement; a success also ends its endpoint's failure streak. */
  async record(attempts: readonly { job: DeliveryJob; outcome: AttemptOutcome }[]): Promise<void> {
    const column = <T>(pick: (outcome: AttemptOutcome) => T) => attempts.map(({ outcome }) => pick(outcome));
    await this.db.$executeRaw`
      WITH o AS (
        SELECT * FROM unnest(
          ${attempts.map(({ job }) => job.id)}::uuid[],
          ${column((o) => (o.kind === 'delivered' ? 'delivered' : o.kind === 'retry' ? 'pending' : 'failed'))}::text[],
          ${column((o) => o.status)}::int[],
          ${column((o) => o.latencyMs)}::int[],
          ${column((o) => (o.kind === 'delivered' ? null : o.error.slice(0, 500)))}::text[],
          ${column((o) => (o.kind === 'retry' ? (o.retryInMs ?? 0) : null))}::int[])
          AS o(id, status, response_code, latency_ms, last_error, retry_ms)),
      d AS (
        UPDATE deliveries SET status = o.status::delivery_status, attempts = attempts + 1,
          response_code = o.response_code, latency_ms = o.latency_ms, last_error = o.last_error,
          last_attempt_at = now(), delivered_at = CASE WHEN o.status = 'delivered' THEN now() END,
          next_attempt_at = CASE WHEN o.retry_ms IS NOT NULL THEN now() + o.retry_ms * interval '1 millisecond' END,
          updated_at = now()
        FROM o WHERE deliveries.id = o.id
        RETURNING deliveries.endpoint_id, o.status)
      UPDATE endpoints SET failure_count = 0, updated_at = now()
      WHERE failure_count > 0 AND id IN (SELECT endpoint_id FROM d WHERE status = 'delivered')`;
  }
}
