import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { StreamDef } from '@parley/contracts';
import { Bus, type BusOptions } from '../bus';

export interface BusModuleOptions extends BusOptions {
  /**
   * JetStream streams this service publishes to or consumes from, created (or brought to their
   * definition) before the app starts: an event published with no stream to store it is lost.
   */
  readonly streams?: readonly StreamDef[];
}

/**
 * Shuts the bus in two steps. Event consumers stop first (`beforeApplicationShutdown`): the event
 * in hand is handled while the database pools and Redis clients it may use are still open (they
 * close in `onApplicationShutdown`). The connection drains after the HTTP server has closed, so
 * in-flight requests and other shutdown steps can still publish.
 */
@Injectable()
class BusShutdown implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.bus.stopConsuming();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.drain();
  }
}

async function connect({ streams = [], ...options }: BusModuleOptions): Promise<Bus> {
  const bus = await Bus.connect(options);
  if (streams.length > 0) await bus.ensureStreams(streams);
  return bus;
}

/** Provides one connected `Bus` to the whole application. */
@Module({})
export class BusModule {
  static forRoot(options: BusModuleOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [{ provide: Bus, useFactory: () => connect(options) }, BusShutdown],
      exports: [Bus],
    };
  }
}
