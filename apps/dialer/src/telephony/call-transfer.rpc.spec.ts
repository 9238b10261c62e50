import { Bus } from '@parley/bus';
import { type CallTransferRequest, rpcSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { CallTransferRpc } from './call-transfer.rpc';
import type { TelephonyProvider } from './telephony-provider';

const logger = createLogger({ service: 'dialer-spec', level: 'silent' });

class TransferringProvider implements TelephonyProvider {
  readonly name = 'transferring';
  readonly transfers: CallTransferRequest[] = [];
  refuse = false;

  dial(): Promise<void> {
    return Promise.resolve();
  }

  async transfer(call: CallTransferRequest): Promise<void> {
    if (this.refuse) throw new Error('call is not in progress');
    this.transfers.push(call);
  }
}

describe('dialer.v1.rpc.call.transfer over the real NATS', () => {
  let server: Bus;
  let client: Bus;
  const request = { callId: 'call_42', orgId: 'org_1', to: '+14155550100' };

  beforeAll(async () => {
    const { natsUrl } = await testInfra();
    const namespace = uniqueNamespace('dialer_transfer');
    [server, client] = await Promise.all(
      ['dialer', 'gateway-spec'].map((name) => Bus.connect({ url: natsUrl, name, namespace, logger })),
    );
  });

  afterAll(async () => {
    await Promise.all([server.drain(), client.drain()]);
  });

  it('asks a provider that can transfer, and reports its refusal; one that cannot says so', async () => {
    const transferring = new TransferringProvider();
    const rpc = new CallTransferRpc(server, transferring, logger);
    rpc.onModuleInit();
    await expect(client.request(rpcSubjects.dialerCallTransfer, request, { timeoutMs: 2_000 })).resolves.toEqual({ transferred: true });
    expect(transferring.transfers).toEqual([request]);
    transferring.refuse = true;
    await expect(rpc.transfer(request)).resolves.toEqual({
      transferred: false,
      reason: 'the telephony provider refused the transfer: call is not in progress',
    });
    const plain: TelephonyProvider = { name: 'none', dial: async () => undefined };
    await expect(new CallTransferRpc(server, plain, logger).transfer(request)).resolves.toEqual({
      transferred: false,
      reason: 'the telephony provider "none" cannot transfer calls',
    });
  });
});
