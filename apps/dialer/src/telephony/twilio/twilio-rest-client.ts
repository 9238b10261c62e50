import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { TwilioApiError } from './twilio-api.error';
import { TWILIO_SETTINGS, type TwilioSettings } from './twilio-settings';

/** Calls create's form parameters (twilio.com/docs/voice/api/call-resource#create-a-call-resource). */
export interface TwilioCallRequest {
  readonly to: string;
  readonly twiml: string;
  readonly statusCallback: string;
  readonly machineDetection?: 'Enable' | 'DetectMessageEnd';
}

const callResourceSchema = z.looseObject({ sid: z.string().min(1), status: z.string() });
const errorBodySchema = z.looseObject({ code: z.number().optional(), message: z.string().optional() });

export type TwilioCallResource = z.infer<typeof callResourceSchema>;

/** Every progress event, so the dialer hears ringing and the AMD result, not only `completed`. */
const STATUS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'];
const ATTEMPTS = 3;
const BACKOFF_MS = 250;

/**
 * Twilio's Calls REST API with plain `fetch`: form-encoded bodies, Basic auth with the account
 * SID and auth token. Retries what may succeed later (408, 429, 5xx, no answer) up to three
 * attempts with backoff; anything else fails at once with Twilio's code and message.
 */
@Injectable()
export class TwilioRestClient {
  constructor(@Inject(TWILIO_SETTINGS) private readonly settings: TwilioSettings) {}

  createCall(request: TwilioCallRequest): Promise<TwilioCallResource> {
    const form = new URLSearchParams({
      To: request.to,
      From: this.settings.fromNumber,
      Twiml: request.twiml,
      StatusCallback: request.statusCallback,
      StatusCallbackMethod: 'POST',
    });
    for (const event of STATUS_EVENTS) form.append('StatusCallbackEvent', event);
    if (request.machineDetection) form.set('MachineDetection', request.machineDetection);
    return this.withRetries(() => this.post('Calls.json', form));
  }

  /**
   * Gives a call in progress new instructions (`Twiml`): Twilio ends what the call runs now (its
   * Media Stream) and runs the new TwiML. Retried as create is.
   */
  updateCallTwiml(callSid: string, twiml: string): Promise<TwilioCallResource> {
    return this.withRetries(() => this.post(`Calls/${encodeURIComponent(callSid)}.json`, new URLSearchParams({ Twiml: twiml })));
  }

  /** Hangs up a call in progress (`completed`) or one still ringing (`canceled`). */
  endCall(callSid: string, status: 'completed' | 'canceled' = 'completed'): Promise<TwilioCallResource> {
    return this.withRetries(() => this.post(`Calls/${encodeURIComponent(callSid)}.json`, new URLSearchParams({ Status: status })));
  }

  private async post(resource: string, form: URLSearchParams): Promise<TwilioCallResource> {
    const { apiBaseUrl, accountSid, authToken, requestTimeoutMs } = this.settings;
    const url = `${apiBaseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/${resource}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (err) {
      throw new TwilioApiError(0, undefined, err instanceof Error ? err.message : String(err));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw errorOf(response, body);
    const call = callResourceSchema.safeParse(body);
    if (!call.success) throw new TwilioApiError(502, undefined, 'the call resource in the answer is not readable');
    return call.data;
  }

  private async withRetries<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (err) {
        if (!(err instanceof TwilioApiError) || !err.retryable || attempt >= ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS * 2 ** (attempt - 1)));
      }
    }
  }
}

function errorOf(response: Response, body: unknown): TwilioApiError {
  const parsed = errorBodySchema.safeParse(body);
  const detail = (parsed.success && parsed.data.message) || response.statusText || 'no error message';
  return new TwilioApiError(response.status, parsed.success ? parsed.data.code : undefined, detail);
}
