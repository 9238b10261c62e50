import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Bus, type BusSubscription } from '@parley/bus';
import { LIVE_SUBJECTS, type LiveEvent } from './live-messages';

export type LiveListener = (event: LiveEvent) => void;

/**
 * One core subscription per instance to the call facts, fanned out to this instance's sockets
 * by organization. Live only: a socket sees what happens while it is connected.
 */
@Injectable()
export class LiveEventsHub implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly byOrg = new Map<string, Set<LiveListener>>();
  private subscription: BusSubscription | undefined;

  constructor(@Inject(Bus) private readonly bus: Bus) {}

  onApplicationBootstrap(): void {
    this.subscription = this.bus.tapEvents(LIVE_SUBJECTS, (event) => this.dispatch(event));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** Calls `listener` with each fact of the organization's calls; returns the way to stop. */
  listen(orgId: string, listener: LiveListener): () => void {
    const listeners = this.byOrg.get(orgId) ?? new Set<LiveListener>();
    listeners.add(listener);
    this.byOrg.set(orgId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.byOrg.delete(orgId);
    };
  }

  private dispatch(event: LiveEvent): void {
    for (const listener of this.byOrg.get(event.payload.orgId) ?? []) listener(event);
  }
}
