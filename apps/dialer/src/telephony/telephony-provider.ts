/** What a provider needs to place one outbound call of a task. */
export interface OutboundCall {
  /** Chosen by the dialer, so `execute` can answer with it before the callee picks up. */
  readonly callId: string;
  readonly taskId: string;
  readonly orgId: string;
  readonly agentId: string;
  readonly toNumber: string;
  readonly startingMessage: string | null;
  readonly contextData: Record<string, unknown> | null;
  /**
   * The call's one-time dial ticket (base64url): the provider points the gateway's dial path at
   * it (`/voice/dial/<ticket>`, `/telephony/<carrier>/dial/<ticket>`). It expires with the ring timeout.
   */
  readonly ticket: string;
}

/**
 * A telephony provider behind one interface: `dial` resolves once the provider accepted the call
 * (it is ringing), and rejects when it refused; what happens on the call arrives as call events.
 */
export interface TelephonyProvider {
  readonly name: string;
  dial(call: OutboundCall): Promise<void>;
}

export const TELEPHONY_PROVIDER = Symbol('dialer:telephony-provider');
