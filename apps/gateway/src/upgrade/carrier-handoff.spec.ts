import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { AgentConfig } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { WebSocket, WebSocketServer } from 'ws';
import { twilioProtocol } from '../telephony/twilio-protocol';
import type { AdmittedCall } from './call-admission';
import { handOffCarrierCall } from './carrier-handoff';

const log = createLogger({ service: 'gateway-spec', level: 'silent' });
const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

describe('handOffCarrierCall', () => {
  let server: WebSocketServer;

  beforeAll(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(server, 'listening');
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("starts the call with the carrier's name and its call id (Twilio's CallSid) once the stream started", async () => {
    const admitted: AdmittedCall = {
      callId: 'call_9',
      orgId: 'org_9',
      keyId: 'key_9',
      agent: {} as AgentConfig,
      lease: {} as AdmittedCall['lease'], // never touched before the handoff
      origin: { direction: 'outbound', taskId: 'task_9', to: '+14155550100' },
    };
    const started = new Promise<AdmittedCall>((resolve) => {
      server.once('connection', (socket) => {
        const handoff = { start: (_link: unknown, call: AdmittedCall) => resolve(call) };
        void handOffCarrierCall(socket, admitted, twilioProtocol, handoff, log);
      });
    });
    const twilio = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await once(twilio, 'open');
    twilio.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
    const start = { streamSid: 'MZ1', callSid: CALL_SID, tracks: ['inbound'], customParameters: {}, mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } };
    twilio.send(JSON.stringify({ event: 'start', sequenceNumber: '1', streamSid: 'MZ1', start }));
    const call = await started;
    twilio.close();
    expect(call.carrierCall).toEqual({ carrier: 'twilio', carrierCallId: CALL_SID });
    expect(call.origin).toMatchObject({ direction: 'outbound', taskId: 'task_9', channel: 'twilio' });
  });
});
