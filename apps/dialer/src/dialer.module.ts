import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { busReadiness } from '@parley/service';
import type { DialerConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { DialModule } from './dial/dial.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { SipModule } from './sip/sip.module';
import { TasksModule } from './tasks/tasks.module';
import { TasksCountModule } from './tasks-count/tasks-count.module';
import { TelephonyModule } from './telephony/telephony.module';
import { TwilioModule } from './telephony/twilio/twilio.module';

/**
 * Tasks, scheduling, outbound calls and call reports.
 * `/readyz` checks exactly what it uses: NATS and Postgres (through the slice's client).
 */
@Module({})
export class DialerModule {
  static forRoot(config: DialerConfig, logger: Logger): DynamicModule {
    return {
      module: DialerModule,
      imports: [
        BusModule.forRoot({
          url: config.NATS_URL,
          name: 'dialer',
          namespace: config.BUS_NAMESPACE,
          logger,
          streams: [streams.call, streams.dialer],
        }),
        TasksCountModule,
        DatabaseModule.forRoot(config.DATABASE_URL),
        TelephonyModule.forRoot(config),
        DialModule.forRoot(config.DIALER_RING_TIMEOUT_S * 1000),
        TasksModule,
        TwilioModule.forRoot(config),
        SipModule.forRoot({
          ticketTtlMs: config.DIALER_RING_TIMEOUT_S * 1000,
          gatewayPublicUrl: config.TWILIO_STREAM_BASE_URL,
          publicUrl: new URL(config.TWILIO_STATUS_CALLBACK_URL).origin,
          twilioAuthToken: config.TWILIO_AUTH_TOKEN,
        }),
        SchedulerModule.forRoot(
          {
            tickMs: config.DIALER_SCHEDULER_TICK_MS,
            batch: config.DIALER_SCHEDULER_BATCH,
            lookaheadMs: config.DIALER_SCHEDULER_LOOKAHEAD_MS,
            defaultMaxConcurrentCalls: config.DIALER_DEFAULT_MAX_CONCURRENT_CALLS,
          },
          { ringTimeoutMs: config.DIALER_RING_TIMEOUT_S * 1000, maxCallMs: config.DIALER_MAX_CALL_S * 1000 },
        ),
      ],
      providers: [busReadiness],
    };
  }
}
