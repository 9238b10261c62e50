import { Inject, Injectable } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import { type Plan, type RpcReply, type RpcRequest, type RpcSubject } from '@parley/contracts';
import { UPGRADE_URL } from '../billing/quota.service';
import { ApiError } from '../http/api-error';
import { callService } from '../http/service-rpc';

type SipRpc = Extract<RpcSubject, `dialer.v1.rpc.sip${string}`>;

/** The dialer's SIP RPCs for the controllers, its answers as API errors (`callService`). */
@Injectable()
export class DialerSipClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  call<S extends SipRpc>(subject: S, request: RpcRequest<S>, resource: string): Promise<RpcReply<S>> {
    return callService(this.bus, subject, request, resource);
  }

  /** A create that may hit the plan's quota: the dialer's QUOTA_EXCEEDED becomes reference 004's 429. */
  async withinQuota<T>(plan: Plan, limit: number, create: () => Promise<T>): Promise<T> {
    try {
      return await create();
    } catch (err) {
      if (!(err instanceof BusError && err.code === 'QUOTA_EXCEEDED')) throw err;
      throw new ApiError(429, 'QUOTA_EXCEEDED', 'SIP config quota reached', {
        resource: 'sip_configs',
        limit,
        used: limit,
        remaining: 0,
        plan,
        upgrade_url: UPGRADE_URL,
      });
    }
  }
}
