import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER, OutboundTargetGuard, OutboundTargetRefused } from '@parley/service';
import { EndpointHealth } from '../endpoints/endpoint-health';
import { DeliveriesRepository } from './deliveries.repository';
import { GroupCommit } from './group-commit';
import type { AttemptOutcome, DeliveryJob } from './delivery-job';
import { sendWebhook, type SendOptions } from './http-sender';
import { nextRetryDelayMs, type RetryPolicy } from './retry-schedule';
import { webhookHeaders } from './webhook-signature';

export const DELIVERY_SETTINGS = Symbol('webhooks:delivery-settings');

export interface DeliverySettings extends SendOptions {
  readonly retry: RetryPolicy;
  readonly allowedHosts: readonly string[];
}

/**
 * One attempt of one claimed delivery: check the target, sign, POST, record the outcome and
 * when the next attempt is due. Never throws: every failure is an outcome in the log.
 */
@Injectable()
export class DeliverySender {
  private readonly guard: OutboundTargetGuard;
  /** Outcomes finishing together are written together: one statement for many attempts. */
  private readonly recorder: GroupCommit<{ job: DeliveryJob; outcome: AttemptOutcome }, undefined>;

  constructor(
    @Inject(DeliveriesRepository) private readonly deliveries: DeliveriesRepository,
    @Inject(EndpointHealth) private readonly health: EndpointHealth,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    this.guard = new OutboundTargetGuard(settings.allowedHosts);
    this.recorder = new GroupCommit(async (attempts) => {
      await deliveries.record(attempts);
      return attempts.map(() => undefined);
    });
  }

  /**
   * The lease an attempt needs: its timeout plus room to record the outcome. A sender killed
   * mid-attempt delays that delivery by at most this much.
   */
  get leaseMs(): number {
    return this.settings.timeoutMs + 5_000;
  }

  async attempt(job: DeliveryJob): Promise<void> {
    const outcome = await this.send(job);
    await this.recorder.submit({ job, outcome });
    const log = { deliveryId: job.id, eventId: job.eventId, endpointId: job.endpointId, attempt: job.attempts + 1 };
    if (outcome.kind === 'delivered') {
      this.log.debug({ ...log, status: outcome.status, latencyMs: outcome.latencyMs }, 'webhook delivered');
      return;
    }
    this.log.warn({ ...log, status: outcome.status, reason: outcome.error, outcome: outcome.kind }, 'webhook attempt failed');
    if (outcome.kind === 'failed' && job.endpointId) await this.health.deliveryFailed(job.endpointId);
  }

  private async send(job: DeliveryJob): Promise<AttemptOutcome> {
    if (job.secret === null) return { kind: 'failed', status: null, latencyMs: null, error: 'endpoint deleted' };
    let target;
    try {
      target = await this.guard.resolve(job.url);
    } catch (err) {
      const error = (err as Error).message;
      if (err instanceof OutboundTargetRefused) return { kind: 'failed', status: null, latencyMs: null, error };
      return this.failure(job, { status: null, latencyMs: null, error });
    }
    const headers = webhookHeaders({ secret: job.secret, body: job.body, eventId: job.eventId, eventType: job.eventType, now: new Date() });
    const result = await sendWebhook(target, job.body, headers, this.settings);
    if (result.ok && result.status >= 200 && result.status < 300) {
      return { kind: 'delivered', status: result.status, latencyMs: result.latencyMs };
    }
    return result.ok
      ? this.failure(job, { status: result.status, latencyMs: result.latencyMs, error: `HTTP ${result.status}` })
      : this.failure(job, { status: null, latencyMs: result.latencyMs, error: result.error });
  }

  /** Any answer but 2xx is retried on the schedule (a receiver mid-deploy answers 404 or 503 too). */
  private failure(job: DeliveryJob, failed: { status: number | null; latencyMs: number | null; error: string }): AttemptOutcome {
    const failedAttempts = job.attempts + 1 - job.scheduleStart;
    const retryInMs = nextRetryDelayMs(this.settings.retry, failedAttempts);
    return retryInMs === null ? { kind: 'failed', ...failed } : { kind: 'retry', ...failed, retryInMs };
  }
}
