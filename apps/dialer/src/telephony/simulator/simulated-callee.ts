import type { Logger } from '@parley/logging';
import WebSocket, { type RawData } from 'ws';
import { AgentTurns } from './agent-turns';
import { fliteSpeech } from './flite-speech';
import { RealtimeLine } from './realtime-line';

export interface CalleeSettings {
  /** How long to wait for the agent to finish its greeting or an answer. */
  readonly replyTimeoutMs: number;
  /** The callee hangs up after this long, whatever is happening. */
  readonly maxCallMs: number;
  /** The flite voice it speaks with. */
  readonly voice: string;
}

/** How long the gateway gets to close the call after `end_call`. */
const HANG_UP_GRACE_MS = 10_000;

export type CalleeEnding = 'script-done' | 'agent-silent' | 'call-closed' | 'max-duration' | 'hung-up' | 'error';

/**
 * A person answering an outbound call on the gateway's raw protocol: listens to the greeting,
 * says each line of its script in real time and waits for the agent's answer, then sends
 * `end_call`. Every wait is bounded; when one runs out it hangs up and says why.
 */
export class SimulatedCallee {
  private readonly turns = new AgentTurns();
  private readonly line: RealtimeLine;
  private readonly closed: Promise<void>;
  private ending: CalleeEnding | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly script: readonly string[],
    private readonly settings: CalleeSettings,
    private readonly log: Logger,
  ) {
    this.line = new RealtimeLine((frame) => this.sendFrame(frame));
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('error', (err) => log.warn({ err }, 'simulated call socket failed'));
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.turns.close('socket closed');
        this.line.stop();
        resolve();
      }),
    );
  }

  /** Runs the conversation to its end; never rejects. */
  async run(): Promise<CalleeEnding> {
    const lineRunning = this.line.run();
    const limit = setTimeout(() => this.hangUp('max-duration'), this.settings.maxCallMs);
    try {
      this.ending ??= await this.converse();
    } catch (err) {
      this.log.warn({ err }, 'simulated callee failed');
      this.ending ??= 'error';
    } finally {
      clearTimeout(limit);
    }
    await this.endCall();
    this.line.stop();
    await lineRunning;
    return this.ending ?? 'error';
  }

  /** Hangs up now (dialer shutdown, call too long): closes the socket as a caller hanging up. */
  hangUp(why: CalleeEnding): void {
    this.ending ??= why;
    this.turns.close(why);
    this.line.stop();
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000, 'simulated callee hung up');
  }

  private async converse(): Promise<CalleeEnding> {
    const greeting = await this.turns.waitForTurnEnd(0, this.settings.replyTimeoutMs);
    if (greeting === 'closed') return this.ending ?? 'call-closed';
    if (greeting === 'timeout' && this.turns.startedCount > 0) return this.gaveUp('greeting');
    for (const [index, text] of this.script.entries()) {
      const speech = await fliteSpeech(text, this.settings.voice);
      const answered = this.turns.endedCount;
      await this.line.speak(speech);
      this.log.info({ line: index }, 'simulated callee spoke');
      const reply = await this.turns.waitForTurnEnd(answered, this.settings.replyTimeoutMs);
      if (reply === 'closed') return this.ending ?? 'call-closed';
      if (reply === 'timeout') return this.gaveUp('answer');
    }
    return 'script-done';
  }

  private gaveUp(waitingFor: 'greeting' | 'answer'): CalleeEnding {
    this.log.warn({ waitingFor, timeoutMs: this.settings.replyTimeoutMs }, 'simulated callee gave up waiting for the agent');
    return 'agent-silent';
  }

  /** `end_call`, then waits for the gateway to close; closes the socket itself if it does not. */
  private async endCall(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'end_call' }));
    const grace = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), HANG_UP_GRACE_MS).unref());
    if ((await Promise.race([this.closed, grace])) === 'late') this.socket.terminate();
  }

  private sendFrame(frame: Buffer): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(frame, { binary: true });
    return true;
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return; // the agent's audio: nobody listens, the audio markers tell the turns
    const type = messageType(data);
    if (type) this.turns.onMessage(type);
  }
}

function messageType(data: RawData): string | undefined {
  try {
    const message: unknown = JSON.parse(data.toString());
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}
