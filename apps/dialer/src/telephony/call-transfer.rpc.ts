import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { type CallTransferReply, type CallTransferRequest, rpcSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import { TELEPHONY_PROVIDER, type TelephonyProvider } from './telephony-provider';

/**
 * What a provider offers when it can cold-transfer a live call: connect the caller to `to` and
 * drop the agent's media stream. Resolves once the provider accepted; rejects when it refused.
 * The request names the call's carrier and carrier call id (Twilio's CallSid) when the gateway
 * has them. Implemented by TwilioProvider (`<Dial>` TwiML on the live call).
 */
export interface CallTransferer {
  transfer(call: CallTransferRequest): Promise<void>;
}

function canTransfer(provider: TelephonyProvider): provider is TelephonyProvider & CallTransferer {
  return typeof (provider as Partial<CallTransferer>).transfer === 'function';
}

/**
 * Serves `dialer.v1.rpc.call.transfer` in the `dialer` queue group: the gateway asks after the
 * agent's `transfer_call` reply has been spoken. A provider that cannot transfer, or refuses,
 * answers `transferred: false` with the reason, and the agent tells the caller it cannot.
 */
@Injectable()
export class CallTransferRpc implements OnModuleInit {
  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(TELEPHONY_PROVIDER) private readonly provider: TelephonyProvider,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.bus.serve(rpcSubjects.dialerCallTransfer, (request) => this.transfer(request));
  }

  async transfer(request: CallTransferRequest): Promise<CallTransferReply> {
    const { provider } = this;
    if (!canTransfer(provider)) return { transferred: false, reason: `the telephony provider "${provider.name}" cannot transfer calls` };
    try {
      await provider.transfer(request);
      this.log.info({ callId: request.callId, provider: provider.name }, 'call transferred');
      return { transferred: true };
    } catch (err) {
      this.log.warn({ err, callId: request.callId, provider: provider.name }, 'call transfer refused');
      return { transferred: false, reason: `the telephony provider refused the transfer: ${(err as Error).message}` };
    }
  }
}
