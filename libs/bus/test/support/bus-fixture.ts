import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Bus, type BusLogger } from '../../src';

// @parley/testing's testInfra() will own this; until then, the env URL or the local default.
export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** A prefix no other test file (or earlier run) uses, so files can run in parallel. */
export function uniqueNamespace(label: string): string {
  return `t_${label}_${randomBytes(4).toString('hex')}`;
}

export interface LogEntry {
  level: 'warn' | 'error';
  fields: object;
  message: string;
}

/** Keeps log calls for assertions instead of printing them. */
export function collectingLogger(): BusLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    warn: (fields, message) => entries.push({ level: 'warn', fields, message }),
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
  };
}

export function connectBus(namespace: string, logger = collectingLogger()): Promise<Bus> {
  return Bus.connect({ url: NATS_URL, name: `bus-test-${namespace}`, namespace, logger });
}

/** A plain NATS client, to put on the wire what the typed bus refuses to send. */
export function connectRaw(): Promise<NatsConnection> {
  return connect({ servers: NATS_URL, name: 'bus-test-raw' });
}

/** Resolves when `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A promise plus its resolver, for "the handler saw this" assertions. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
