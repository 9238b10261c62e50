import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { callLatencySchema, eventSubjects } from '@parley/contracts';
import { z } from 'zod';
import { TurnTrace } from './turn-trace';

const startedSchema = z.object({ callId: z.string(), keyId: z.string() });
/** Only what the benches read; `reason` as text, so a renamed reason does not hide the figures. */
const endedSchema = z.object({
  callId: z.string(),
  reason: z.string(),
  turns: z.int(),
  durationMs: z.number(),
  latency: callLatencySchema,
});

export type CallEndedFigures = z.infer<typeof endedSchema>;

type Waiter<T> = (value: T) => void;

/**
 * `call.started` and `call.ended` as a plain core-NATS subscriber sees them. The Bus offers
 * event subjects only as durable JetStream consumers, which replay the stream's whole history
 * and outlive the bench; a core subscription sees new events only and leaves nothing behind.
 * The voice protocol never tells the caller its call id, so callers connect one at a time and
 * each takes the next `call.started` of the bench's key (`nextStarted`).
 */
export class CallEventWatch {
  /** Every call of this key seen starting: only their `call.ended` events are kept. */
  private readonly ours = new Set<string>();
  /**
   * Every call id announced so far. A JetStream publish the server did not acknowledge is sent
   * again, and a core subscriber sees each attempt: a call must be handed out only once.
   */
  private readonly announced = new Set<string>();
  private readonly started: string[] = [];
  private readonly startedWaiters: Waiter<string>[] = [];
  private readonly ended = new Map<string, CallEndedFigures>();
  private readonly endedWaiters = new Map<string, Waiter<CallEndedFigures>>();
  private readonly subscriptions: Subscription[];
  /** The per-turn milestones of this key's calls. */
  readonly trace: TurnTrace;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly keyId: string,
  ) {
    this.trace = new TurnTrace(nc, (callId) => this.ours.has(callId));
    this.subscriptions = [
      nc.subscribe(eventSubjects.callStarted, { callback: (_err, msg) => this.onStarted(msg.json()) }),
      nc.subscribe(eventSubjects.callEnded, { callback: (_err, msg) => this.onEnded(msg.json()) }),
    ];
  }

  static async open(natsUrl: string, keyId: string): Promise<CallEventWatch> {
    const nc = await connect({ servers: natsUrl, name: 'bench' });
    const watch = new CallEventWatch(nc, keyId);
    await nc.flush(); // the subscriptions are registered before any call is placed
    return watch;
  }

  /** The id of the next call of this key to start, in the order the gateway announced them. */
  nextStarted(timeoutMs: number): Promise<string> {
    const callId = this.started.shift();
    if (callId) return Promise.resolve(callId);
    return withTimeout(timeoutMs, 'no call.started for the bench key', (resolve) => {
      this.startedWaiters.push(resolve);
      return () => this.startedWaiters.splice(this.startedWaiters.indexOf(resolve), 1);
    });
  }

  /** The call's `call.ended` figures (then forgets the call); undefined when none came in time. */
  async endedFigures(callId: string, timeoutMs: number): Promise<CallEndedFigures | undefined> {
    const figures =
      this.ended.get(callId) ??
      (await withTimeout<CallEndedFigures>(timeoutMs, 'no call.ended', (resolve) => {
        this.endedWaiters.set(callId, resolve);
        return () => this.endedWaiters.delete(callId);
      }).catch(() => undefined));
    this.ended.delete(callId);
    this.ours.delete(callId);
    return figures;
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.trace.close();
    await this.nc.drain();
  }

  private onStarted(json: unknown): void {
    const event = startedSchema.safeParse(json);
    if (!event.success || event.data.keyId !== this.keyId || this.announced.has(event.data.callId)) return;
    this.announced.add(event.data.callId);
    this.ours.add(event.data.callId);
    const waiter = this.startedWaiters.shift();
    if (waiter) waiter(event.data.callId);
    else this.started.push(event.data.callId);
  }

  private onEnded(json: unknown): void {
    const event = endedSchema.safeParse(json);
    if (!event.success || !this.ours.has(event.data.callId)) return;
    const waiter = this.endedWaiters.get(event.data.callId);
    this.endedWaiters.delete(event.data.callId);
    if (waiter) waiter(event.data);
    else this.ended.set(event.data.callId, event.data);
  }
}

/** `register` hands out the resolver and returns how to withdraw it when the time is up. */
function withTimeout<T>(ms: number, what: string, register: (resolve: Waiter<T>) => () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      withdraw();
      reject(new Error(`${what} within ${ms} ms`));
    }, ms);
    const withdraw = register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
