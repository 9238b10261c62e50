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
    description: 'Facts about calls: started, transcript lines, ended',
    maxAgeMs: 7 * DAY_MS,
    duplicateWindowMs: 2 * 60 * 1000,
  },
} as const satisfies Record<string, StreamDef>;

/** Every stream, for `ensureStreams` at boot. */
export const ALL_STREAMS: readonly StreamDef[] = Object.values(streams);
