import { Inject, Injectable } from '@nestjs/common';
import type { CallTransferRequest } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { CallTransferer } from '../call-transfer.rpc';
import type { OutboundCall, TelephonyProvider } from '../telephony-provider';
import { TwilioRestClient } from './twilio-rest-client';
import { TWILIO_SETTINGS, type TwilioSettings } from './twilio-settings';
import { connectStreamTwiml, dialTwiml } from './twiml';

/** A Twilio call SID: `CA` and 32 hex digits. */
const CALL_SID = /^CA[0-9a-fA-F]{32}$/;

/**
 * Places outbound calls through Twilio: Calls create with inline TwiML that connects the
 * answered call to the gateway's Media Streams path for this call's dial ticket, status callbacks
 * to this dialer (`?callId=` names the task's call) and answering machine detection. Transfers a
 * live Twilio call (placed here or inbound) by its CallSid.
 */
@Injectable()
export class TwilioProvider implements TelephonyProvider, CallTransferer {
  readonly name = 'twilio';

  constructor(
    @Inject(TWILIO_SETTINGS) private readonly settings: TwilioSettings,
    @Inject(TwilioRestClient) private readonly client: TwilioRestClient,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async dial(call: OutboundCall): Promise<void> {
    const { machineDetection } = this.settings;
    const created = await this.client.createCall({
      to: call.toNumber,
      twiml: connectStreamTwiml(this.streamUrl(call.ticket), { to: call.toNumber, from: this.settings.fromNumber }),
      statusCallback: this.statusCallback(call.callId),
      ...(machineDetection === 'off' ? {} : { machineDetection }),
    });
    this.log.info({ callId: call.callId, taskId: call.taskId, callSid: created.sid }, 'twilio call created');
  }

  /**
   * Cold transfer: the call gets `<Dial>to</Dial>` as new TwiML, so Twilio ends its Media Stream
   * (the gateway sees the caller's stream stop) and connects the caller to `to`. Refused, without
   * asking Twilio, for a call that is not on Twilio's media stream or has no CallSid.
   */
  async transfer(call: CallTransferRequest): Promise<void> {
    await this.client.updateCallTwiml(twilioCallSid(call), dialTwiml(call.to));
  }

  private streamUrl(ticket: string): string {
    return `${this.settings.streamBaseUrl.replace(/\/$/, '')}/telephony/twilio/dial/${encodeURIComponent(ticket)}`;
  }

  private statusCallback(callId: string): string {
    const url = new URL(this.settings.statusCallbackUrl);
    url.searchParams.set('callId', callId);
    return url.toString();
  }
}

function twilioCallSid(call: CallTransferRequest): string {
  if (call.carrier !== 'twilio') throw new Error(`the call is not carried by Twilio (carrier: ${call.carrier ?? 'none'})`);
  if (!call.carrierCallId) throw new Error('the gateway did not pass the call\'s Twilio CallSid');
  if (!CALL_SID.test(call.carrierCallId)) throw new Error(`"${call.carrierCallId}" is not a Twilio CallSid`);
  return call.carrierCallId;
}
