import type { WebhookDelivery, WebhookEndpoint } from '@parley/contracts';
import type { WebhookDeliveryView, WebhookView } from './webhook-view.schema';

/** The bus's camelCase endpoint as the API's snake_case view. */
export function toWebhookView(endpoint: WebhookEndpoint): WebhookView {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    active: endpoint.active,
    failure_count: endpoint.failureCount,
    disabled_at: endpoint.disabledAt,
    created_at: endpoint.createdAt,
    updated_at: endpoint.updatedAt,
    ...(endpoint.secret ? { secret: endpoint.secret } : {}),
  };
}

export function toWebhookDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    response_code: delivery.responseCode,
    latency_ms: delivery.latencyMs,
    last_error: delivery.lastError,
    next_attempt_at: delivery.nextAttemptAt,
    delivered_at: delivery.deliveredAt,
    created_at: delivery.createdAt,
  };
}
