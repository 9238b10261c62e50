import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { FRAME_MS } from '@parley/audio';
import {
  type VoiceClientMessage,
  type VoiceServerMessage,
  type VoiceServerMessageType,
  voiceServerMessageSchema,
} from '@parley/contracts';
import WebSocket, { type RawData } from 'ws';
import { AgentAudio } from './agent-audio';
import { type CallerFrames, pcmFrames, silentFrames } from './caller-frames';
import { openVoiceSocket } from './open-voice-socket';
import { RealtimePacer } from './realtime-pacer';
import { type ProtocolError, type RecordedMessage, ServerMessageLog, type ServerMessageOf } from './server-message-log';
import { type TurnLatency, TurnLatencyMeter } from './turn-latency';

export interface VoiceCallClientOptions {
  /** How long the upgrade may take; default 5 s. */
  connectTimeoutMs?: number;
  /** A caller frame louder than this (RMS, dBFS) counts as speech; default -50 (flite's floor is about -65). */
  speechThresholdDbfs?: number;
}

export interface StreamOptions {
  /** Pace frames at 20 ms on the monotonic clock (default) instead of sending them at once. */
  realtime?: boolean;
}

export interface StreamResult {
  framesSent: number;
  /** False when the call closed before every frame went out. */
  completed: boolean;
}

/** How the call's socket closed; `at` in ms since connect. */
export interface CallClosed {
  readonly code: number;
  readonly reason: string;
  readonly at: number;
  readonly error?: Error;
}

export interface VoiceCallEvents {
  message: [RecordedMessage];
  'protocol-error': [ProtocolError];
  /** The first agent audio after the caller's speech: one caller turn answered. */
  latency: [TurnLatency];
  closed: [CallClosed];
}

const DEFAULT_WAIT_MS = 10_000;

/**
 * The telephony side of a voice call, for tests and the `npm run call` tool: streams caller
 * PCM16 16 kHz in 20 ms frames at real time, records every server message and all agent audio
 * with times since the call was answered, and measures voice-to-voice latency per caller turn.
 */
export class VoiceCallClient extends EventEmitter<VoiceCallEvents> {
  readonly agentAudio = new AgentAudio();
  readonly closed: Promise<CallClosed>;
  private readonly log = new ServerMessageLog();
  private readonly errors: ProtocolError[] = [];
  private readonly latency = new TurnLatencyMeter();
  private readonly pacer = new RealtimePacer(FRAME_MS);
  private readonly connectedAt = performance.now();
  private sending: Promise<unknown> = Promise.resolve();
  private socketError: Error | undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly speechThresholdDbfs: number,
  ) {
    super();
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    socket.on('error', (error) => (this.socketError ??= error));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve(this.onClose(code, reason))));
  }

  /** Connects; rejects with VoiceUpgradeRefusedError on an HTTP refusal, or the socket error. */
  static connect(url: string, options: VoiceCallClientOptions = {}): Promise<VoiceCallClient> {
    const threshold = options.speechThresholdDbfs ?? -50;
    return openVoiceSocket(url, options.connectTimeoutMs ?? 5_000, (socket) => new VoiceCallClient(socket, threshold));
  }

  /** Milliseconds since the call was answered, on the monotonic clock. */
  now(): number {
    return performance.now() - this.connectedAt;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  get messages(): readonly RecordedMessage[] {
    return this.log.messages;
  }

  get protocolErrors(): readonly ProtocolError[] {
    return this.errors;
  }

  /** Voice-to-voice latency of each caller turn the agent answered, in order. */
  get turnLatencies(): readonly TurnLatency[] {
    return this.latency.turns;
  }

  messagesOf<T extends VoiceServerMessageType>(type: T): RecordedMessage<ServerMessageOf<T>>[] {
    return this.log.ofType(type);
  }

  /**
   * The first message of `type` (and matching `predicate`) received at or after `since` (ms since
   * connect; default now, so only new ones). Rejects on timeout or when the call closes first.
   */
  waitFor<T extends VoiceServerMessageType>(
    type: T,
    predicate: (message: ServerMessageOf<T>) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
    since = this.now(),
  ): Promise<RecordedMessage<ServerMessageOf<T>>> {
    return this.log.waitFor(type, predicate, timeoutMs, since);
  }

  /** Sends caller samples (16 kHz mono) in 20 ms frames; resolves once the last one is sent. */
  streamPcm(samples: Int16Array, options: StreamOptions = {}): Promise<StreamResult> {
    return this.enqueue(pcmFrames(samples, this.speechThresholdDbfs), options);
  }

  /** Sends `ms` of silence (whole frames), as a line does while the caller listens. */
  streamSilence(ms: number, options: StreamOptions = {}): Promise<StreamResult> {
    return this.enqueue(silentFrames(Math.ceil(ms / FRAME_MS)), options);
  }

  /** Keeps the line alive with real-time silence until `done` settles or the call closes. */
  streamSilenceUntil(done: Promise<unknown>): Promise<StreamResult> {
    let stop = false;
    const halt = () => (stop = true);
    done.then(halt, halt);
    return this.enqueue(silentFrames(Infinity), { realtime: true }, () => stop);
  }

  /** Asks the server to end the call gracefully (`{"type":"end_call"}`). */
  endCall(): void {
    if (!this.open) throw new Error('cannot send end_call: the call is not open');
    const message: VoiceClientMessage = { type: 'end_call' };
    this.socket.send(JSON.stringify(message));
  }

  /** Hangs up (close code 1000 unless given) and resolves once the socket has closed. */
  close(code = 1000, reason = 'caller hung up'): Promise<CallClosed> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(code, reason);
    return this.closed;
  }

  /** Streams run one after another, so two callers of streamPcm never interleave frames. */
  private enqueue(frames: CallerFrames, options: StreamOptions, stop: () => boolean = () => false): Promise<StreamResult> {
    const run = this.sending.then(() => this.sendFrames(frames, options.realtime ?? true, stop));
    this.sending = run.catch(() => undefined);
    return run;
  }

  private async sendFrames(frames: CallerFrames, realtime: boolean, stop: () => boolean): Promise<StreamResult> {
    let sent = 0;
    if (realtime) this.pacer.beginStream();
    while (sent < frames.count && this.open && !stop()) {
      if (realtime) await this.pacer.nextSlot();
      if (!this.open || stop()) break;
      this.socket.send(frames.bytes(sent), { binary: true });
      if (frames.voiced(sent)) this.latency.callerSpoke(this.now());
      sent++;
    }
    return { framesSent: sent, completed: sent === frames.count };
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    const at = this.now();
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary) this.onAgentAudio(at, bytes);
    else this.onText(at, bytes.toString('utf8'));
  }

  private onAgentAudio(at: number, bytes: Buffer): void {
    const segment = this.agentAudio.frame(at, bytes);
    if (!segment) this.protocolError(at, 'agent audio outside audio_start…audio_end', `${bytes.byteLength} binary bytes`);
    const answered = this.latency.agentFrame(at, segment?.startedAt);
    if (answered) this.emit('latency', answered);
  }

  private onText(at: number, text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.protocolError(at, 'text frame is not JSON', text);
    }
    const parsed = voiceServerMessageSchema.safeParse(json);
    if (!parsed.success) return this.protocolError(at, `not a voice server message: ${parsed.error.issues[0]?.message}`, text);
    this.trackSegment(at, parsed.data, text);
    const recorded = { at, message: parsed.data };
    this.log.record(recorded);
    this.emit('message', recorded);
  }

  private trackSegment(at: number, message: VoiceServerMessage, text: string): void {
    if (message.type === 'audio_start') {
      if (this.agentAudio.speaking) this.protocolError(at, 'audio_start while the agent is already speaking', text);
      this.agentAudio.start(at);
    } else if (message.type === 'audio_end') {
      if (!this.agentAudio.speaking) this.protocolError(at, 'audio_end without audio_start', text);
      this.agentAudio.end(at);
    }
  }

  private protocolError(at: number, problem: string, raw: string): void {
    const error = { at, problem, raw };
    this.errors.push(error);
    this.emit('protocol-error', error);
  }

  private onClose(code: number, reason: Buffer): CallClosed {
    const closed: CallClosed = { code, reason: reason.toString('utf8'), at: this.now(), error: this.socketError };
    this.log.close(new Error(`the call closed (${code}${closed.reason ? ` ${closed.reason}` : ''})`));
    this.emit('closed', closed);
    return closed;
  }
}
