/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import type { AddressInfo } from 'node:net';
import { Test } from '@nestjs/testing';
import { Bus, BusModule } from '@parley/bus';
import { eventSubjects, streams } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { ObservabilityModule } from '@parley/service';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { WebSocketServer } from 'ws';
import { CallModule, CallSessions } from '../src/call';
import { CallClient } from './call-support/call-client';
import { agentConfig, waitFor } from './call-support/call-harness';

describe('CallModule in a Nest application', () => {
  it('provides CallSessions, and ends live calls with call_end SHUTDOWN before the bus drains at shutdown', async () => {
    const { natsUrl } = await testInfra();
    const namespace = uniqueNamespace('gw_call_module');
    const logger = createLogger({ service: 'gateway-spec', level: 'silent' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ObservabilityModule.forRoot({ name: 'gateway', logger }),
        BusModule.forRoot({ url: natsUrl, name: 'gateway-spec', namespace, logger }),
        CallModule,
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const bus = app.get(Bus);
    await bus.ensureStreams([streams.call]);
    const ended: string[] = [];
    const watcher = await Bus.connect({ url: natsUrl, name: 'watcher', namespace, logger });
    await watcher.ensureStreams([streams.call]);
    const consumer = await watcher.consume(streams.call, 'watch', async (event) => {
      if (event.subject === eventSubjects.callEnded) ended.push((event.payload as { reason: string }).reason);
    });

    const sessions = app.get(CallSessions);
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const lease = { renew: async () => undefined, release: async () => undefined };
    server.on('connection', (socket) =>
      sessions.start(socket, { callId: 'nest-call', orgId: 'org-1', keyId: 'key-1', agent: agentConfig(), lease }),
    );
    const client = await CallClient.connect(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await waitFor(() => sessions.size === 1, 2_000, 'session started');

    await app.close();
    await expect(client.waitClosed()).resolves.toBe(1000);
    expect(client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'SHUTDOWN' });
    await waitFor(() => ended.length === 1, 3_000, 'call.ended stored');
    expect(ended).toEqual(['SHUTDOWN']);

    await consumer.stop();
    await watcher.removeStreams([streams.call]);
    await watcher.drain();
    await new Promise((resolve) => server.close(resolve));
  });
});
