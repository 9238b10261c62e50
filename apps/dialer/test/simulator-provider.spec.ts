import { performance } from 'node:perf_hooks';
import { SimulatorProvider, type SimulatorSettings } from '../src/telephony/simulator/simulator-provider';
import type { OutboundCall } from '../src/telephony/telephony-provider';
import { silentLogger } from './support/dialer-harness';
import { eventually } from './support/eventually';
import { FakeGateway } from './support/fake-gateway';

const call = (ticket: string, contextData: OutboundCall['contextData'] = null): OutboundCall => ({
  callId: '8f0e1c52-0000-4000-8000-000000000001',
  taskId: '8f0e1c52-0000-4000-8000-000000000002',
  orgId: '8f0e1c52-0000-4000-8000-000000000003',
  agentId: '8f0e1c52-0000-4000-8000-000000000004',
  toNumber: '+14155550100',
  startingMessage: null,
  contextData,
  ticket,
});

describe('SimulatorProvider against a fake gateway speaking the raw protocol', () => {
  let gateway: FakeGateway;
  let provider: SimulatorProvider;

  const settings = (more: Partial<SimulatorSettings> = {}): SimulatorSettings => ({
    gatewayUrl: gateway.url,
    connectTimeoutMs: 5_000,
    replyTimeoutMs: 20_000,
    maxCallMs: 120_000,
    voice: 'slt',
    ...more,
  });

  afterEach(async () => {
    provider?.onApplicationShutdown();
    await gateway?.stop();
  });

  it("waits for the greeting, says each scripted line in real time after the agent's answer, then ends the call", async () => {
    gateway = await FakeGateway.start();
    provider = new SimulatorProvider(settings(), silentLogger);
    gateway.accepted.add('ticket-1');
    const script = ['What are your business hours?', 'Thanks, goodbye.'];

    const started = performance.now();
    await provider.dial(call('ticket-1', { customer_name: 'Ann', simulator: { script } }));
    const [fake] = gateway.calls;
    await fake.closed;
    const elapsed = performance.now() - started;

    expect(fake.endCallReceived).toBe(true);
    expect(fake.badFrames).toBe(0);
    expect(fake.bursts).toHaveLength(2);
    // The first line only once the greeting ended, the second only after the first was answered.
    expect(fake.bursts[0][0]).toBeGreaterThanOrEqual(fake.greetingEndedAtFrame);
    expect(fake.bursts[1][0]).toBeGreaterThan(fake.bursts[0][1] + 15);
    // Each line lasts as long as flite's speech of it (about a second), frame for 20 ms frame.
    for (const [first, last] of fake.bursts) expect(last - first).toBeGreaterThan(20);
    // Real time: no more frames than the call lasted in 20 ms slots (plus slack for timer catch-up).
    expect(fake.framesReceived).toBeLessThanOrEqual(Math.ceil(elapsed / 20) + 5);
  });

  it('speaks the default script when the task has none', async () => {
    gateway = await FakeGateway.start();
    provider = new SimulatorProvider(settings(), silentLogger);
    gateway.accepted.add('ticket-2');
    await provider.dial(call('ticket-2'));
    await gateway.calls[0].closed;
    expect(gateway.calls[0].bursts).toHaveLength(2);
    expect(gateway.calls[0].endCallReceived).toBe(true);
  });

  it('gives up and hangs up when the agent never answers', async () => {
    gateway = await FakeGateway.start({ answers: false });
    provider = new SimulatorProvider(settings({ replyTimeoutMs: 2_000 }), silentLogger);
    gateway.accepted.add('ticket-3');
    await provider.dial(call('ticket-3', { simulator: { script: ['Hello?', 'Anybody there?'] } }));
    await gateway.calls[0].closed;
    expect(gateway.calls[0].bursts).toHaveLength(1);
    expect(gateway.calls[0].endCallReceived).toBe(true);
  });

  it('hangs up after the longest call it may make, whatever is happening', async () => {
    gateway = await FakeGateway.start({ answers: false });
    provider = new SimulatorProvider(settings({ maxCallMs: 1_500 }), silentLogger);
    gateway.accepted.add('ticket-5');
    const started = performance.now();
    await provider.dial(call('ticket-5'));
    await gateway.calls[0].closed;
    expect(performance.now() - started).toBeLessThan(15_000); // the reply timeout is 20 s
    expect(gateway.calls[0].endCallReceived).toBe(false);
  });

  it('rejects the dial with the refusal when the gateway does not admit the ticket', async () => {
    gateway = await FakeGateway.start();
    provider = new SimulatorProvider(settings(), silentLogger);
    await expect(provider.dial(call('unknown'))).rejects.toThrow('the gateway refused the call: 404 NOT_FOUND');
  });

  it('rejects the dial when the gateway cannot be reached', async () => {
    const closed = await FakeGateway.start();
    const url = closed.url;
    await closed.stop();
    gateway = await FakeGateway.start(); // for afterEach
    provider = new SimulatorProvider(settings({ gatewayUrl: url }), silentLogger);
    await expect(provider.dial(call('x'))).rejects.toThrow(/cannot reach the gateway/);
  });

  it('hangs up running calls at shutdown', async () => {
    gateway = await FakeGateway.start({ answers: false });
    provider = new SimulatorProvider(settings(), silentLogger);
    gateway.accepted.add('ticket-4');
    await provider.dial(call('ticket-4'));
    await eventually(async () => gateway.calls[0].greetingEndedAtFrame, (frame) => frame >= 0);
    provider.onApplicationShutdown();
    await gateway.calls[0].closed;
  });
});
