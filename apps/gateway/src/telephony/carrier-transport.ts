import type { VoiceServerMessage } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { type RawData, WebSocket } from 'ws';
import {
  asBytes,
  type CallTransport,
  MAX_BUFFERED_AUDIO_BYTES,
  type TransportConnector,
  type TransportEvents,
} from '../call/client-channel';
import type { CarrierInbound, CarrierStream, WireFrame } from './carrier-protocol';

/**
 * A call's transport over a carrier's media stream: the carrier's framing (`CarrierStream`) on
 * one side, the call loop's `TransportEvents` on the other. Bad messages are logged and dropped
 * (a carrier does not read error frames); a `stop` from the carrier is a hang-up.
 */
export class CarrierTransport implements CallTransport {
  private backlogLogged = false;
  private invalidLogged = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly stream: CarrierStream,
    private readonly events: TransportEvents,
    private readonly maxFrameBytes: number,
    private readonly log: Logger,
  ) {
    socket.on('message', this.onMessage);
    socket.once('close', () => events.onClosed());
    socket.on('error', (err) => log.warn({ err }, 'carrier socket error'));
  }

  get sourceRate(): number {
    return this.stream.carrierRate;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: VoiceServerMessage): void {
    const frame = this.stream.encodeMessage(message);
    if (frame !== undefined) this.write(frame);
  }

  sendAudio(frame: Uint8Array): boolean {
    if (!this.open) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_AUDIO_BYTES) {
      if (!this.backlogLogged) this.log.warn({ buffered: this.socket.bufferedAmount }, 'carrier reads too slowly; skipping agent audio');
      this.backlogLogged = true;
      return false;
    }
    this.write(this.stream.encodeAudio(frame));
    return true;
  }

  clear(): void {
    const frame = this.stream.encodeClear();
    if (frame !== undefined) this.write(frame);
  }

  close(code: number, reason = ''): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  private write(frame: WireFrame): void {
    if (!this.open) return;
    if (typeof frame === 'string') this.socket.send(frame);
    else this.socket.send(frame, { binary: true });
  }

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    // A throw here would escape the socket's event emitter and take the whole process down.
    try {
      const bytes = asBytes(data);
      if (bytes.byteLength > this.maxFrameBytes) {
        this.log.warn({ bytes: bytes.byteLength }, 'carrier frame too large, closing');
        return this.events.onTooLarge();
      }
      this.dispatch(this.stream.decode(bytes, isBinary));
    } catch (err) {
      this.log.error({ err }, 'carrier frame handling failed');
    }
  };

  private dispatch(inbound: CarrierInbound): void {
    switch (inbound.kind) {
      case 'audio':
        return this.events.onAudio(inbound.pcm);
      case 'dtmf':
        return this.events.onDtmf(inbound.digit);
      case 'stop':
        this.events.onClosed();
        return this.close(1000, 'stream stopped');
      case 'invalid':
        if (!this.invalidLogged) this.log.warn({ reason: inbound.reason }, 'carrier message not understood; dropped');
        this.invalidLogged = true;
        return;
      default:
        return; // a repeated start, `connected`, a played mark: nothing to do
    }
  }
}

/** Frames a carrier sends are small (Twilio ~300 bytes); anything this big is abuse. */
const CARRIER_MAX_FRAME_BYTES = 64 * 1024;

/** A carrier's stream as the call's transport, once the stream has started. */
export function carrierConnector(socket: WebSocket, stream: CarrierStream): TransportConnector {
  return (events, log) => new CarrierTransport(socket, stream, events, CARRIER_MAX_FRAME_BYTES, log);
}
