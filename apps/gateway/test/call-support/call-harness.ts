import type { AddressInfo } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { Bus } from '@parley/bus';
import { type AgentConfig, type CallLimits, streams } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { ServiceMetrics } from '@parley/service';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { WebSocketServer } from 'ws';
import { type CallOrigin, type CallSettings, CallSessions, DEFAULT_CALL_SETTINGS } from '../../src/call';
import { loadVadFactory } from '../../src/vad';
import { type FakeBehaviour, FakeWorkers } from './fake-workers';
import { CallClient } from './call-client';

// The gateway specs import it from here with the harness.
export { waitFor } from '@parley/testing';

export function agentConfig(limits: Partial<CallLimits> = {}): AgentConfig {
  return {
    agentId: 'agent-1',
    name: 'Front desk',
    language: 'en',
    greeting: 'Hello, thanks for calling.',
    systemPrompt: 'You answer questions about the shop.',
    voice: { provider: 'fake', voiceId: 'v1' },
    llm: { provider: 'fake', model: 'm1' },
    sttProvider: 'fake',
    limits: { maxDurationSec: 60, maxTurns: 5, silenceTimeoutSec: 60, ...limits },
    knowledgeBaseIds: [],
  };
}

export interface StoredEvent {
  readonly subject: string;
  readonly payload: Record<string, unknown>;
}

export interface TestCall {
  readonly callId: string;
  readonly client: CallClient;
  readonly workers: FakeWorkers;
  /** Releases seen, and `lose()` to play the lease found gone. */
  readonly lease: { releases: number; lose: () => void };
}

/**
 * A gateway's call loop on the real NATS server: a `ws` server on port 0 whose connections
 * go straight to `CallSessions.start` (no upgrade authorization), fake workers on the bus
 * and a listener that records every call event.
 */
export class CallHarness {
  readonly events: StoredEvent[] = [];
  private callSeq = 0;
  private workers: FakeWorkers[] = [];
  private pendingCall?: { callId: string; agent: AgentConfig; lease: TestCall['lease']; origin?: CallOrigin };

  private constructor(
    readonly bus: Bus,
    private readonly raw: NatsConnection,
    private readonly server: WebSocketServer,
    readonly sessions: CallSessions,
    private readonly namespace: string,
    readonly metrics: ServiceMetrics,
  ) {}

  /**
   * The specs speak with tone bursts, which the energy VAD hears and Silero (rightly) does not:
   * the energy VAD unless `settings.vad` says otherwise.
   */
  static async create(label: string, settings: Partial<CallSettings> = {}): Promise<CallHarness> {
    const { natsUrl } = await testInfra();
    const namespace = uniqueNamespace(label);
    const log = createLogger({ service: 'gateway-spec', level: 'silent' });
    const bus = await Bus.connect({ url: natsUrl, name: 'gateway-spec', namespace, logger: log });
    await bus.ensureStreams([streams.call]);
    const raw = await connect({ servers: natsUrl, name: 'gateway-spec-events' });
    const metrics = new ServiceMetrics('gateway');
    const callSettings: CallSettings = { ...DEFAULT_CALL_SETTINGS, vad: 'energy', ...settings };
    const vads = await loadVadFactory(callSettings.vad, log);
    const sessions = new CallSessions(bus, callSettings, log, metrics, vads);
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const harness = new CallHarness(bus, raw, server, sessions, namespace, metrics);
    harness.listen();
    return harness;
  }

  /** Opens a call as a telephony client would; the greeting starts at once. */
  async call(agent: AgentConfig = agentConfig(), behaviour: Partial<FakeBehaviour> = {}, origin?: CallOrigin): Promise<TestCall> {
    const callId = `call-${++this.callSeq}-${this.namespace}`.slice(0, 64);
    const workers = new FakeWorkers(this.bus, callId);
    Object.assign(workers.behaviour, behaviour);
    workers.start();
    this.workers.push(workers);
    const lease = { releases: 0, lose: () => undefined };
    this.pendingCall = { callId, agent, lease, origin };
    const { port } = this.server.address() as AddressInfo;
    const client = await CallClient.connect(`ws://127.0.0.1:${port}/voice/test`);
    return { callId, client, workers, lease };
  }

  /** A counter's or gauge's value for the given labels (0 when never set). */
  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    const values = (await this.metrics.registry.getSingleMetric(name)?.get())?.values ?? [];
    const match = values.find((v) => Object.entries(labels).every(([key, value]) => v.labels[key] === value));
    return match?.value ?? 0;
  }

  eventsOf(callId: string, subject: string): StoredEvent[] {
    return this.events.filter((event) => event.subject === subject && event.payload.callId === callId);
  }

  /** Stops the fake workers of earlier calls, so the next call's workers answer alone. */
  stopWorkers(): void {
    for (const workers of this.workers.splice(0)) workers.stop();
  }

  async close(): Promise<void> {
    this.stopWorkers();
    await this.sessions.beforeApplicationShutdown();
    await new Promise((resolve) => this.server.close(resolve));
    // Through the plain connection: a spec may have drained the gateway's bus on purpose.
    const jsm = await jetstreamManager(this.raw);
    await jsm.streams.delete(`${this.namespace}_${streams.call.name}`);
    await Promise.all([this.bus.drain(), this.raw.drain()]);
  }

  private listen(): void {
    this.server.on('connection', (socket) => {
      const pending = this.pendingCall;
      if (!pending) return socket.close(1011);
      const { callId, agent, lease, origin } = pending;
      this.sessions.start(socket, {
        origin,
        callId,
        orgId: 'org-1',
        keyId: 'key-1',
        agent,
        lease: {
          renew: async () => undefined,
          release: async () => void lease.releases++,
          onLost: (listener) => {
            lease.lose = listener;
          },
        },
      });
    });
    const prefix = `${this.namespace}.`;
    this.raw.subscribe(`${prefix}call.v1.evt.>`, {
      callback: (err, msg) => {
        if (err) return;
        this.events.push({ subject: msg.subject.slice(prefix.length), payload: msg.json() });
      },
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
