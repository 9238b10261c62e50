import type { IncomingMessage } from 'node:http';
import { Body, Controller, ForbiddenException, Header, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { TwilioVoiceService } from './twilio-voice.service';
import { SIP_OPTIONS, type SipOptions } from './sip-options';
import { isTwilioSignatureValid } from '../telephony/twilio/twilio-signature';

/** The part of Express's request read here (Express 5 ships no types). */
type WebhookRequest = IncomingMessage & { readonly originalUrl: string; readonly protocol: string };

/**
 * Twilio's voice webhook for the platform's numbers (the number's "A call comes in" URL): answers
 * TwiML that streams the call to the gateway under a one-time ticket, or a polite refusal.
 */
@Controller('telephony/twilio')
export class TwilioVoiceController {
  constructor(
    @Inject(TwilioVoiceService) private readonly voice: TwilioVoiceService,
    @Inject(SIP_OPTIONS) private readonly options: SipOptions,
  ) {}

  @Post('voice')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  answer(
    @Req() req: WebhookRequest,
    @Body() body: unknown,
    @Headers('x-twilio-signature') signature?: string,
  ): Promise<string> {
    const params = formFields(body);
    if (this.options.twilioAuthToken) {
      const url = `${this.options.publicUrl ?? `${req.protocol}://${req.headers.host}`}${req.originalUrl}`;
      if (!isTwilioSignatureValid(this.options.twilioAuthToken, url, params, signature)) {
        throw new ForbiddenException('invalid X-Twilio-Signature');
      }
    }
    return this.voice.answer({ to: params.To, from: params.From, callSid: params.CallSid });
  }
}

/** The form's fields; Twilio sends only strings, so anything else cannot be part of a signed request. */
function formFields(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
