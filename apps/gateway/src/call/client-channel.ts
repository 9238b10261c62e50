import { SAMPLE_RATE } from '@parley/audio';
import { type ErrorCode, type VoiceServerMessage, voiceClientMessageSchema } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { type RawData, WebSocket } from 'ws';

/** What a transport reports to the call, whatever the wire protocol. */
export interface TransportEvents {
  /** Caller audio as whole PCM16LE samples at 16 kHz (any length up to the limit). */
  onAudio(chunk: Uint8Array): void;
  /** A keypad digit (0-9, *, #, A-D) the caller pressed; carriers only. */
  onDtmf(digit: string): void;
  /** The client or carrier asked to end the call (raw `end_call`). */
  onEndCall(): void;
  /** The client broke the protocol beyond repair (a frame over the size limit). */
  onTooLarge(): void;
  /** The socket closed, whoever closed it. */
  onClosed(): void;
}

/**
 * The seam between a call and the wire (`../telephony` for the carrier implementations):
 * the call loop speaks only this, so the raw protocol of reference 003 and every carrier's
 * media stream run the same conversation.
 */
export interface CallTransport {
  readonly open: boolean;
  /** A reference-003 protocol message; the raw protocol sends it, carriers map or ignore it. */
  send(message: VoiceServerMessage): void;
  /** One 20 ms frame of agent audio (PCM16LE 16 kHz); false when it was not sent. */
  sendAudio(frame: Uint8Array): boolean;
  /** The rate of the caller's audio on the wire, before it became 16 kHz PCM (8000 on a phone line). */
  readonly sourceRate: number;
  /** The agent's audio was cut (barge-in): drop whatever the far end still buffers. */
  clear(): void;
  close(code: number, reason?: string): void;
}

/** Builds a call's transport once the call can take its events. */
export type TransportConnector = (events: TransportEvents, log: Logger) => CallTransport;

/** RFC 6455 close codes the call uses. */
export const CLOSE_NORMAL = 1000;
export const CLOSE_TOO_BIG = 1009;

/**
 * Agent audio the socket may hold unsent: 1 s of 16 kHz PCM16. A client that reads slower than
 * real time would otherwise grow the gateway's memory without bound; beyond this, frames are
 * skipped (the caller hears a gap, as on a congested phone line).
 */
export const MAX_BUFFERED_AUDIO_BYTES = 32_000;

/**
 * The raw protocol (reference 003) on `/voice/<key>`: decodes what the client sends, validates it at the edge and
 * answers a bad frame with an `error` frame (INVALID_AUDIO, INVALID_MESSAGE) instead of failing
 * the call.
 */
export class ClientChannel implements CallTransport {
  readonly sourceRate = SAMPLE_RATE; // reference 003's audio is 16 kHz PCM
  private backlogLogged = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly events: TransportEvents,
    private readonly maxFrameBytes: number,
    private readonly log: Logger,
  ) {
    socket.on('message', this.onMessage);
    socket.once('close', () => events.onClosed());
    socket.on('error', (err) => log.warn({ err }, 'voice socket error'));
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(message: VoiceServerMessage): void {
    if (this.open) this.socket.send(JSON.stringify(message));
  }

  /** False when the frame was not sent: the socket is closed, or the client is too far behind. */
  sendAudio(frame: Uint8Array): boolean {
    if (!this.open) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_AUDIO_BYTES) {
      if (!this.backlogLogged) this.log.warn({ buffered: this.socket.bufferedAmount }, 'client reads too slowly; skipping agent audio');
      this.backlogLogged = true;
      return false;
    }
    this.socket.send(frame, { binary: true });
    return true;
  }

  /** Raw clients drop queued audio on `audio_end`, which the call sends first: nothing to send. */
  clear(): void {
    return;
  }

  close(code: number, reason = ''): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
  }

  private readonly onMessage = (data: RawData, isBinary: boolean): void => {
    // A throw here would escape the socket's event emitter and take the whole process down.
    try {
      const bytes = asBytes(data);
      if (isBinary) this.onBinary(bytes);
      else this.onText(bytes.toString('utf8'));
    } catch (err) {
      this.log.error({ err }, 'voice frame handling failed');
    }
  };

  private onBinary(bytes: Buffer): void {
    if (bytes.byteLength > this.maxFrameBytes) {
      this.log.warn({ bytes: bytes.byteLength }, 'caller audio frame too large, closing');
      return this.events.onTooLarge();
    }
    if (bytes.byteLength % 2 !== 0) {
      // A split sample would shift every later sample by one byte: loud noise, not speech.
      return this.rejectFrame('INVALID_AUDIO', 'audio frames must hold whole 16-bit samples; frame dropped');
    }
    this.events.onAudio(bytes);
  }

  private onText(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.rejectFrame('INVALID_MESSAGE', 'text frames must be JSON');
    }
    const message = voiceClientMessageSchema.safeParse(json);
    if (!message.success) return this.rejectFrame('INVALID_MESSAGE', 'unknown message; expected {"type":"end_call"}');
    if (message.data.type === 'end_call') this.events.onEndCall();
  }

  private rejectFrame(code: Extract<ErrorCode, 'INVALID_AUDIO' | 'INVALID_MESSAGE'>, message: string): void {
    this.send({ type: 'error', code, message });
  }
}

/** The raw protocol as a connector, for `/voice/<key>` and `/voice/dial/<ticket>`. */
export function rawConnector(socket: WebSocket, maxFrameBytes: number): TransportConnector {
  return (events, log) => new ClientChannel(socket, events, maxFrameBytes, log);
}

export function asBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
