import { type ErrorCode, type VoiceServerMessage, voiceClientMessageSchema } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { type RawData, WebSocket } from 'ws';

export interface ClientEvents {
  /** A binary frame of whole PCM16 samples (any length up to the limit). */
  onAudio(chunk: Uint8Array): void;
  onEndCall(): void;
  /** The client broke the protocol beyond repair (a frame over the size limit). */
  onTooLarge(): void;
  /** The socket closed, whoever closed it. */
  onClosed(): void;
}

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
 * The telephony side of a call: decodes what the client sends, validates it at the edge and
 * answers a bad frame with an `error` frame (INVALID_AUDIO, INVALID_MESSAGE) instead of failing
 * the call.
 */
export class ClientChannel {
  private backlogLogged = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly events: ClientEvents,
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

function asBytes(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
