import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from '@parley/contracts';
import type { Delivery, Endpoint } from '@parley/db-webhooks';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** An endpoint as the RPCs report it; the secret only when `withSecret` (create, rotate). */
export function toWebhookEndpoint(row: Endpoint, withSecret = false): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    active: row.active,
    failureCount: row.failureCount,
    disabledAt: iso(row.disabledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(withSecret ? { secret: row.secret } : {}),
  };
}

export function toWebhookDelivery(row: Delivery): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    taskId: row.taskId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseCode: row.responseCode,
    latencyMs: row.latencyMs,
    lastError: row.lastError,
    // While an attempt runs this is its lease, not a schedule: report it only for pending rows.
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
  };
}
