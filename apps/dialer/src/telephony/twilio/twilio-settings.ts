import type { DialerConfig } from '../../config';

/** What the Twilio provider and its status callbacks need, from the dialer's config. */
export interface TwilioSettings {
  /** `https://api.twilio.com`, or a local fake in tests. */
  readonly apiBaseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** The caller id of outbound calls: a Twilio number of the account (E.164). */
  readonly fromNumber: string;
  /** The gateway as Twilio reaches it (`wss://voice.example.com`); `/telephony/twilio/dial/<ticket>` is appended. */
  readonly streamBaseUrl: string;
  /** The full URL Twilio posts status callbacks to: this dialer's `/telephony/twilio/status`, as Twilio reaches it. */
  readonly statusCallbackUrl: string;
  /** Twilio answering machine detection for every call, or `off`. */
  readonly machineDetection: 'Enable' | 'DetectMessageEnd' | 'off';
  /** One REST request's timeout. */
  readonly requestTimeoutMs: number;
}

export const TWILIO_SETTINGS = Symbol('dialer:twilio-settings');

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The Twilio settings from the parsed config. The account SID, auth token and caller id have no
 * default (they are an account's secrets), so choosing Twilio without them stops the dialer at boot.
 */
export function twilioSettingsFrom(config: DialerConfig): TwilioSettings {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: fromNumber } = config;
  if (!accountSid || !authToken || !fromNumber) {
    throw new Error('TELEPHONY_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER');
  }
  return {
    apiBaseUrl: config.TWILIO_API_BASE_URL,
    accountSid,
    authToken,
    fromNumber,
    streamBaseUrl: config.TWILIO_STREAM_BASE_URL,
    statusCallbackUrl: config.TWILIO_STATUS_CALLBACK_URL,
    machineDetection: config.TWILIO_MACHINE_DETECTION,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  };
}
