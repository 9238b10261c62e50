/** What the SIP feature takes from the dialer's config. */
export interface SipOptions {
  /** How long an inbound call's ticket waits for its media stream (the ring timeout). */
  readonly ticketTtlMs: number;
  /** The gateway as carriers reach it, `wss://host` (Twilio's `<Stream url>` is built on it). */
  readonly gatewayPublicUrl: string;
  /** The dialer as carriers reach it, for checking `X-Twilio-Signature`, e.g. `https://dialer.example.com`. */
  readonly publicUrl?: string;
  /** Twilio's auth token: when set, voice webhooks without a valid signature are refused (403). */
  readonly twilioAuthToken?: string;
}

export const SIP_OPTIONS = Symbol('dialer:sip-options');
