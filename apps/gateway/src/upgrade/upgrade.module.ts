import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { LOGGER, ServiceMetrics } from '@parley/service';
import { Redis } from 'ioredis';
import { CallLeases } from '../leases';
import { BalanceCheck } from './balance-check';
import { CallAdmission } from './call-admission';
import { CALL_HANDOFF, type CallHandoff } from './call-handoff';
import { KeyCache } from './key-cache';
import { KeyCacheInvalidation } from './key-cache-invalidation';
import { KeyLookup } from './key-lookup';
import { UpgradeMetrics } from './upgrade-metrics';
import { VoiceHttpController } from './voice-http.controller';
import { VoiceUpgradeServer } from './voice-upgrade.server';

export interface UpgradeOptions {
  readonly redisPrefix: string;
  readonly keyCacheTtlMs: number;
  readonly unknownKeyTtlMs: number;
  readonly balanceCacheTtlMs: number;
  readonly leaseTtlMs: number;
  readonly rpcTimeoutMs: number;
  /** What runs an accepted call, provided by `handoffModule` or else by this module. */
  readonly handoff: Type<CallHandoff>;
  readonly handoffModule?: Type | DynamicModule;
}

/**
 * The voice upgrade: authorization (key cache, identity and billing RPCs, concurrency
 * leases) before the WebSocket handshake, then the hand-off to the call loop. Needs the
 * global `Bus`, `Redis` and `LOGGER`.
 */
@Module({})
export class UpgradeModule {
  static forRoot(options: UpgradeOptions): DynamicModule {
    const prefix = options.redisPrefix;
    return {
      module: UpgradeModule,
      imports: options.handoffModule ? [options.handoffModule] : [],
      controllers: [VoiceHttpController],
      providers: [
        {
          provide: KeyCache,
          inject: [Redis],
          useFactory: (redis: Redis) =>
            new KeyCache(redis, {
              keyPrefix: prefix,
              ttlMs: options.keyCacheTtlMs,
              unknownTtlMs: options.unknownKeyTtlMs,
              // Outlasts a resolve in flight: its RPC timeout, then the cache write.
              tombstoneTtlMs: options.rpcTimeoutMs * 2 + 1000,
            }),
        },
        { provide: UpgradeMetrics, inject: [ServiceMetrics], useFactory: (m: ServiceMetrics) => new UpgradeMetrics(m) },
        {
          provide: KeyLookup,
          inject: [Bus, KeyCache, UpgradeMetrics],
          useFactory: (bus: Bus, cache: KeyCache, metrics: UpgradeMetrics) =>
            new KeyLookup(bus, cache, options.rpcTimeoutMs, metrics),
        },
        {
          provide: BalanceCheck,
          inject: [Bus, Redis],
          useFactory: (bus: Bus, redis: Redis) =>
            new BalanceCheck(bus, redis, {
              keyPrefix: prefix,
              ttlMs: options.balanceCacheTtlMs,
              rpcTimeoutMs: options.rpcTimeoutMs,
            }),
        },
        {
          provide: CallLeases,
          inject: [Redis, LOGGER],
          useFactory: (redis: Redis, log: Logger) =>
            new CallLeases(redis, {
              keyPrefix: prefix,
              ttlMs: options.leaseTtlMs,
              renewEveryMs: Math.floor(options.leaseTtlMs / 3),
              onRenewError: (err, lease) => log.warn({ err, callId: lease.callId }, 'call lease renewal failed'),
            }),
        },
        {
          provide: CallAdmission,
          inject: [KeyLookup, BalanceCheck, CallLeases],
          useFactory: (keys: KeyLookup, balance: BalanceCheck, leases: CallLeases) =>
            new CallAdmission(keys, balance, leases),
        },
        options.handoffModule ? [] : [options.handoff],
        { provide: CALL_HANDOFF, useExisting: options.handoff },
        VoiceUpgradeServer,
        KeyCacheInvalidation,
      ].flat(),
      exports: [CallLeases, KeyCache],
    };
  }
}
