import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { StreamDef } from '@parley/contracts';
import type { Namespace } from '../core/namespace';

/** JetStream's "stream name already in use" (with a different configuration). */
const STREAM_NAME_EXISTS = 10058;

/** Only fields nats-server 2.9 understands: `metadata`, compression and the like need 2.10+. */
export function toStreamConfig(def: StreamDef, ns: Namespace): Partial<StreamConfig> & { name: string } {
  return {
    name: ns.stream(def.name),
    subjects: def.subjects.map((subject) => ns.subject(subject)),
    description: def.description,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_age: nanos(def.maxAgeMs),
    duplicate_window: nanos(def.duplicateWindowMs),
    num_replicas: 1,
  };
}

/**
 * Creates each stream, or brings an existing one to its definition. Adding a stream
 * that exists with the same config is a no-op on the server, so a fleet booting at
 * once converges without coordination.
 */
export async function ensureStreams(jsm: JetStreamManager, defs: readonly StreamDef[], ns: Namespace): Promise<void> {
  for (const def of defs) {
    const config = toStreamConfig(def, ns);
    try {
      await jsm.streams.add(config);
    } catch (err) {
      if (!(err instanceof JetStreamApiError && err.code === STREAM_NAME_EXISTS)) throw err;
      const { name, ...changes } = config;
      await jsm.streams.update(name, changes);
    }
  }
}

/** Deletes the streams (for tests and tooling; services never delete their history). */
export async function removeStreams(jsm: JetStreamManager, defs: readonly StreamDef[], ns: Namespace): Promise<void> {
  for (const def of defs) {
    await jsm.streams.delete(ns.stream(def.name)).catch((err: unknown) => {
      if (!(err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound)) throw err;
    });
  }
}
