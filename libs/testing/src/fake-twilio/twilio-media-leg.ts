import { once } from 'node:events';
import WebSocket from 'ws';
import { twilioSid } from './twilio-ids';

/** The media side of an answered call: what Twilio knows when it opens the `<Stream>` socket. */
export interface TwilioMediaLeg {
  readonly streamUrl: string;
  /** `<Parameter>` children of the `<Stream>`. */
  readonly parameters: Record<string, string>;
  readonly accountSid: string;
  readonly callSid: string;
  /** Aborted when the call is hung up or given new TwiML through the REST API: the leg must end (send `stop`). */
  readonly signal: AbortSignal;
}

/**
 * Runs the callee's side of the media stream; resolves when the callee's leg is over (the
 * caller hung up or the server closed the socket), after which the fake reports `completed`.
 */
export type TwilioMediaLegRunner = (leg: TwilioMediaLeg) => Promise<void>;

/**
 * The default leg: connects to the stream URL as Twilio does (`connected`, then `start` with the
 * stream and call SIDs, mu-law 8 kHz), sends no audio and stays on until the server closes the
 * socket or the call is hung up through REST (then `stop`). Specs that need speech pass their own
 * runner (e.g. one built on the media-stream client).
 */
export const silentMediaLeg: TwilioMediaLegRunner = async (leg) => {
  const ws = new WebSocket(leg.streamUrl);
  const streamSid = twilioSid('MZ');
  const closed = once(ws, 'close').catch(() => undefined);
  try {
    await once(ws, 'open');
  } catch {
    return; // the server refused the upgrade: Twilio ends such a call at once
  }
  ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
  ws.send(JSON.stringify(startMessage(leg, streamSid)));
  const stop = () => {
    const message = { event: 'stop', sequenceNumber: '2', streamSid, stop: { accountSid: leg.accountSid, callSid: leg.callSid } };
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    ws.close(1000);
  };
  if (leg.signal.aborted) stop();
  else leg.signal.addEventListener('abort', stop, { once: true });
  await closed;
  leg.signal.removeEventListener('abort', stop);
};

function startMessage(leg: TwilioMediaLeg, streamSid: string) {
  return {
    event: 'start',
    sequenceNumber: '1',
    streamSid,
    start: {
      accountSid: leg.accountSid,
      streamSid,
      callSid: leg.callSid,
      tracks: ['inbound'],
      customParameters: leg.parameters,
      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
    },
  };
}
