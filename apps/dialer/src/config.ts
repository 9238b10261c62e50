import { databaseEnv, type EnvSource, parseEnv, serviceEnv, wholeNumber } from '@parley/config';
import { z } from 'zod';

/** Everything dialer reads from its environment. */
export const dialerEnv = z.object({
  ...serviceEnv(3015),
  ...databaseEnv,
  /** How often the scheduler looks for due tasks when none is due sooner; the timing error is at most this. */
  DIALER_SCHEDULER_TICK_MS: wholeNumber(20, 10_000).default(200),
  /** Tasks due this soon are claimed ahead and dialed at their time, so a slow database cannot make them late. */
  DIALER_SCHEDULER_LOOKAHEAD_MS: wholeNumber(0, 10_000).default(2000),
  /** Due tasks one scheduler instance claims per pass; the rest wait for the next pass or another instance. */
  DIALER_SCHEDULER_BATCH: wholeNumber(1, 1_000).default(50),
  /** An organization's concurrent scheduled calls until rest-api has reported its real limit. */
  DIALER_DEFAULT_MAX_CONCURRENT_CALLS: wholeNumber(1, 10_000).default(5),
  /** A placed call that has not reached the gateway after this long fails its task (NO_ANSWER). */
  DIALER_RING_TIMEOUT_S: wholeNumber(5, 3_600).default(60),
  /** A connected call with no ending after this long fails its task (CALL_LOST): its end event was lost. */
  DIALER_MAX_CALL_S: wholeNumber(60, 86_400).default(7_200),
  /** Who places outbound calls: the embedded simulated callee (default), Twilio, or nobody (every dial refused). */
  TELEPHONY_PROVIDER: z.enum(['simulator', 'twilio', 'none']).default('simulator'),
  /** The gateway the simulator dials, `ws://` or `wss://` (its `/voice/dial/<ticket>` path). */
  DIALER_GATEWAY_URL: z.url({ protocol: /^wss?$/ }).default('ws://127.0.0.1:3001'),
  /** The simulated callee hangs up after this long, whatever the agent is doing. */
  DIALER_SIMULATOR_MAX_CALL_S: wholeNumber(10, 3_600).default(180),
  /** How long the simulated callee waits for the agent to finish speaking before it gives up. */
  DIALER_SIMULATOR_REPLY_TIMEOUT_S: wholeNumber(1, 600).default(45),
  /** The flite voice of the simulated callee (a 16 kHz one: slt, rms, awb, kal16). */
  DIALER_SIMULATOR_VOICE: z.string().min(1).default('slt'),
  /** Twilio (TELEPHONY_PROVIDER=twilio): the account that places calls; no defaults, they are secrets. */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The caller id of outbound calls: a number of the Twilio account, E.164. */
  TWILIO_FROM_NUMBER: z.string().regex(/^\+[1-9]\d{6,14}$/).optional(),
  /** Twilio's REST API; a local fake in tests. */
  TWILIO_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
  /** The gateway as Twilio reaches it (public `wss://` in production); the TwiML streams to `/telephony/twilio/dial/<ticket>` there. */
  TWILIO_STREAM_BASE_URL: z.url({ protocol: /^wss?$/ }).default('ws://127.0.0.1:3001'),
  /** This dialer's status callback URL as Twilio reaches it (and signs it). */
  TWILIO_STATUS_CALLBACK_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3015/telephony/twilio/status'),
  /** Answering machine detection on every Twilio call (`AnsweredBy` → report outcome in_voicemail), or off. */
  TWILIO_MACHINE_DETECTION: z.enum(['Enable', 'DetectMessageEnd', 'off']).default('Enable'),
});

export type DialerConfig = ReturnType<typeof loadConfig>;

/** Parsed once at boot, into a frozen object; a bad variable stops the process before it starts. */
export function loadConfig(env: EnvSource = process.env) {
  return parseEnv(dialerEnv, env);
}
