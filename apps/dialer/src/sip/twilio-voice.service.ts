import { Inject, Injectable } from '@nestjs/common';
import { BusError } from '@parley/bus';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { newDialTicket } from '../dial/dial-ticket';
import { SipInboundService } from './sip-inbound.service';
import { SIP_OPTIONS, type SipOptions } from './sip-options';
import { connectStreamTwiml } from '../telephony/twilio/twiml';
import { sayAndHangUpTwiml, UNKNOWN_NUMBER_MESSAGE } from './twiml';

export interface TwilioIncomingCall {
  readonly to?: string;
  readonly from?: string;
  readonly callSid?: string;
}

/** The TwiML for an incoming Twilio call: its number's agent over Media Streams, or a refusal. */
@Injectable()
export class TwilioVoiceService {
  constructor(
    @Inject(SipInboundService) private readonly inbound: SipInboundService,
    @Inject(SIP_OPTIONS) private readonly options: SipOptions,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async answer({ to, from, callSid }: TwilioIncomingCall): Promise<string> {
    if (!to) return sayAndHangUpTwiml(UNKNOWN_NUMBER_MESSAGE);
    const { ticket, hash } = newDialTicket();
    try {
      const call = await this.inbound.announce({ to, from, ticketHash: hash, carrierCallId: callSid });
      this.log.info({ callId: call.callId, orgId: call.orgId, callSid }, 'inbound twilio call routed');
      const url = `${this.options.gatewayPublicUrl.replace(/\/+$/, '')}/telephony/twilio/dial/${ticket}`;
      return connectStreamTwiml(url, { callId: call.callId });
    } catch (err) {
      if (!(err instanceof BusError && err.code === 'NOT_FOUND')) throw err;
      this.log.info({ callSid }, 'inbound twilio call to an unknown number refused');
      return sayAndHangUpTwiml(UNKNOWN_NUMBER_MESSAGE);
    }
  }
}
