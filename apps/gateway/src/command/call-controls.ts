import { BusError } from '@parley/bus';
import type {
  BroadcastCallCommand,
  CallCommand,
  CallCommandReply,
  EndCallCommand,
  ErrorCode,
  VoiceServerMessage,
} from '@parley/contracts';
import type { Logger } from '@parley/logging';

/** The parts of a live call that commands act on; `CallSession` hands its own in. */
export interface ControlledCall {
  readonly client: { send(message: VoiceServerMessage): void };
  readonly callerAudio: { setMuted(muted: boolean): void };
  readonly limits: { setCallerMuted(muted: boolean): void };
  readonly conversation: { supervisorNote(text: string): void };
  readonly recordings: { readonly available: boolean; start(): boolean; stop(): boolean };
  /** True once the call is on its way out. */
  ending(): boolean;
  reportError(code: ErrorCode, message: string): void;
  end(reason: EndCallCommand['reason']): void;
}

const OK: CallCommandReply = { ok: true };

/**
 * What supervisors, the REST API and billing can do to a live call. Each command takes effect
 * before the reply: an `end` has sent `call_end` and closed the socket by then. A command the
 * call cannot carry out is refused with CONFLICT.
 */
export class CallControls {
  private muted = false;

  constructor(
    private readonly call: ControlledCall,
    private readonly log: Logger,
  ) {}

  apply(command: CallCommand): CallCommandReply {
    if (this.call.ending()) {
      // Ending twice is still ended; anything else is too late.
      if (command.type === 'end') return OK;
      throw new BusError('CONFLICT', 'the call is ending');
    }
    this.log.info({ command: command.type }, 'call command');
    switch (command.type) {
      case 'end':
        return this.end(command.reason);
      case 'mute':
        return this.setMuted(true);
      case 'unmute':
        return this.setMuted(false);
      case 'whisper':
        this.call.conversation.supervisorNote(command.text);
        return OK;
      case 'broadcast':
        return this.broadcast(command);
      case 'recording-start':
        return this.startRecording();
      case 'recording-stop':
        return this.stopRecording();
    }
  }

  private end(reason: EndCallCommand['reason']): CallCommandReply {
    // Reference 003: a call that ran out of points gets the error frame, then `call_end`.
    if (reason === 'BALANCE_EXHAUSTED') this.call.reportError('BALANCE_EXHAUSTED', 'points ran out mid-call');
    this.call.end(reason);
    return OK;
  }

  private setMuted(muted: boolean): CallCommandReply {
    if (muted === this.muted) return OK;
    this.muted = muted;
    this.call.callerAudio.setMuted(muted);
    this.call.limits.setCallerMuted(muted);
    return OK;
  }

  private broadcast({ data, topic }: BroadcastCallCommand): CallCommandReply {
    this.call.client.send(topic === undefined ? { type: 'data', data } : { type: 'data', data, topic });
    return OK;
  }

  private startRecording(): CallCommandReply {
    if (!this.call.recordings.available) throw new BusError('CONFLICT', 'this gateway stores no recordings');
    if (!this.call.recordings.start()) throw new BusError('CONFLICT', 'the call is already being recorded');
    return OK;
  }

  private stopRecording(): CallCommandReply {
    if (!this.call.recordings.stop()) throw new BusError('CONFLICT', 'the call is not being recorded');
    return OK;
  }
}
