import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { eventSubjects } from '@parley/contracts';
import type { WebhooksClient } from '@parley/db-webhooks';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { WEBHOOKS_DB } from '../database/database.tokens';

export const DISABLE_AFTER_FAILURES = Symbol('webhooks:disable-after-failures');

/**
 * Counts an endpoint's deliveries that failed for good; at the threshold the endpoint is
 * disabled (no new deliveries) and `webhooks.v1.evt.endpoint.disabled` is published, once.
 */
@Injectable()
export class EndpointHealth {
  constructor(
    @Inject(WEBHOOKS_DB) private readonly db: WebhooksClient,
    @Inject(Bus) private readonly bus: Bus,
    @Inject(DISABLE_AFTER_FAILURES) private readonly threshold: number,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async deliveryFailed(endpointId: string): Promise<void> {
    const [counted] = await this.db.$queryRaw<{ failure_count: number }[]>`
      UPDATE endpoints SET failure_count = failure_count + 1, updated_at = now()
      WHERE id = ${endpointId}::uuid RETURNING failure_count`;
    if (!counted || counted.failure_count < this.threshold) return;
    const disabled = await this.db.endpoint.updateManyAndReturn({
      where: { id: endpointId, active: true },
      data: { active: false, disabledAt: new Date() },
    });
    const [endpoint] = disabled;
    if (!endpoint?.disabledAt) return;
    this.log.warn({ endpointId, orgId: endpoint.orgId, failures: endpoint.failureCount }, 'webhook endpoint disabled');
    await this.bus.publishEvent(
      eventSubjects.webhookEndpointDisabled,
      {
        endpointId,
        orgId: endpoint.orgId,
        url: endpoint.url,
        consecutiveFailures: endpoint.failureCount,
        disabledAt: endpoint.disabledAt.toISOString(),
      },
      { msgId: `${endpointId}:disabled:${endpoint.disabledAt.getTime()}` },
    );
  }
}
