import { domainEventsWildcard } from './event-subjects';

/** A JetStream stream as the bus creates it at boot; plain data, no NATS types. */
export interface StreamDef {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly description: string;
  /** Events older than this are dropped; consumers must keep up within it. */
  readonly maxAgeMs: number;
  /** A second publish with the same `Nats-Msg-Id` inside this window is discarded. */
  readonly duplicateWindowMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One stream per domain (DESIGN "NATS subjects"). */
export const streams = {
  call: {
    name: 'CALL',
    subjects: [domainEventsWildcard('call')],
    description: 'Facts about calls: started, transcript lines, recordings, ended',
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  // Cache invalidation facts: a day covers any consumer outage worth replaying, since a
  // cache entry older than its TTL is gone anyway.
  identity: {
    name: 'IDENTITY',
    subjects: [domainEventsWildcard('identity')],
    description: 'Facts about organizations and API keys: key revoked',
    maxAgeMs: DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  agents: {
    name: 'AGENTS',
    subjects: [domainEventsWildcard('agents')],
    description: 'Facts about agents: configuration changed or deleted',
    maxAgeMs: DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  // Usage of live calls, debited as it comes: a day outlasts any billing outage worth replaying.
  metering: {
    name: 'METERING',
    subjects: [domainEventsWildcard('metering')],
    description: 'Usage of live calls, one event per metering interval',
    maxAgeMs: DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  billing: {
    name: 'BILLING',
    subjects: [domainEventsWildcard('billing')],
    description: 'Facts about charges: a call settled with its cost',
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  // Task webhooks waiting for delivery: a week, like CALL, so a long webhooks outage loses none.
  dialer: {
    name: 'DIALER',
    subjects: [domainEventsWildcard('dialer')],
    description: 'Facts from the dialer: task webhooks requested',
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  webhooks: {
    name: 'WEBHOOKS',
    subjects: [domainEventsWildcard('webhooks')],
    description: 'Facts about webhook endpoints: disabled after repeated failures',
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
  // Knowledge facts wait for webhook delivery: a week, like CALL, so a webhooks outage loses none.
  knowledge: {
    name: 'KNOWLEDGE',
    subjects: [domainEventsWildcard('knowledge')],
    description: 'Facts about knowledge bases: a document indexed, a knowledge base reindexed',
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
} as const satisfies Record<string, StreamDef>;

/** Every stream, for `ensureStreams` at boot. */
export const ALL_STREAMS: readonly StreamDef[] = Object.values(streams);
