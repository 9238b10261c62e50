import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { OutboundCall, TelephonyProvider } from '../telephony-provider';
import { TwilioRestClient } from './twilio-rest-client';
import { TWILIO_SETTINGS, type TwilioSettings } from './twilio-settings';
import { connectStreamTwiml } from './twiml';

/**
 * Places outbound calls through Twilio: Calls create with inline TwiML that connects the
 * answered call to the gateway's Media Streams path for this call's dial ticket, status callbacks
 * to this dialer (`?callId=` names the task's call) and answering machine detection.
 */
@Injectable()
export class TwilioProvider implements TelephonyProvider {
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

  private streamUrl(ticket: string): string {
    return `${this.settings.streamBaseUrl.replace(/\/$/, '')}/telephony/twilio/dial/${encodeURIComponent(ticket)}`;
  }

  private statusCallback(callId: string): string {
    const url = new URL(this.settings.statusCallbackUrl);
    url.searchParams.set('callId', callId);
    return url.toString();
  }
}
