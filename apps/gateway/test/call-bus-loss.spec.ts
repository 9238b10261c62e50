import { CallHarness, waitFor } from './call-support/call-harness';

describe('a call whose bus connection is gone (real NATS, fake workers)', () => {
  it('still ends cleanly on end_call: call_end, close 1000, lease released', async () => {
    const harness = await CallHarness.create('gw_bus_loss');
    const call = await harness.call();
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    harness.stopWorkers();
    await harness.bus.drain();

    call.client.sendAudio(new Uint8Array(640)); // publishing caller audio now fails: must not crash
    call.client.sendText(JSON.stringify({ type: 'end_call' }));
    await expect(call.client.waitClosed()).resolves.toBe(1000);
    expect(call.client.first('call_end')?.message).toEqual({ type: 'call_end', reason: 'CLIENT_ENDED' });
    await waitFor(() => harness.sessions.size === 0, 5_000, 'session ended');
    expect(call.lease.releases).toBe(1);
    await harness.close();
  });
});
