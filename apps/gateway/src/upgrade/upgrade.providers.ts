import type { Provider } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { LOGGER, ServiceMetrics } from '@parley/service';
import { Redis } from 'ioredis';
import { CallLeases } from '../leases';
import { BalanceCheck } from './balance-check';
import { CallAdmission } from './call-admission';
import { DialTickets } from './dial-tickets';
import { KeyCache } from './key-cache';
import { KeyLookup } from './key-lookup';
import { UpgradeMetrics } from './upgrade-metrics';

export interface AdmissionOptions {
  readonly redisPrefix: string;
  readonly keyCacheTtlMs: number;
  readonly unknownKeyTtlMs: number;
  readonly balanceCacheTtlMs: number;
  readonly leaseTtlMs: number;
  readonly rpcTimeoutMs: number;
}

/** The plain classes behind `CallAdmission`, built from the gateway's config. */
export function admissionProviders(options: AdmissionOptions): Provider[] {
  const keyPrefix = options.redisPrefix;
  const { rpcTimeoutMs } = options;
  return [
    {
      provide: KeyCache,
      inject: [Redis],
      useFactory: (redis: Redis) =>
        new KeyCache(redis, {
          keyPrefix,
          ttlMs: options.keyCacheTtlMs,
          unknownTtlMs: options.unknownKeyTtlMs,
          // Outlasts a resolve in flight: its RPC timeout, then the cache write.
          tombstoneTtlMs: rpcTimeoutMs * 2 + 1000,
        }),
    },
    { provide: UpgradeMetrics, inject: [ServiceMetrics], useFactory: (m: ServiceMetrics) => new UpgradeMetrics(m) },
    {
      provide: KeyLookup,
      inject: [Bus, KeyCache, UpgradeMetrics],
      useFactory: (bus: Bus, cache: KeyCache, metrics: UpgradeMetrics) =>
        new KeyLookup(bus, cache, rpcTimeoutMs, metrics),
    },
    {
      provide: BalanceCheck,
      inject: [Bus, Redis],
      useFactory: (bus: Bus, redis: Redis) =>
        new BalanceCheck(bus, redis, { keyPrefix, ttlMs: options.balanceCacheTtlMs, rpcTimeoutMs }),
    },
    {
      provide: CallLeases,
      inject: [Redis, LOGGER],
      useFactory: (redis: Redis, log: Logger) =>
        new CallLeases(redis, {
          keyPrefix,
          ttlMs: options.leaseTtlMs,
          renewEveryMs: Math.floor(options.leaseTtlMs / 3),
          onRenewError: (err, lease) => log.warn({ err, callId: lease.callId }, 'call lease renewal failed'),
        }),
    },
    { provide: DialTickets, inject: [Bus], useFactory: (bus: Bus) => new DialTickets(bus, rpcTimeoutMs) },
    {
      provide: CallAdmission,
      inject: [KeyLookup, BalanceCheck, CallLeases, DialTickets],
      useFactory: (keys: KeyLookup, balance: BalanceCheck, leases: CallLeases, tickets: DialTickets) =>
        new CallAdmission(keys, balance, leases, tickets),
    },
  ];
}
