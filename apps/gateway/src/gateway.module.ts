import { type DynamicModule, Module } from '@nestjs/common';
import { BusModule } from '@parley/bus';
import { streams } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { recordingStoreFromEnv } from '@parley/recordings';
import { busReadiness, RedisModule } from '@parley/service';
import { CallModule, CallSessions } from './call';
import type { GatewayConfig } from './config';
import { RecordingStorageModule } from './recording-storage/recording-storage.module';
import { UpgradeModule } from './upgrade/upgrade.module';

/**
 * Voice WebSocket edge and per-call conversation loop.
 * `/readyz` checks exactly what it uses: NATS and Redis.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    const recordings = recordingStoreFromEnv(config, logger);
    return {
      module: GatewayModule,
      imports: [
        BusModule.forRoot({
          url: config.NATS_URL,
          name: 'gateway',
          namespace: config.BUS_NAMESPACE,
          logger,
          // CALL stores what the calls publish, METERING their usage; IDENTITY and AGENTS feed the key cache.
          streams: [streams.call, streams.metering, streams.identity, streams.agents],
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, connectionName: 'gateway' }),
        RecordingStorageModule.forStore(recordings),
        UpgradeModule.forRoot({
          redisPrefix: config.GATEWAY_REDIS_PREFIX,
          keyCacheTtlMs: config.GATEWAY_KEY_CACHE_TTL_S * 1000,
          unknownKeyTtlMs: config.GATEWAY_KEY_NEGATIVE_TTL_S * 1000,
          balanceCacheTtlMs: config.GATEWAY_BALANCE_CACHE_TTL_S * 1000,
          leaseTtlMs: config.GATEWAY_LEASE_TTL_S * 1000,
          rpcTimeoutMs: config.GATEWAY_RPC_TIMEOUT_MS,
          handoff: CallSessions,
          handoffModule: CallModule.withSettings({
            vad: config.GATEWAY_VAD,
            recordings,
            endpointingMs: config.GATEWAY_ENDPOINTING_MS,
            endpointingMidPhraseMs: config.GATEWAY_ENDPOINTING_MID_PHRASE_MS,
            speculativeReplyMs: config.GATEWAY_SPECULATIVE_REPLY_MS,
          }),
        }),
      ],
      providers: [busReadiness],
    };
  }
}
