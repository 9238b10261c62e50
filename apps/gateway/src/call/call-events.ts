import { Bus } from '@parley/bus';
import {
  type AnsweredBy,
  type CallEndedEvent,
  type CallEndReason,
  type CallLatency,
  type CallStartedEvent,
  eventSubjects,
} from '@parley/contracts';
import type { Logger } from '@parley/logging';
import type { RecordingHooks, RecordingStart } from './call-recorder';

export interface CallIdentity {
  readonly callId: string;
  readonly orgId: string;
  readonly agentId: string;
  readonly keyId: string;
}

/** Where a call came from, for `call.started`: the dialer's outbound calls name their task. */
export type CallOrigin = Partial<Pick<CallStartedEvent, 'direction' | 'channel' | 'taskId' | 'from' | 'to'>>;

export interface CallSummary {
  readonly reason: CallEndReason;
  readonly durationMs: number;
  readonly turns: number;
  readonly latency: CallLatency;
  /** Outbound calls: the answering-machine verdict; absent (not in the event) on inbound ones. */
  readonly answeredBy?: AnsweredBy;
}

/**
 * The call's facts on JetStream. Message ids derive from the fact (`<callId>:started`,
 * `<callId>:transcript:<seq>`, `<callId>:recording:<id>:started`, `<callId>:ended`), so a
 * retried publish is stored once.
 */
export class CallEvents {
  private seq = 0;
  private endedPublished = false;

  constructor(
    private readonly bus: Bus,
    private readonly call: CallIdentity,
    private readonly log: Logger,
  ) {}

  async started(startedAt: Date, origin: CallOrigin = {}): Promise<void> {
    const { callId, orgId, agentId, keyId } = this.call;
    const event: CallStartedEvent = {
      direction: 'inbound',
      channel: 'raw',
      ...origin,
      callId,
      orgId,
      agentId,
      keyId,
      startedAt: startedAt.toISOString(),
    };
    await this.publish(
      () => this.bus.publishEvent(eventSubjects.callStarted, event, { msgId: `${callId}:started` }),
      'call.started',
    );
  }

  /** A final line of the conversation; `interrupted` when the agent was cut off. */
  transcript(role: 'user' | 'assistant', text: string, interrupted?: boolean): void {
    const { callId, orgId } = this.call;
    const seq = this.seq++;
    const event = { callId, orgId, seq, role, text, at: new Date().toISOString(), ...(interrupted && { interrupted }) };
    void this.publish(
      () => this.bus.publishEvent(eventSubjects.transcriptAppended, event, { msgId: `${callId}:transcript:${seq}` }),
      'transcript.appended',
    );
  }

  /** `recording.started` and `recording.stopped` of the recording `recordingId`. */
  recording(recordingId: string): RecordingHooks {
    const { callId, orgId } = this.call;
    const fields = (start: RecordingStart) => ({
      callId,
      orgId,
      recordingId,
      path: start.path,
      format: 'wav' as const,
      sampleRate: start.sampleRate,
      channels: start.channels,
      startedAt: start.startedAt.toISOString(),
    });
    const msgId = (fact: string) => `${callId}:recording:${recordingId}:${fact}`;
    return {
      started: (start) =>
        void this.publish(
          () => this.bus.publishEvent(eventSubjects.recordingStarted, fields(start), { msgId: msgId('started') }),
          'recording.started',
        ),
      stopped: (start, stop) => {
        const event = { ...fields(start), ...stop, stoppedAt: stop.stoppedAt.toISOString() };
        void this.publish(
          () => this.bus.publishEvent(eventSubjects.recordingStopped, event, { msgId: msgId('stopped') }),
          'recording.stopped',
        );
      },
    };
  }

  /** Published at most once per session, whichever end path gets here first. */
  async ended(summary: CallSummary): Promise<void> {
    if (this.endedPublished) return;
    this.endedPublished = true;
    const { callId, orgId, agentId } = this.call;
    const { answeredBy, ...facts } = summary;
    const event: CallEndedEvent = {
      callId,
      orgId,
      agentId,
      ...facts,
      durationMs: Math.round(summary.durationMs),
      endedAt: new Date().toISOString(),
      ...(answeredBy && { answeredBy }),
    };
    await this.publish(
      () => this.bus.publishEvent(eventSubjects.callEnded, event, { msgId: `${callId}:ended` }),
      'call.ended',
    );
  }

  /** A lost fact cannot be recovered later, so one retry covers a reconnecting server. */
  private async publish(send: () => Promise<unknown>, event: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await send();
        return;
      } catch (err) {
        if (attempt >= 2) {
          this.log.error({ err, callId: this.call.callId, event }, 'call event not stored');
          return;
        }
      }
    }
  }
}
