import { Inject, Injectable } from '@nestjs/common';
import { Bus } from '@parley/bus';
import type { RpcReply, RpcRequest, RpcSubject } from '@parley/contracts';
import { callService } from '../http/service-rpc';

type BillingRpc = Extract<RpcSubject, `billing.v1.rpc.${string}`>;

/** Billing's balance, ledger, credit and usage RPCs for the billing endpoints (`callService`). */
@Injectable()
export class BillingRpcClient {
  constructor(@Inject(Bus) private readonly bus: Bus) {}

  call<S extends BillingRpc>(subject: S, request: RpcRequest<S>): Promise<RpcReply<S>> {
    return callService(this.bus, subject, request, 'Billing account');
  }
}
