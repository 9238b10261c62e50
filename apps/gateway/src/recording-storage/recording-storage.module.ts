import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { RecordingStore } from '@parley/recordings';

const RECORDING_STORE = Symbol('parley:recording-store');

/** Lets go of the store's connections once the calls, and so their recordings, have ended. */
@Injectable()
class RecordingStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(RECORDING_STORE) private readonly store: RecordingStore) {}

  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

/**
 * Owns the gateway's recording store (built from RECORDINGS_* and S3_* by `recordingStoreFromEnv`,
 * handed to the call loop as its sink): closes it at shutdown, after `CallSessions` ended the
 * live calls in `beforeApplicationShutdown`.
 */
@Module({})
export class RecordingStorageModule {
  static forStore(store: RecordingStore): DynamicModule {
    return {
      module: RecordingStorageModule,
      providers: [{ provide: RECORDING_STORE, useValue: store }, RecordingStoreLifecycle],
    };
  }
}
