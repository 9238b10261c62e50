import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Bus, type BusSubscription } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import type { SttEngines } from '../engine/stt-engine';
import { STT_ENGINES, STT_SETTINGS, type SttSettings } from '../stt-settings';
import { SttSessions } from './stt-sessions';

/**
 * The worker's RPCs. Opens share the `stt` queue group, so any worker may take a new call; a close
 * must reach the one worker holding the call, so each worker hears every close in a group of its own.
 *
 * Shutdown order: stop taking opens (another worker takes the next call), publish the last finals of
 * the open sessions while the bus still runs, then free the engine.
 */
@Injectable()
export class SttRpcHandlers
  implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown
{
  private subscriptions: BusSubscription[] = [];

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(SttSessions) private readonly sessions: SttSessions,
    @Inject(STT_ENGINES) private readonly engines: SttEngines,
    @Inject(STT_SETTINGS) private readonly settings: SttSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriptions = [
      this.bus.serve(rpcSubjects.sttSessionOpen, (request) => this.sessions.open(request)),
      this.bus.serve(rpcSubjects.sttSessionClose, (request) => this.sessions.close(request), {
        queue: this.settings.workerId,
      }),
    ];
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.sessions.closeAll('shutdown');
  }

  onApplicationShutdown(): Promise<void> {
    return this.engines.close();
  }
}
