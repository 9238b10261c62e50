import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { busReadiness, RedisModule } from '@parley/service';
import { AgentsModule } from './agents/agents.module';
import { AuthModule } from './auth/auth.module';
import { BillingModule } from './billing/billing.module';
import { CallsModule } from './calls/calls.module';
import type { RestApiConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { RestKernelModule } from './http/rest-kernel.module';
import { IdentityModule } from './identity/identity.module';
import { KeysModule } from './keys/keys.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { RecordingsModule } from './recordings/recordings.module';
import { SipModule } from './sip/sip.module';
import { ControlModule } from './control/control.module';
import { LiveModule } from './live/live.module';
import { TasksModule } from './tasks/tasks.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * Public and dashboard HTTP API, live WebSockets, and the identity RPCs the gateway uses.
 * `/readyz` checks exactly what it uses: NATS, Redis and Postgres (through the slices' clients).
 * Feature modules: one line each in `features` below.
 */
@Module({})
export class RestApiModule {
  static forRoot(config: RestApiConfig, logger: Logger): DynamicModule {
    return {
      module: RestApiModule,
      imports: [
        BusModule.forRoot({
          url: config.NATS_URL,
          name: 'rest-api',
          namespace: config.BUS_NAMESPACE,
          logger,
          streams: [streams.identity, streams.agents, streams.call, streams.billing, streams.dialer, streams.knowledge],
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'rest-api' }),
        DatabaseModule.forRoot(config.DATABASE_URL),
        RestKernelModule.forRoot(config),
        AuthModule,
        IdentityModule,
        ...(features ?? []),
      ],
      providers: [busReadiness],
    };
  }
}

/** The API's features; each helper appends its module on its own line. */
const features: DynamicModule['imports'] = [
  AgentsModule,
  CallsModule,
  RecordingsModule,
  ControlModule,
  LiveModule,
  TasksModule,
  BillingModule,
  KeysModule,
  WebhooksModule,
  KnowledgeModule,
  SipModule,
];
