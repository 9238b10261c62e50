import { jetstream, type JetStreamClient, type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type {
  AudioFrameHeaders,
  AudioSubject,
  EventMap,
  EventSubject,
  MessageMap,
  MessageSubject,
  RpcReply,
  RpcRequest,
  RpcSubject,
  StreamDef,
} from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { type AudioHandler, publishAudio, subscribeAudio } from './core/audio';
import type { BusContext, BusSubscription } from './core/bus-context';
import { BusError } from './core/bus-error';
import { tapEvents, type TapHandler } from './core/event-tap';
import type { BusLogger, BusStats } from './core/bus-logger';
import { type MessageHandler, publishMessage, subscribeMessages, type SubscribeOptions } from './core/messages';
import { Namespace } from './core/namespace';
import { watchStatus } from './core/watch-status';
import { type ConsumeOptions, consumeEvents, type EventConsumer, type EventHandler } from './jetstream/event-consumer';
import { type EventAck, publishEvent, type PublishEventOptions } from './jetstream/events';
import { ensureStreams, removeStreams } from './jetstream/streams';
import { type RequestOptions, requestRpc } from './rpc/rpc-client';
import { type RpcHandler, serveRpc, type ServeOptions } from './rpc/rpc-server';

export interface BusOptions {
  /** e.g. `nats://127.0.0.1:4222`. */
  readonly url: string;
  /** Client name shown by the server (`nats server report connections`): the service name. */
  readonly name: string;
  /** Prefix for every subject and stream name, so tests can share one server. */
  readonly namespace?: string;
  /** Defaults to a JSON logger tagged with `name`. */
  readonly logger?: BusLogger;
}

/**
 * The typed NATS client every service uses. Subjects and payloads come from
 * `@parley/contracts`, so a wrong payload does not compile, and every message is
 * validated where it leaves and where it enters a process.
 */
export class Bus {
  private readonly ctx: BusContext;
  private readonly consumers = new Set<EventConsumer>();
  private js?: JetStreamClient;
  private jsm?: Promise<JetStreamManager>;
  private draining?: Promise<void>;

  private constructor(nc: NatsConnection, ns: Namespace, log: BusLogger) {
    this.ctx = { nc, ns, log, stats: { invalidMessages: 0, handlerErrors: 0 } };
  }

  /** Connects once (fails fast when NATS is unreachable), then reconnects forever. */
  static async connect(options: BusOptions): Promise<Bus> {
    const ns = new Namespace(options.namespace);
    const nc = await connect({ servers: options.url, name: options.name, maxReconnectAttempts: -1 }).catch(
      (err: unknown) => {
        throw new Error(`cannot connect to NATS at ${withoutCredentials(options.url)}`, { cause: err });
      },
    );
    const log = options.logger ?? createLogger({ service: options.name });
    void watchStatus(nc, log);
    return new Bus(nc, ns, log);
  }

  publish<S extends MessageSubject>(subject: S, payload: MessageMap[S]): void {
    publishMessage(this.ctx, subject, payload);
  }

  subscribe<S extends MessageSubject>(
    subject: S,
    handler: MessageHandler<S>,
    options?: SubscribeOptions,
  ): BusSubscription {
    return subscribeMessages(this.ctx, subject, handler, options);
  }

  request<S extends RpcSubject>(subject: S, payload: RpcRequest<S>, options: RequestOptions): Promise<RpcReply<S>> {
    return requestRpc(this.ctx, subject, payload, options);
  }

  serve<S extends RpcSubject>(subject: S, handler: RpcHandler<S>, options?: ServeOptions): BusSubscription {
    return serveRpc(this.ctx, subject, handler, options);
  }

  publishAudio(subject: AudioSubject, frame: Uint8Array, headers: AudioFrameHeaders): void {
    publishAudio(this.ctx, subject, frame, headers);
  }

  subscribeAudio(subject: AudioSubject, handler: AudioHandler): BusSubscription {
    return subscribeAudio(this.ctx, subject, handler);
  }

  /** Live fan-out of stored events over core NATS: no ack, no replay (see `tapEvents`). */
  tapEvents<S extends EventSubject>(subjects: readonly S[], handler: TapHandler<S>): BusSubscription {
    return tapEvents(this.ctx, subjects, handler);
  }

  /** Creates or updates the streams; safe to call at every boot. */
  async ensureStreams(defs: readonly StreamDef[]): Promise<void> {
    await ensureStreams(await this.manager(), defs, this.ctx.ns);
  }

  /** Deletes the streams: for tests and tooling only. */
  async removeStreams(defs: readonly StreamDef[]): Promise<void> {
    await removeStreams(await this.manager(), defs, this.ctx.ns);
  }

  publishEvent<S extends EventSubject>(
    subject: S,
    payload: EventMap[S],
    options: PublishEventOptions,
  ): Promise<EventAck> {
    return publishEvent(this.ctx, this.jetstream(), subject, payload, options);
  }

  async consume<S extends EventSubject = EventSubject>(
    stream: StreamDef,
    durableName: string,
    handler: EventHandler<S>,
    options?: ConsumeOptions<S>,
  ): Promise<EventConsumer> {
    const clients = { js: this.jetstream(), jsm: await this.manager() };
    const consumer = await consumeEvents(this.ctx, clients, stream, durableName, handler, options);
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  /** Resolves when the server answers a round trip; for readiness checks. */
  async ping(timeoutMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BusError('REQUEST_TIMEOUT', `NATS did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.ctx.nc.flush(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Graceful shutdown: event consumers finish and ack the event in hand, subscriptions
   * process what they already received, pending publishes are flushed, then the
   * connection closes. Safe to call more than once.
   */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      await this.stopConsuming();
      if (!this.ctx.nc.isClosed()) await this.ctx.nc.drain();
    })();
    return this.draining;
  }

  /**
   * Event consumers finish and ack the event in hand and take no more; publishing, RPCs and
   * subscriptions go on. Shutdown calls it before anything their handlers use is closed.
   */
  async stopConsuming(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  }

  /** Resolves when the connection is closed; rejects if it closed because of an error. */
  async closed(): Promise<void> {
    const err = await this.ctx.nc.closed();
    if (err) throw err;
  }

  /** Counters of messages dropped and handlers failed since connect. */
  stats(): Readonly<BusStats> {
    return { ...this.ctx.stats };
  }

  private jetstream(): JetStreamClient {
    this.js ??= jetstream(this.ctx.nc);
    return this.js;
  }

  private manager(): Promise<JetStreamManager> {
    this.jsm ??= jetstreamManager(this.ctx.nc).catch((err: unknown) => {
      this.jsm = undefined; // let the next call retry, e.g. once JetStream is back
      throw err;
    });
    return this.jsm;
  }
}

/** The URL for an error message: a `nats://user:pass@host` must not reach the logs. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
