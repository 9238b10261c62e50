import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

export interface ClientEvent {
  readonly at: number;
  readonly message: { type: string; [key: string]: unknown };
}

/** A telephony client: records every frame with its arrival time on the monotonic clock. */
export class CallClient {
  readonly events: ClientEvent[] = [];
  readonly audioAt: number[] = [];
  readonly audioBytes: number[] = [];
  closeCode: number | undefined;
  private readonly closed: Promise<number>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const at = performance.now();
      if (isBinary) {
        this.audioAt.push(at);
        this.audioBytes.push(data.byteLength);
      } else {
        this.events.push({ at, message: JSON.parse(data.toString('utf8')) });
      }
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  static async connect(url: string): Promise<CallClient> {
    const socket = new WebSocket(url);
    const client = new CallClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  types(): string[] {
    return this.events.map((event) => event.message.type);
  }

  first(type: string): ClientEvent | undefined {
    return this.events.find((event) => event.message.type === type);
  }

  count(type: string): number {
    return this.events.filter((event) => event.message.type === type).length;
  }

  sendText(text: string): void {
    this.socket.send(text);
  }

  sendAudio(bytes: Uint8Array): void {
    this.socket.send(bytes, { binary: true });
  }

  waitClosed(): Promise<number> {
    return this.closed;
  }

  close(): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
  }
}

/** `ms` of a 440 Hz tone at about -12 dBFS: the VAD hears it as speech. */
export function tone(ms: number): Uint8Array {
  const samples = new Int16Array((16_000 * ms) / 1000);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16_000));
  return new Uint8Array(samples.buffer);
}

export function silence(ms: number): Uint8Array {
  return new Uint8Array((16_000 * 2 * ms) / 1000);
}
