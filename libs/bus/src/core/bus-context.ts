import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { BusLogger, BusStats } from './bus-logger';
import type { Namespace } from './namespace';

/** What the bus's parts share: one connection, one namespace, one logger, one set of counters. */
export interface BusContext {
  readonly nc: NatsConnection;
  readonly ns: Namespace;
  readonly log: BusLogger;
  readonly stats: BusStats;
}

/** Facts about a received message besides its payload. */
export interface MessageMeta {
  /** The contract subject (namespace removed); tells a wildcard subscriber which call it is. */
  readonly subject: string;
}

/** Stop receiving: `drain` lets in-flight messages finish, `unsubscribe` drops them. */
export type BusSubscription = Pick<Subscription, 'drain' | 'unsubscribe'>;
