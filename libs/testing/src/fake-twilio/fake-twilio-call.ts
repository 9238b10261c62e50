import { twilioRequestSignature } from './twilio-request-signature';
import type { TwilioMediaLegRunner } from './twilio-media-leg';
import type { TwimlStream } from './twiml-stream';

/** How the callee behaves: picks up (the default), or the call ends without being answered. */
export type TwilioCallOutcome = 'answered' | 'busy' | 'no-answer' | 'failed';

/** Twilio's `AnsweredBy` values (answering machine detection). */
export type TwilioAnsweredBy = 'human' | 'machine_start' | 'machine_end_beep' | 'machine_end_silence' | 'fax' | 'unknown';

export interface FakeTwilioCallScript {
  readonly outcome?: TwilioCallOutcome;
  /** Reported when the call asked for `MachineDetection` (default `human`). */
  readonly answeredBy?: TwilioAnsweredBy;
  /** Time between the status steps (initiated → ringing → answered), 20 ms by default. */
  readonly stepMs?: number;
}

export type TwilioCallStatus = 'queued' | 'initiated' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

/** One status callback the fake posted, and what the receiver answered. */
export interface TwilioStatusCallback {
  readonly url: string;
  readonly params: Record<string, string>;
  readonly signature: string;
  /** HTTP status answered, 0 when the request failed. */
  status: number;
}

export interface FakeTwilioCallSetup {
  readonly sid: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The form parameters of the create request, as received. */
  readonly params: Record<string, string>;
  readonly statusCallbackEvents: readonly string[];
  readonly stream: TwimlStream | null;
  readonly script: FakeTwilioCallScript;
  readonly media: TwilioMediaLegRunner;
}

const TERMINAL: readonly TwilioCallStatus[] = ['completed', 'busy', 'no-answer', 'failed', 'canceled'];

/**
 * One call's life as Twilio runs it: initiated → ringing → in-progress (AMD result in
 * `AnsweredBy`) → the media stream → completed, or an unanswered ending. Each step posts a signed
 * status callback when the create request subscribed to it (`StatusCallbackEvent`, default
 * `completed` only), as Twilio does.
 */
export class FakeTwilioCall {
  status: TwilioCallStatus = 'queued';
  answeredBy: TwilioAnsweredBy | null = null;
  readonly callbacks: TwilioStatusCallback[] = [];
  readonly createdAt = new Date();
  startedAt: Date | null = null;
  endedAt: Date | null = null;
  /** TwiML that replaced the call's instructions (`POST .../Calls/{Sid}.json` with `Twiml`), in order. */
  readonly twimlUpdates: string[] = [];
  private readonly hangUp = new AbortController();
  /** Ends the media leg: a hang-up, or new TwiML that moves the call on. */
  private readonly streamEnd = new AbortController();
  private sequence = 0;
  readonly done: Promise<void>;

  constructor(private readonly setup: FakeTwilioCallSetup) {
    this.done = this.run();
  }

  get sid(): string {
    return this.setup.sid;
  }

  get params(): Record<string, string> {
    return this.setup.params;
  }

  get streamUrl(): string | null {
    return this.setup.stream?.url ?? null;
  }

  get ended(): boolean {
    return TERMINAL.includes(this.status);
  }

  /** `POST .../Calls/{Sid}.json` with `Status=completed|canceled`. */
  end(): void {
    this.hangUp.abort();
    this.streamEnd.abort();
  }

  /**
   * `POST .../Calls/{Sid}.json` with `Twiml` on a call in progress: Twilio stops the media stream
   * (`stop`, then it closes the socket) and runs the new TwiML. The fake records it; a `<Dial>`'s
   * leg is not played, so the call completes once the stream is over.
   */
  redirect(twiml: string): void {
    this.twimlUpdates.push(twiml);
    this.streamEnd.abort();
  }

  private async run(): Promise<void> {
    const { outcome = 'answered', stepMs = 20 } = this.setup.script;
    await this.step(0, 'initiated', 'initiated');
    if (outcome === 'failed') return this.finish('failed');
    await this.step(stepMs, 'ringing', 'ringing');
    await sleep(stepMs);
    if (this.hangUp.signal.aborted) return this.finish('canceled');
    if (outcome !== 'answered') return this.finish(outcome);
    this.answer();
    await this.post('answered');
    await this.talk();
    return this.finish('completed');
  }

  private answer(): void {
    this.status = 'in-progress';
    this.startedAt = new Date();
    if (this.setup.params.MachineDetection) this.answeredBy = this.setup.script.answeredBy ?? 'human';
  }

  private async talk(): Promise<void> {
    const { stream, media, accountSid, sid } = this.setup;
    if (!stream) return; // TwiML without <Connect><Stream>: nothing keeps the call up
    await media({ streamUrl: stream.url, parameters: stream.parameters, accountSid, callSid: sid, signal: this.streamEnd.signal });
  }

  private async step(delayMs: number, status: TwilioCallStatus, event: string): Promise<void> {
    await sleep(delayMs);
    if (this.hangUp.signal.aborted) return;
    this.status = status;
    await this.post(event);
  }

  private async finish(status: TwilioCallStatus): Promise<void> {
    this.status = status;
    this.endedAt = new Date();
    await this.post('completed');
  }

  private async post(event: string): Promise<void> {
    const url = this.setup.params.StatusCallback;
    if (!url || !this.setup.statusCallbackEvents.includes(event)) return;
    const params = this.callbackParams();
    const signature = twilioRequestSignature(this.setup.authToken, url, params);
    const callback: TwilioStatusCallback = { url, params, signature, status: 0 };
    this.callbacks.push(callback);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, 'user-agent': 'TwilioProxy/1.1' },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      callback.status = response.status;
    } catch {
      callback.status = 0; // Twilio logs a failed callback (error 15003) and carries on
    }
  }

  private callbackParams(): Record<string, string> {
    const { params, sid, accountSid } = this.setup;
    const ended = this.endedAt !== null;
    const seconds = this.startedAt && this.endedAt ? Math.round((this.endedAt.getTime() - this.startedAt.getTime()) / 1000) : 0;
    return {
      AccountSid: accountSid,
      ApiVersion: '2010-04-01',
      CallSid: sid,
      CallStatus: this.status,
      CallbackSource: 'call-progress-events',
      Called: params.To,
      Caller: params.From,
      Direction: 'outbound-api',
      From: params.From,
      SequenceNumber: String(this.sequence++),
      Timestamp: new Date().toUTCString().replace('GMT', '+0000'),
      To: params.To,
      ...(this.answeredBy ? { AnsweredBy: this.answeredBy } : {}),
      ...(ended ? { CallDuration: String(seconds), Duration: String(Math.ceil(seconds / 60)) } : {}),
    };
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
