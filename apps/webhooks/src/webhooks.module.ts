import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { WebhooksConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { DeliveriesRepository } from './delivery/deliveries.repository';
import { DeliveryDispatcher, DISPATCH_SETTINGS, type DispatchSettings } from './delivery/delivery-dispatcher';
import { DELIVERY_SETTINGS, DeliverySender, type DeliverySettings } from './delivery/delivery-sender';
import { DeliveryLogService } from './endpoints/delivery-log.service';
import { DISABLE_AFTER_FAILURES, EndpointHealth } from './endpoints/endpoint-health';
import { EndpointsService } from './endpoints/endpoints.service';
import { WebhooksRpc } from './endpoints/webhooks.rpc';
import { EventFanOut } from './events/event-fan-out';
import { CONSUMER_CONCURRENCY, PlatformEventsConsumer } from './events/platform-events.consumer';
import { TaskWebhooksConsumer } from './events/task-webhooks.consumer';

function deliverySettings(config: WebhooksConfig): DeliverySettings {
  return {
    timeoutMs: config.WEBHOOKS_TIMEOUT_MS,
    maxResponseBytes: config.WEBHOOKS_MAX_RESPONSE_BYTES,
    retry: { scheduleMs: config.WEBHOOKS_RETRY_SCHEDULE_MS, jitter: config.WEBHOOKS_RETRY_JITTER_PERCENT / 100 },
    allowedHosts: config.WEBHOOKS_ALLOWED_HOSTS,
  };
}

function dispatchSettings(config: WebhooksConfig): DispatchSettings {
  return { concurrency: config.WEBHOOKS_CONCURRENCY, pollIntervalMs: config.WEBHOOKS_POLL_INTERVAL_MS };
}

/**
 * Domain events to signed, retried HTTP deliveries, and the endpoint management RPCs.
 * `/readyz` checks exactly what it uses: NATS and Postgres (through the slice's client).
 */
@Module({})
export class WebhooksModule {
  static forRoot(config: WebhooksConfig, logger: Logger): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [
        BusModule.forRoot({
          url: config.NATS_URL,
          name: 'webhooks',
          namespace: config.BUS_NAMESPACE,
          logger,
          // Facts come on CALL, BILLING, DIALER and KNOWLEDGE; endpoint.disabled goes out on WEBHOOKS.
          streams: [streams.call, streams.billing, streams.dialer, streams.webhooks, streams.knowledge],
        }),
        DatabaseModule.forRoot(config.DATABASE_URL),
      ],
      providers: [
        busReadiness,
        { provide: DELIVERY_SETTINGS, useValue: deliverySettings(config) },
        { provide: DISPATCH_SETTINGS, useValue: dispatchSettings(config) },
        { provide: DISABLE_AFTER_FAILURES, useValue: config.WEBHOOKS_DISABLE_AFTER_FAILURES },
        { provide: CONSUMER_CONCURRENCY, useValue: config.WEBHOOKS_CONSUMER_CONCURRENCY },
        DeliveriesRepository,
        DeliverySender,
        DeliveryDispatcher,
        EndpointHealth,
        EventFanOut,
        PlatformEventsConsumer,
        TaskWebhooksConsumer,
        EndpointsService,
        DeliveryLogService,
        WebhooksRpc,
      ],
    };
  }
}
