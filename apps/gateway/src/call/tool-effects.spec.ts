import { dtmfFrames } from '@parley/audio';
import { Bus, type BusSubscription } from '@parley/bus';
import { type CallTransferRequest, rpcSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { testInfra, uniqueNamespace } from '@parley/testing';
import { Playback, type PlayedTurn } from './playback';
import { CANNOT_TRANSFER_PHRASE, type CarrierCall, ToolEffects } from './tool-effects';

const logger = createLogger({ service: 'gateway-spec', level: 'silent' });

describe('ToolEffects', () => {
  let bus: Bus;
  let dialer: Bus;

  beforeAll(async () => {
    const { natsUrl } = await testInfra();
    const namespace = uniqueNamespace('gw_tools');
    [bus, dialer] = await Promise.all(['gateway', 'dialer'].map((name) => Bus.connect({ url: natsUrl, name, namespace, logger })));
  });

  afterAll(() => Promise.all([bus.drain(), dialer.drain()]));

  function effects(playback: Playback, said: string[], carrierCall?: CarrierCall) {
    const ctx = { bus, callId: 'call_7', orgId: 'org_7', carrierCall, playback, rpcTimeoutMs: 1_000, log: logger };
    return new ToolEffects({ ...ctx, say: (_turnId, text) => said.push(text) });
  }

  it('plays the keys as tones after the reply’s words, in the same turn', async () => {
    const frames: Uint8Array[] = [];
    const sink = { audioStarted: () => undefined, audio: (frame: Uint8Array) => frames.push(frame), audioEnded: () => undefined };
    const played = new Promise<PlayedTurn>((resolve) => {
      const playback = new Playback(sink, resolve);
      playback.begin('t1');
      playback.addSentence('t1', 0, 'Pressing one.');
      playback.pushFrame('t1', 0, new Uint8Array(640).fill(7), true);
      effects(playback, []).playDtmf('t1', 1, '1#');
      playback.endTurn('t1');
    });
    await expect(played).resolves.toEqual({ turnId: 't1', text: 'Pressing one. [DTMF 1#]', interrupted: false });
    const tones = dtmfFrames('1#');
    expect(frames.length).toBe(1 + tones.length);
    expect(frames[0][0]).toBe(7);
    expect(Buffer.from(frames[5])).toEqual(Buffer.from(tones[4]));
  });

  describe('transfer', () => {
    let responder: BusSubscription | undefined;
    const asked: CallTransferRequest[] = [];

    afterEach(async () => {
      await responder?.drain();
      responder = undefined;
    });

    /** The dialer's side; resolves once NATS has its subscription, so the first request finds it. */
    const serve = async (transferred: boolean) => {
      responder = dialer.serve(rpcSubjects.dialerCallTransfer, (request) => {
        asked.push(request);
        return transferred ? { transferred } : { transferred, reason: 'no provider carries this call' };
      });
      await dialer.ping();
    };

    const waitFor = async (done: () => boolean) => {
      for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    it('asks the dialer only once the turn has played, and says nothing when it transferred', async () => {
      await serve(true);
      const said: string[] = [];
      const tools = effects(new Playback({ audioStarted: () => 0, audio: () => 0, audioEnded: () => 0 }, () => 0), said);
      tools.transferAfter('t2', '+14155550100');
      tools.turnPlayed('t1');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(asked).toEqual([]);
      tools.turnPlayed('t2');
      await waitFor(() => asked.length > 0);
      expect(asked).toEqual([{ callId: 'call_7', orgId: 'org_7', to: '+14155550100' }]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(said).toEqual([]);
    });

    it("names a carrier call's carrier and call id (Twilio's CallSid), so the dialer can address it", async () => {
      await serve(true);
      const before = asked.length;
      const carrierCall = { carrier: 'twilio', carrierCallId: 'CA0123456789abcdef0123456789abcdef' };
      const tools = effects(new Playback({ audioStarted: () => 0, audio: () => 0, audioEnded: () => 0 }, () => 0), [], carrierCall);
      tools.transferAfter('t6', '+14155550100');
      tools.turnPlayed('t6');
      await waitFor(() => asked.length > before);
      expect(asked.slice(before)).toEqual([{ callId: 'call_7', orgId: 'org_7', to: '+14155550100', ...carrierCall }]);
    });

    it('says it cannot transfer when the dialer refuses or does not answer; a cut-off turn asks nothing', async () => {
      await serve(false);
      const said: string[] = [];
      const tools = effects(new Playback({ audioStarted: () => 0, audio: () => 0, audioEnded: () => 0 }, () => 0), said);
      tools.transferAfter('t3', '+14155550100');
      tools.turnPlayed('t3');
      await waitFor(() => said.length > 0);
      expect(said).toEqual([CANNOT_TRANSFER_PHRASE]);
      await responder?.drain();
      responder = undefined;
      tools.transferAfter('t4', '+14155550100');
      tools.turnPlayed('t4');
      await waitFor(() => said.length > 1);
      expect(said).toEqual([CANNOT_TRANSFER_PHRASE, CANNOT_TRANSFER_PHRASE]);
      const before = asked.length;
      tools.transferAfter('t5', '+14155550100');
      tools.cancel('t5');
      tools.turnPlayed('t5');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(asked.length).toBe(before);
    });
  });
});
