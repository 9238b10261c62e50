import type { listen } from '@deepgram/sdk';
import { SttError, type SttErrorKind, type SttSession, type SttSessionListener } from '../stt-provider';

type LiveSocket = Awaited<ReturnType<InstanceType<typeof import('@deepgram/sdk').DeepgramClient>['listen']['v1']['connect']>>;
/** Every server message names its kind; only `Results` matter here. */
type LiveMessage = { readonly type: string };

interface PendingEnd {
  readonly requestedAt: number;
  readonly resolve: () => void;
  readonly timer: NodeJS.Timeout;
}

const SAMPLES_PER_MS = 16;
const CLOSE_STREAM_WAIT_MS = 1_000;

/**
 * One call on one Deepgram WebSocket. Frames written before the socket opens wait in a short queue;
 * settled (`is_final`) segments gather until `endUtterance()` sends `Finalize` and the answer marked
 * `from_finalize` arrives; then they are one final. Any failure of the socket is reported once.
 */
export class DeepgramSession implements SttSession {
  private socket?: LiveSocket;
  private readonly queued: Buffer[] = [];
  private readonly settled: string[] = [];
  private readonly ends: PendingEnd[] = [];
  private utteranceSamples = 0;
  private lastInterim = '';
  private failure?: SttError;
  private opened = false;
  private closed = false;
  /** Settles when Deepgram closes the socket, after `CloseStream`. */
  private serverClosed?: () => void;
  private closing?: Promise<void>;

  constructor(
    connect: () => Promise<LiveSocket>,
    private readonly listener: SttSessionListener,
    private readonly tuning: { readonly finalizeTimeoutMs: number; readonly interimIntervalMs: number },
    private readonly onClosed: (session: DeepgramSession) => void,
  ) {
    connect()
      .then(async (socket) => {
        this.socket = socket;
        socket.on('message', (message) => this.onMessage(message));
        socket.on('close', (event) => this.onSocketClosed(event.code));
        socket.on('error', (error) => this.fail(toSttError(error)));
        socket.connect();
        await socket.waitForOpen();
        this.opened = true;
        for (const frame of this.queued.splice(0)) socket.sendMedia(frame);
        if (this.ends.length) socket.sendFinalize({ type: 'Finalize' });
      })
      .catch((error: unknown) => this.fail(toSttError(error)));
  }

  write(frame: Int16Array): void {
    if (this.failure || this.closed) return;
    this.utteranceSamples += frame.length;
    // Copied: the caller reuses its frame buffer.
    const bytes = Buffer.from(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
    if (this.socket?.readyState === 1) this.socket.sendMedia(bytes);
    else this.queued.push(bytes);
  }

  endUtterance(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new SttError('closed', 'the speech session is closed'));
    return new Promise((resolve) => {
      // No answer in time: settle with what Deepgram has firmed up, so the turn is not lost.
      const timer = setTimeout(() => this.finishUtterance(), this.tuning.finalizeTimeoutMs);
      this.ends.push({ requestedAt: performance.now(), resolve, timer });
      if (this.socket?.readyState === 1) this.socket.sendFinalize({ type: 'Finalize' });
    });
  }

  close(): Promise<void> {
    // Set before shutDown runs: closing the socket reports its close event at once.
    this.closed = true;
    this.closing ??= this.shutDown().finally(() => this.onClosed(this));
    return this.closing;
  }

  private onMessage(message: LiveMessage): void {
    if (message.type !== 'Results') return;
    const results = message as listen.ListenV1Results;
    const text = results.channel.alternatives[0]?.transcript.trim() ?? '';
    if (results.is_final) {
      if (text) this.settled.push(text);
      if (results.from_finalize) this.finishUtterance();
      return;
    }
    const interim = [...this.settled, text].filter(Boolean).join(' ');
    if (interim && interim !== this.lastInterim) {
      this.lastInterim = interim;
      this.listener.onInterim({ text: interim, audioMs: this.utteranceSamples / SAMPLES_PER_MS });
    }
  }

  private finishUtterance(): void {
    const end = this.ends.shift();
    if (!end) return;
    clearTimeout(end.timer);
    const text = this.settled.splice(0).join(' ');
    const audioMs = this.utteranceSamples / SAMPLES_PER_MS;
    this.utteranceSamples = 0;
    this.lastInterim = '';
    if (text) {
      const finalizeMs = performance.now() - end.requestedAt;
      this.listener.onFinal({ text, speechStartMs: 0, speechEndMs: audioMs, audioMs, finalizeMs });
    }
    end.resolve();
  }

  private onSocketClosed(code: number): void {
    this.serverClosed?.();
    if (this.closed) return;
    const error = new SttError(code === 1008 ? 'bad-input' : 'unavailable', `deepgram closed the stream (code ${code})`);
    // A refused handshake closes the socket before its error (which carries the HTTP status) arrives.
    if (this.opened) this.fail(error);
    else setTimeout(() => this.fail(error), 50);
  }

  private fail(error: SttError): void {
    if (this.failure || this.closed) return;
    this.failure = error;
    for (const end of this.ends.splice(0)) {
      clearTimeout(end.timer);
      end.resolve();
    }
    this.listener.onError(error);
  }

  private async shutDown(): Promise<void> {
    for (const end of this.ends.splice(0)) {
      clearTimeout(end.timer);
      end.resolve();
    }
    const socket = this.socket;
    if (!socket) return;
    if (socket.readyState === 1) {
      // Deepgram's graceful end: it answers the rest of the audio, then closes the socket itself.
      const closedByServer = new Promise<void>((resolve) => (this.serverClosed = resolve));
      socket.sendCloseStream({ type: 'CloseStream' });
      await Promise.race([closedByServer, new Promise((resolve) => setTimeout(resolve, CLOSE_STREAM_WAIT_MS))]);
    }
    socket.close();
  }
}

/** Handshake refusals carry the HTTP status; 401/403 are final, 429 and 5xx may pass. */
function toSttError(error: unknown): SttError {
  if (error instanceof SttError) return error;
  // The socket reports plain Errors and ws ErrorEvents (the Error inside).
  const inner = (error as { error?: unknown }).error ?? error;
  const message = inner instanceof Error ? inner.message : String((inner as { message?: string }).message ?? inner);
  const status = Number(/\b([45]\d\d)\b/.exec(message)?.[1]);
  const kind: SttErrorKind = status === 401 || status === 403 ? 'config' : status === 429 ? 'overloaded' : 'unavailable';
  return new SttError(kind, `deepgram: ${message}`, { cause: error });
}
