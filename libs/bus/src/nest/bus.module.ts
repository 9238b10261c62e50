import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Bus, type BusOptions } from '../bus';

/** Drains the bus after the HTTP server has closed, so in-flight requests can still publish. */
@Injectable()
class BusShutdown implements OnApplicationShutdown {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.drain();
  }
}

/** Provides one connected `Bus` to the whole application. */
@Module({})
export class BusModule {
  static forRoot(options: BusOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [{ provide: Bus, useFactory: () => Bus.connect(options) }, BusShutdown],
      exports: [Bus],
    };
  }
}
