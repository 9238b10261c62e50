import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  Post,
  Req,
} from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { TwilioCallStatus } from './twilio-call-status';
import { TWILIO_SETTINGS, type TwilioSettings } from './twilio-settings';
import { isTwilioSignatureValid } from './twilio-signature';
import { twilioStatusCallbackSchema } from './twilio-status.schema';

/** Express sets `originalUrl`: the URL as requested, before any router trimmed it. */
type Request = IncomingMessage & { readonly originalUrl?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Twilio's status callbacks for the calls this dialer placed. Only requests signed with the
 * account's auth token are read (403 otherwise); the URL checked is the configured callback URL
 * with the query Twilio echoed, so a proxy in front of the dialer does not break the signature.
 */
@Controller('telephony/twilio')
export class TwilioStatusController {
  constructor(
    @Inject(TWILIO_SETTINGS) private readonly settings: TwilioSettings,
    @Inject(TwilioCallStatus) private readonly status: TwilioCallStatus,
  ) {}

  @Post('status')
  @HttpCode(204)
  async receive(
    @Req() req: Request,
    @Headers('x-twilio-signature') signature: string | undefined,
    @Body() body: unknown,
  ): Promise<void> {
    const params = formFields(body);
    if (!isTwilioSignatureValid(this.settings.authToken, this.signedUrl(req), params, signature)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'X-Twilio-Signature does not match this request' });
    }
    const callback = twilioStatusCallbackSchema.safeParse(params);
    const callId = new URLSearchParams(queryOf(req)).get('callId') ?? '';
    if (!callback.success || !UUID.test(callId) || callback.data.AccountSid !== this.settings.accountSid) {
      throw new BadRequestException({ code: 'INVALID_REQUEST', message: 'not a status callback of a call this dialer placed' });
    }
    await this.status.apply(callId, callback.data);
  }

  private signedUrl(req: Request): string {
    const url = new URL(this.settings.statusCallbackUrl);
    url.search = queryOf(req);
    return url.toString();
  }
}

function queryOf(req: Request): string {
  const requested = req.originalUrl ?? req.url ?? '';
  const at = requested.indexOf('?');
  return at < 0 ? '' : requested.slice(at);
}

/** The form's fields; Twilio sends only strings, so anything else cannot be part of a signed callback. */
function formFields(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
