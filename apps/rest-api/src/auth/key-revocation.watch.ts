import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Bus, type BusSubscription } from '@parley/bus';
import { eventSubjects } from '@parley/contracts';
import { ApiKeyResolver } from './api-key-resolver';

export type RevokedListener = () => void;

/**
 * Every rest-api process (each cluster worker, each instance) hears each key revocation and
 * agent change live, over a core subscription: it drops its cached resolution at once and
 * tells whoever holds the key open (the live sockets) to close. `KeyRevocationConsumer` is the
 * durable half: it sets the Redis mark, which catches a process that missed the live event.
 */
@Injectable()
export class KeyRevocationWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listeners = new Map<string, Set<RevokedListener>>();
  private subscription: BusSubscription | undefined;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(ApiKeyResolver) private readonly resolver: ApiKeyResolver,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.bus.tapEvents([eventSubjects.keyRevoked, eventSubjects.agentChanged], (event) => {
      if (event.subject === eventSubjects.agentChanged) {
        if (event.payload.change === 'deleted') this.resolver.forgetAgent(event.payload.agentId);
        return;
      }
      this.resolver.forget(event.payload.keyHash);
      this.revoked(event.payload.keyId);
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** Calls `listener` once if key `keyId` is revoked; returns the way to stop listening. */
  onRevoked(keyId: string, listener: RevokedListener): () => void {
    const listeners = this.listeners.get(keyId) ?? new Set<RevokedListener>();
    listeners.add(listener);
    this.listeners.set(keyId, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(keyId) === listeners) this.listeners.delete(keyId);
    };
  }

  /** Also called by this process's own revocation, so its sockets close without the round trip. */
  revoked(keyId: string): void {
    const listeners = this.listeners.get(keyId);
    if (!listeners) return;
    this.listeners.delete(keyId);
    for (const listener of listeners) listener();
  }
}
