import { type DynamicModule, Module } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { RatePricing } from '../rate-card/rate-card';
import { CallEndedConsumer } from './call-ended.consumer';
import { CallSettlementService } from './call-settlement.service';
import { CallTerminator } from './call-terminator';
import { endCallForBalance } from './end-call-command';
import { UsageBatchWriter } from './usage-batch.writer';
import { USAGE_CONSUMER_OPTIONS, UsageConsumer } from './usage.consumer';
import { UsageSettler } from './usage-settler';

export interface MeteringOptions {
  readonly pricing: RatePricing;
  /** Usage events in flight at once (and so the largest batch). */
  readonly concurrency: number;
  readonly commandTimeoutMs: number;
}

/**
 * Usage events in, debits and exhaustion out; `call.ended` in, settlement and `call.settled`
 * out. Needs the global `Bus`, `LOGGER` and the billing database.
 */
@Module({})
export class MeteringModule {
  static forRoot(options: MeteringOptions): DynamicModule {
    return {
      module: MeteringModule,
      providers: [
        { provide: RatePricing, useValue: options.pricing },
        { provide: USAGE_CONSUMER_OPTIONS, useValue: { concurrency: options.concurrency } },
        UsageBatchWriter,
        {
          provide: UsageSettler,
          inject: [UsageBatchWriter],
          useFactory: (writer: UsageBatchWriter) => new UsageSettler(writer, options.concurrency),
        },
        {
          provide: CallTerminator,
          inject: [Bus, LOGGER],
          useFactory: (bus: Bus, log: Logger) =>
            new CallTerminator((callId) => endCallForBalance(bus, callId, options.commandTimeoutMs), log),
        },
        CallSettlementService,
        UsageConsumer,
        CallEndedConsumer,
      ],
      exports: [RatePricing],
    };
  }
}
