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
import type { TtsEngines } from '../engine/tts-engines';
import { TTS_ENGINE } from '../tts-settings';
import { SpeechCalls } from './speech-calls';

/**
 * Serves `tts.v1.rpc.synthesize` in the `tts` queue group. Shutdown order: stop taking requests (other
 * workers take them), finish the sentences accepted while the bus still runs, then free the engine.
 */
@Injectable()
export class TtsRpcHandlers
  implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown
{
  private subscription: BusSubscription | null = null;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(SpeechCalls) private readonly calls: SpeechCalls,
    @Inject(TTS_ENGINE) private readonly engines: TtsEngines,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.bus.serve(rpcSubjects.ttsSynthesize, (request) => this.calls.synthesize(request));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.calls.drain();
  }

  onApplicationShutdown(): Promise<void> {
    return this.engines.close();
  }
}
