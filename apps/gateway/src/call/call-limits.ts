import type { CallEndReason, CallLimits } from '@parley/contracts';

export type LimitReason = Extract<CallEndReason, 'MAX_DURATION_REACHED' | 'SILENCE_TIMEOUT'>;

/**
 * The wall-clock limits of `agent.limits`: total duration, and caller silence while the agent
 * is not busy (thinking or speaking does not count as the caller being silent). The turn
 * limit is counted by the session, which knows when a turn is answered.
 */
export class CallLimitsWatch {
  private durationTimer: NodeJS.Timeout | undefined;
  private silenceTimer: NodeJS.Timeout | undefined;
  private agentBusy = false;
  private callerMuted = false;
  private stopped = false;

  constructor(
    private readonly limits: CallLimits,
    private readonly onLimit: (reason: LimitReason) => void,
  ) {}

  start(): void {
    this.durationTimer = setTimeout(() => this.fire('MAX_DURATION_REACHED'), this.limits.maxDurationSec * 1000);
    this.armSilence();
  }

  /** The caller is talking: the silence clock starts again from now. */
  callerActive(): void {
    this.armSilence();
  }

  /** While the agent thinks or speaks the silence clock stands still; it restarts in full after. */
  setAgentBusy(busy: boolean): void {
    if (busy === this.agentBusy) return;
    this.agentBusy = busy;
    this.armSilence();
  }

  /** A muted caller is not heard, so cannot be silent: the clock stands still until unmuted. */
  setCallerMuted(muted: boolean): void {
    if (muted === this.callerMuted) return;
    this.callerMuted = muted;
    this.armSilence();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.durationTimer);
    clearTimeout(this.silenceTimer);
  }

  private armSilence(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = undefined;
    if (this.stopped || this.agentBusy || this.callerMuted) return;
    this.silenceTimer = setTimeout(() => this.fire('SILENCE_TIMEOUT'), this.limits.silenceTimeoutSec * 1000);
  }

  private fire(reason: LimitReason): void {
    if (this.stopped) return;
    this.stop();
    this.onLimit(reason);
  }
}
